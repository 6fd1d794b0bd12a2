package org.muonscope.engine.experiments.dln;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.DlnSpec;

/**
 * A deep-linear run with its records' fields typed, as the Simplicity Lab and the tests read it: the engine's records with their fields typed.
 *
 * @param source the run itself (what the lab exports)
 */
public record DlnRun(RunResult source, DlnSpec spec, double[] targetSingularValues, List<Trace> traces) {
    /** One record; {@code theory} is NaN where the optimizer has no closed form. */
    public record Point(long step, double tau, double loss, double effectiveRank, double[] sigma, double[] theory) { }

    /** One optimizer; {@code oscillation[k]} is the peak-to-peak range of {@code sigma_k} over the last quarter. */
    public record Trace(String label, OptimizerSettings optimizer, List<Point> points, double[] oscillation, String message) { }

    public static DlnRun of(RunResult r) {
        List<Trace> traces = new ArrayList<>();
        for (OptimizerResult o : r.optimizers()) {
            List<Point> points = new ArrayList<>();
            for (Record rec : o.records()) points.add(point(rec));
            double[] osc = o.summary().vector(DlnFields.PEAK_TO_PEAK);
            traces.add(new Trace(o.label(), o.settings(), List.copyOf(points), osc == null ? new double[0] : osc, o.message()));
        }
        return new DlnRun(r, (DlnSpec) r.spec(), r.info().vector(DlnFields.TARGET), List.copyOf(traces));
    }

    public static Point point(Record r) {
        Values v = r.values();
        return new Point(r.step(), v.scalar(DlnFields.TAU), v.scalar(DlnFields.LOSS), v.scalar(DlnFields.EFFECTIVE_RANK),
                v.vector(DlnFields.SIGMA), v.vector(DlnFields.THEORY));
    }

    /** Runs {@code spec} here, to the end, and types its records (tests and scripts). */
    public static DlnRun run(DlnSpec spec) {
        return of(new DlnExperiment().run(spec, RunListener.NONE, CancelToken.none(), RunContext.of("engine")));
    }
}

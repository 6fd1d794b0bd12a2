package org.muonscope.engine.experiments.routing;

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
import org.muonscope.engine.spec.RoutingSpec;

/**
 * A routing run with its records' fields typed, as the Simplicity Lab and the tests read it, whole or partial (while it trains): the engine's records typed.
 *
 * @param source the finished run (what the lab exports); null while it streams in
 */
public record RoutingRun(RunResult source, RoutingSpec spec, List<Trace> traces) {
    /** One record: errors on seen and unseen pairs, the hidden layer's spectrum, the 7 x 7 error grid. */
    public record Point(long step, double batchLoss, double seenError, double unseenError, double effectiveRank,
                 double[] hiddenSpectrum, double[][] errorGrid) { }

    /** One optimizer; {@code message} is null when it completed, else why it stopped (or "running"). */
    public record Trace(String label, OptimizerSettings optimizer, List<Point> points, String message) {
        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    public static RoutingRun of(RunResult r) {
        List<Trace> traces = new ArrayList<>();
        for (OptimizerResult o : r.optimizers()) {
            if (o.records().isEmpty()) continue;
            List<Point> points = new ArrayList<>();
            for (Record rec : o.records()) points.add(point(rec));
            traces.add(new Trace(o.label(), o.settings(), List.copyOf(points), o.message()));
        }
        return new RoutingRun(r, (RoutingSpec) r.spec(), List.copyOf(traces));
    }

    public static Point point(Record r) {
        Values v = r.values();
        return new Point(r.step(), v.scalar(RoutingFields.BATCH_LOSS), v.scalar(RoutingFields.SEEN_ERROR),
                v.scalar(RoutingFields.UNSEEN_ERROR), v.scalar(RoutingFields.EFFECTIVE_RANK),
                v.vector(RoutingFields.HIDDEN_SPECTRUM), v.matrix(RoutingFields.ERROR_GRID));
    }

    /** Runs {@code spec} here, to the end, and types its records (tests and scripts). */
    public static RoutingRun run(RoutingSpec spec) {
        return of(new RoutingExperiment().run(spec, RunListener.NONE, CancelToken.none(), RunContext.of("engine")));
    }
}

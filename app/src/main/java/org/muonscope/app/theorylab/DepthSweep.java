package org.muonscope.app.theorylab;

import org.muonscope.engine.experiments.theory.TheoryFields;

import org.muonscope.engine.optim.OptimizerKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.muonscope.app.common.RunEngine;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.plots.DepthFigure;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.RunResult;
import org.muonscope.app.plots.TheoryPoint;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Measures SpecGD's {@code t90} per class at depths {@code 1..6} on the current problem, one engine run per
 * depth, one after the other in the background, so the depth view can set measurement beside the formula.
 * A new request cancels the sweep in flight.
 */
public final class DepthSweep {
    /** Init scale of the deep runs (docs/theory.md's check uses 1e-3); depth 1 starts from {@code W = 0}. */
    public static final double DEEP_INIT = 1e-3;

    private final RunEngine engine;
    private final UiExecutor ui;
    /** {@code t90[L-1][c]}, -1 where not reached; rows stay null until their depth has run. */
    private final ObjectProperty<long[][]> measured = new SimpleObjectProperty<>();
    private RunEngine.Handle inFlight;
    private FxRunListener listener;
    private long generation;

    public DepthSweep(RunEngine engine, UiExecutor ui) {
        this.engine = engine;
        this.ui = ui;
    }

    public ObjectProperty<long[][]> measuredProperty() {
        return measured;
    }

    /** The spec of one depth: SpecGD alone, long enough for the slowest class to pass 90% with room to spare. */
    static TheorySpec specFor(TheorySpec base, int depth) {
        double eta = DepthFigure.eta(base);
        double slowest = 0;
        for (int c = 0; c < base.classes(); c++) slowest = Math.max(slowest, TheoryFormulas.t90SpecExact(base, c, eta, depth));
        int steps = (int) Math.min(200_000, Math.ceil(slowest * 1.3) + 20);
        int every = Math.max(1, steps / 1000);
        OptimizerSettings specgd = OptimizerKind.of("specgd").defaults().with(java.util.Map.of("lr", Double.toString(eta)));
        return new TheorySpec(base.priors(), base.mu(), base.sigma(), base.dim(), depth,
                Math.max(base.hidden(), base.classes()), depth == 1 ? 0 : DEEP_INIT, base.rotated(), base.overlap(),
                base.mode(), steps, every, base.seed(), List.of(specgd));
    }

    public void start(TheorySpec base) {
        cancel();
        long mine = ++generation;
        measured.set(new long[DepthFigure.MAX_DEPTH][]);
        runDepth(base, 1, mine);
    }

    private void runDepth(TheorySpec base, int depth, long mine) {
        if (depth > DepthFigure.MAX_DEPTH || mine != generation) return;
        TheorySpec spec = specFor(base, depth);
        listener = new FxRunListener(ui, new FxRunListener.Sink() {
            @Override
            public void onBatch(List<TheoryPoint> s, List<OptimizerResult> ended, RunResult finished) {
                if (mine != generation || finished == null) return;
                long[][] next = measured.get().clone();
                OptimizerResult r = finished.optimizers().get(0);
                double[] m = r.summary().vector(TheoryFields.T90_MEASURED);
                long[] t = new long[m == null ? 0 : m.length];
                for (int c = 0; c < t.length; c++) t[c] = Double.isNaN(m[c]) ? -1 : (long) m[c];
                if (r.status() == Status.DIVERGED) Arrays.fill(t, -1);
                next[depth - 1] = t;
                measured.set(next);
                runDepth(base, depth + 1, mine);
            }
        });
        inFlight = engine.start(spec, listener);
    }

    public void cancel() {
        generation++;
        if (listener != null) listener.detach();
        if (inFlight != null) inFlight.cancel();
        inFlight = null;
        listener = null;
    }

    /** Depths measured so far. */
    public static List<Integer> done(long[][] t90) {
        List<Integer> out = new ArrayList<>();
        if (t90 == null) return out;
        for (int l = 0; l < t90.length; l++) if (t90[l] != null) out.add(l + 1);
        return out;
    }
}

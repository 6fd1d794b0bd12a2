package org.muonscope.app.support;

import org.muonscope.engine.optim.OptimizerKind;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.common.RunEngine;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.theorylab.TheoryLabViewModel;
import org.muonscope.engine.experiment.OptimizerResult;
import org.muonscope.engine.experiment.RunListener;
import org.muonscope.engine.experiment.RunProvenance;
import org.muonscope.engine.experiment.RunResult;
import org.muonscope.engine.experiment.Snapshot;
import org.muonscope.engine.experiment.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * A test engine behind the window's seam: GD and SpecGD follow their closed forms, every other kind
 * follows GD, and a step size above {@link #DIVERGE_LR} diverges at step 3. Runs synchronously unless
 * {@code hold} is set, in which case runs stay in flight until {@link #finishAll()}.
 */
public final class FakeEngine implements RunEngine {
    public static final double DIVERGE_LR = 10;

    public final List<TheorySpec> started = new ArrayList<>();
    public final List<Boolean> cancelled = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    public boolean hold;

    @Override
    public Handle start(TheorySpec spec, RunListener listener) {
        int id = started.size();
        started.add(spec);
        cancelled.add(false);
        Runnable run = () -> play(spec, listener, id);
        if (hold) pending.add(run); else run.run();
        return () -> cancelled.set(id, true);
    }

    public void finishAll() {
        List<Runnable> p = new ArrayList<>(pending);
        pending.clear();
        p.forEach(Runnable::run);
    }

    private void play(TheorySpec spec, RunListener listener, int id) {
        List<String> labels = TheoryLabViewModel.labels(spec.optimizers());
        List<OptimizerResult> results = new ArrayList<>();
        int k = spec.classes();
        double[] w = TheoryFormulas.wStar(spec);
        for (int slot = 0; slot < spec.optimizers().size(); slot++) {
            OptimizerSettings o = spec.optimizers().get(slot);
            List<Snapshot> snaps = new ArrayList<>();
            long[] t90 = new long[k];
            java.util.Arrays.fill(t90, -1);
            OptimizerResult.Status status = OptimizerResult.Status.COMPLETED;
            String message = null;
            for (long t = 0; t <= spec.steps(); t += spec.every()) {
                if (cancelled.get(id)) { status = OptimizerResult.Status.CANCELLED; break; }
                if (o.lr() > DIVERGE_LR && t >= 3) {
                    status = OptimizerResult.Status.DIVERGED;
                    message = "non-finite loss at step " + t + ": step size too large";
                    break;
                }
                double[] diag = new double[k], loss = new double[k], acc = new double[k];
                for (int c = 0; c < k; c++) {
                    diag[c] = o.kind() == OptimizerKind.SPECGD ? TheoryFormulas.specGd(spec, c, o.lr(), t, spec.depth())
                            : TheoryFormulas.gd(spec, c, o.lr(), t);
                    loss[c] = 0.5 * Math.pow(spec.mu() * diag[c] - 1, 2);
                    acc[c] = 1.0 / k + (1 - 1.0 / k) * diag[c] / w[c];
                    if (t90[c] < 0 && diag[c] >= 0.9 * w[c]) t90[c] = t;
                }
                double mean = 0, worst = 0, bal = 0, worstAcc = 1;
                for (int c = 0; c < k; c++) {
                    mean += loss[c] / k;
                    worst = Math.max(worst, loss[c]);
                    bal += acc[c] / k;
                    worstAcc = Math.min(worstAcc, acc[c]);
                }
                Snapshot s = new Snapshot(labels.get(slot), slot, t, diag, loss, acc, mean, mean,
                        loss[spec.minorityClass()], worst, bal, worstAcc, 0, diag.clone());
                snaps.add(s);
                listener.onSnapshot(s);
            }
            OptimizerResult r = new OptimizerResult(labels.get(slot), slot, status, message, snaps, t90, new double[k][spec.dim()]);
            results.add(r);
            listener.onOptimizerEnded(r);
        }
        listener.onRunEnded(new RunResult(spec, results, new RunProvenance("test", "17", "test", "x", 1, "now", spec.seed(), "fake")));
    }
}

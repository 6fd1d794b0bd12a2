package org.muonscope.app.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muonscope.app.common.RunEngine;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.optim.OptimizerKind;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.TheorySpec;

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

    /** A finished run of the fake engine, as the window's files would hold it. */
    public static RunResult result(TheorySpec spec) {
        RunResult[] out = new RunResult[1];
        new FakeEngine().start(spec, new RunListener() {
            @Override
            public void onRunEnded(RunResult r) {
                out[0] = r;
            }
        });
        return out[0];
    }

    private void play(TheorySpec spec, RunListener listener, int id) {
        List<String> labels = spec.labels();
        List<OptimizerResult> results = new ArrayList<>();
        int k = spec.classes();
        double[] w = TheoryFormulas.wStar(spec);
        for (int slot = 0; slot < spec.optimizers().size(); slot++) {
            OptimizerSettings o = spec.optimizers().get(slot);
            List<Record> snaps = new ArrayList<>();
            double[] t90 = new double[k];
            Arrays.fill(t90, Double.NaN);
            Status status = Status.COMPLETED;
            String message = null;
            for (long t = 0; t <= spec.steps(); t += spec.every()) {
                if (cancelled.get(id)) { status = Status.CANCELLED; break; }
                if (o.lr() > DIVERGE_LR && t >= 3) {
                    status = Status.DIVERGED;
                    message = "non-finite loss at step " + t + ": step size too large";
                    break;
                }
                double[] diag = new double[k], loss = new double[k], acc = new double[k];
                for (int c = 0; c < k; c++) {
                    diag[c] = o.kind() == OptimizerKind.SPECGD ? TheoryFormulas.specGd(spec, c, o.lr(), t, spec.depth())
                            : TheoryFormulas.gd(spec, c, o.lr(), t);
                    loss[c] = 0.5 * Math.pow(spec.mu() * diag[c] - 1, 2);
                    acc[c] = 1.0 / k + (1 - 1.0 / k) * diag[c] / w[c];
                    if (Double.isNaN(t90[c]) && diag[c] >= 0.9 * w[c]) t90[c] = t;
                }
                double mean = 0, worst = 0, bal = 0, worstAcc = 1;
                for (int c = 0; c < k; c++) {
                    mean += loss[c] / k;
                    worst = Math.max(worst, loss[c]);
                    bal += acc[c] / k;
                    worstAcc = Math.min(worstAcc, acc[c]);
                }
                Record s = new Record(labels.get(slot), slot, t, Values.builder()
                        .put(TheoryFields.DIAG, diag).put(TheoryFields.CLASS_LOSS, loss).put(TheoryFields.CLASS_ACCURACY, acc)
                        .put(TheoryFields.ACCURACY_METHOD, "exact").put(TheoryFields.LOSS, mean)
                        .put(TheoryFields.BALANCED_LOSS, mean).put(TheoryFields.MINORITY_LOSS, loss[spec.minorityClass()])
                        .put(TheoryFields.WORST_CLASS_LOSS, worst).put(TheoryFields.BALANCED_ACCURACY, bal)
                        .put(TheoryFields.WORST_CLASS_ACCURACY, worstAcc).put(TheoryFields.OFFDIAG_RATIO, 0)
                        .put(TheoryFields.SINGULAR_VALUES, diag.clone()).build());
                snaps.add(s);
                listener.onRecord(s);
            }
            OptimizerResult r = new OptimizerResult(labels.get(slot), slot, o, status, message, snaps, Values.builder()
                    .put(TheoryFields.PRIOR, spec.priors()).put(TheoryFields.W_STAR, w).put(TheoryFields.T90_MEASURED, t90)
                    .put(TheoryFields.FINAL_W, new double[k][spec.dim()]).build());
            results.add(r);
            listener.onOptimizerEnded(r);
        }
        listener.onRunEnded(new RunResult(spec, new RunProvenance("test", "17", "test", "x", 1, "now", spec.seed(), "fake"),
                results, Values.EMPTY));
    }
}

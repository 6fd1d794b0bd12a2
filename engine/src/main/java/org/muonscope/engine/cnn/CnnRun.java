package org.muonscope.engine.cnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.data.Batches;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.experiment.RunProvenance;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.Models;
import org.muonscope.engine.model.cnn.Network;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSpec;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.optim.Param;

/**
 * Trains the spec's network once per optimizer, each from the same seeded initial weights over the same seeded
 * batches, evaluating every {@code evalEvery} steps and at each epoch's end. Deterministic: the only randomness
 * is the seeded init and shuffles, and the GEMM never splits a sum across threads, so the numbers do not
 * depend on the thread count either. With a checkpoint folder, the full state (master weights, optimizer
 * state, counters, evaluations so far) is saved atomically after each epoch, and a later run of the same spec
 * resumes from it to the same numbers. {@link #cancel()} stops at the next step.
 */
public final class CnnRun {
    /** Progress ticks per epoch. */
    private static final int TICKS = 20;

    private final CnnSpec spec;
    private final TrainTest data;
    private final CnnListener listener;
    private final Path checkpoints;
    private final String command;
    private volatile boolean cancelled;

    /**
     * @param checkpoints folder for per-epoch checkpoints (resumed from when they match the spec); null for none
     * @param command     what started the run, for the provenance
     */
    public CnnRun(CnnSpec spec, TrainTest data, CnnListener listener, Path checkpoints, String command) {
        this.spec = spec;
        this.data = data;
        this.listener = listener == null ? CnnListener.NONE : listener;
        this.checkpoints = checkpoints;
        this.command = command;
    }

    /** Asks the run to stop before its next step; the optimizer in flight ends as {@code cancelled}. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs every optimizer in turn on the calling thread (the GEMM team adds {@code threads - 1} helpers). */
    public CnnResult run() {
        RunProvenance provenance = RunProvenance.capture(spec.seed(), command);
        List<CnnOptimizerResult> results = new ArrayList<>();
        try (GemmThreads threads = GemmThreads.of(spec.threads())) {
            Gemm gemm = Gemm.on(threads);
            for (int i = 0; i < spec.optimizers().size() && !cancelled; i++) {
                int index = i;
                CnnOptimizerResult[] r = new CnnOptimizerResult[1];
                // Newton-Schulz inside the optimizer finds this team through Gemm.current()
                gemm.runScoped(() -> r[0] = train(gemm, index));
                results.add(r[0]);
                listener.onOptimizerEnded(r[0]);
            }
        }
        return new CnnResult(spec, data.source(), provenance, List.copyOf(results), cancelled);
    }

    private CnnOptimizerResult train(Gemm gemm, int index) {
        OptimizerSpec os = spec.optimizers().get(index);
        String label = label(index);
        Dataset train = data.train();
        Network net = Models.create(spec.model(), gemm, train.shape(), train.classes());
        net.initialize(spec.init(), spec.seed());
        List<Param> params = net.params();
        Optimizer opt = Optimizers.create(os, params);
        CnnCheckpoint.State st = new CnnCheckpoint.State();
        Path ckpt = checkpoints == null ? null : checkpoints.resolve("optimizer-" + index + ".ckpt");
        String fingerprint = CnnCheckpoint.fingerprint(spec, index);
        if (ckpt != null && CnnCheckpoint.load(ckpt, fingerprint, st, params, opt, net.buffers())) net.pullWeights();

        int n = train.size(), batch = spec.batch();
        long perEpoch = (n + batch - 1) / batch, total = perEpoch * spec.epochs();
        long tick = Math.max(1, perEpoch / TICKS);
        float[] x = new float[batch * train.shape().size()];
        int[] y = new int[batch];
        Evaluator evaluator = new Evaluator();
        long stepsAtStart = st.step;
        double secondsAtStart = st.seconds;
        for (int e = st.epochsDone; e < spec.epochs(); e++) {
            int[] order = Batches.order(n, spec.seed(), e);
            boolean evaluatedLast = false;
            for (int from = 0; from < n; from += batch) {
                if (cancelled) return end(label, os, "cancelled", "cancelled at step " + st.step, st);
                int b = Math.min(batch, n - from);
                long t0 = System.nanoTime();
                Batches.gather(train, order, from, b, x, y);
                double loss = net.forwardBackward(x, y, 0, b);
                if (!Double.isFinite(loss)) {
                    return end(label, os, "diverged", "loss became " + loss + " at step " + (st.step + 1), st);
                }
                opt.step(params);
                net.pullWeights();
                st.seconds += (System.nanoTime() - t0) / 1e9;
                st.step++;
                st.images += b;
                st.lossSum += loss;
                st.lossCount++;
                evaluatedLast = spec.evalEvery() > 0 && st.step % spec.evalEvery() == 0;
                if (evaluatedLast) evaluate(net, evaluator, label, e, st);
                if (evaluatedLast || st.step % tick == 0) {
                    double rate = (st.seconds - secondsAtStart) / Math.max(1, st.step - stepsAtStart);
                    listener.onProgress(new CnnProgress(label, index, spec.optimizers().size(), e, st.step, total,
                            st.images, st.seconds, st.seconds > 0 ? st.images / st.seconds : 0,
                            rate * (total - st.step), st.lossCount > 0 ? st.lossSum / st.lossCount : loss));
                }
            }
            if (!evaluatedLast) evaluate(net, evaluator, label, e, st);
            st.epochsDone = e + 1;
            if (ckpt != null) CnnCheckpoint.save(ckpt, fingerprint, st, params, opt, net.buffers());
        }
        return end(label, os, "completed", "", st);
    }

    private void evaluate(Network net, Evaluator ev, String label, int epoch, CnnCheckpoint.State st) {
        Dataset test = data.test();
        int[] pred = ev.predict(net, test);
        double[] perClass = Evaluator.perClass(test, pred, test.classes());
        double acc = Evaluator.accuracy(test.labels(), pred);
        double clean = Double.NaN, spurious = Double.NaN, worstGroup = Double.NaN;
        double[] groups = null;
        if (data.spuriousTest() != null) {
            clean = acc;
            spurious = Evaluator.accuracy(data.spuriousTest().labels(), ev.predict(net, data.spuriousTest()));
        }
        if (test.groups() != null) {
            groups = Evaluator.perBucket(test.groups(), test.labels(), pred, test.groupNames().size());
            worstGroup = Evaluator.min(groups);
        }
        double loss = st.lossCount > 0 ? st.lossSum / st.lossCount : Double.NaN;
        CnnEval e = new CnnEval(label, st.step, epoch, st.images, st.seconds, loss, acc, Evaluator.mean(perClass),
                Evaluator.min(perClass), perClass, clean, spurious, groups, worstGroup, test.groupNames(),
                Evaluator.confusion(test.labels(), pred, test.classes()));
        st.evals.add(e);
        st.lossSum = 0;
        st.lossCount = 0;
        listener.onEval(e);
    }

    private static CnnOptimizerResult end(String label, OptimizerSpec os, String status, String message,
                                          CnnCheckpoint.State st) {
        return new CnnOptimizerResult(label, os, status, message, List.copyOf(st.evals), st.step, st.images, st.seconds);
    }

    /** The optimizer's name in the results: its spec text, with {@code #n} when the same text repeats. */
    String label(int index) {
        String text = spec.optimizers().get(index).toText();
        int same = 0;
        for (int i = 0; i < index; i++) if (spec.optimizers().get(i).toText().equals(text)) same++;
        return same == 0 ? text : text + "#" + (same + 1);
    }
}

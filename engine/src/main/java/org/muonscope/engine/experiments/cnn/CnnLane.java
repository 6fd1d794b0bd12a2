package org.muonscope.engine.experiments.cnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.data.Batches;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.model.cnn.Models;
import org.muonscope.engine.model.cnn.Network;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.run.Diverged;
import org.muonscope.engine.run.Lane;
import org.muonscope.engine.run.Progress;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/**
 * One optimizer training the spec's network from the seeded initial weights over the seeded batches: step
 * {@code t} is batch {@code t mod perEpoch} of epoch {@code t / perEpoch}. It evaluates every {@code evalEvery} steps
 * and at each epoch's end, then saves a checkpoint there (when a folder is given), from which a later run of the same
 * spec resumes to the same numbers. Deterministic: the GEMM never splits a sum across threads, so the numbers do not
 * depend on the thread count either.
 */
final class CnnLane implements Lane {
    /** Progress ticks per epoch. */
    private static final int TICKS = 20;

    private final CnnSpec spec;
    private final TrainTest data;
    private final String label;
    private final int slot;
    private final RunListener listener;
    private final Network net;
    private final List<Param> params;
    /** The weight matrices whose spectra each evaluation records. */
    private final List<Param> matrices;
    private final Gemm gemm;
    private final Optimizer optimizer;
    private final CnnCheckpoint.State st = new CnnCheckpoint.State();
    private final Path checkpoint;
    private final String fingerprint;
    private final Evaluator evaluator = new Evaluator();
    private final int n;
    private final long perEpoch;
    private final long total;
    private final long tick;
    private final float[] x;
    private final int[] y;
    private final long firstStep;
    private final double secondsAtStart;
    private int[] order;

    CnnLane(CnnSpec spec, TrainTest data, Gemm gemm, int slot, String label, Path checkpoints, RunListener listener) {
        this.spec = spec;
        this.data = data;
        this.label = label;
        this.slot = slot;
        this.listener = listener;
        Dataset train = data.train();
        this.net = Models.create(spec.model(), gemm, train.shape(), train.classes());
        net.initialize(spec.init(), spec.seed());
        this.params = net.params();
        this.matrices = LayerSpectra.matrices(params);
        this.gemm = gemm;
        this.optimizer = Optimizers.create(spec.optimizers().get(slot), params);
        this.checkpoint = checkpoints == null ? null : checkpoints.resolve("optimizer-" + slot + ".ckpt");
        this.fingerprint = CnnCheckpoint.fingerprint(spec, slot);
        if (checkpoint != null && CnnCheckpoint.load(checkpoint, fingerprint, st, params, optimizer, net.buffers())) net.pullWeights();
        this.n = train.size();
        this.perEpoch = (n + spec.batch() - 1) / spec.batch();
        this.total = perEpoch * spec.epochs();
        this.tick = Math.max(1, perEpoch / TICKS);
        this.x = new float[spec.batch() * train.shape().size()];
        this.y = new int[spec.batch()];
        this.firstStep = st.step;
        this.secondsAtStart = st.seconds;
    }

    @Override
    public long firstStep() {
        return firstStep;
    }

    @Override
    public long lastStep() {
        return total;
    }

    @Override
    public List<Record> restored() {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < st.evals.size(); i++) out.add(new Record(label, slot, st.evalSteps.get(i), st.evals.get(i)));
        return out;
    }

    @Override
    public Values observe(long t) {
        // A resumed lane starts at an epoch end that was evaluated and saved before the interruption.
        if (t == 0 || (t == firstStep && !st.evals.isEmpty())) return null;
        boolean epochEnd = t % perEpoch == 0;
        if (!epochEnd && !(spec.evalEvery() > 0 && t % spec.evalEvery() == 0)) return null;
        Values v = evaluate((int) ((t - 1) / perEpoch));
        st.evalSteps.add(t);
        st.evals.add(v);
        if (epochEnd) {
            st.epochsDone = (int) (t / perEpoch);
            if (checkpoint != null) CnnCheckpoint.save(checkpoint, fingerprint, st, params, optimizer, net.buffers());
        }
        return v;
    }

    @Override
    public void step(long t) {
        int epoch = (int) (t / perEpoch);
        int from = (int) (t % perEpoch) * spec.batch();
        if (from == 0 || order == null) order = Batches.order(n, spec.seed(), epoch);
        int b = Math.min(spec.batch(), n - from);
        long t0 = System.nanoTime();
        Batches.gather(data.train(), order, from, b, x, y);
        double loss = net.forwardBackward(x, y, 0, b);
        if (!Double.isFinite(loss)) throw new Diverged("the loss");
        optimizer.step(params);
        net.pullWeights();
        st.seconds += (System.nanoTime() - t0) / 1e9;
        st.step = t + 1;
        st.images += b;
        st.lossSum += loss;
        st.lossCount++;
        if (st.step % tick == 0 || (spec.evalEvery() > 0 && st.step % spec.evalEvery() == 0)) {
            double rate = (st.seconds - secondsAtStart) / Math.max(1, st.step - firstStep);
            listener.onProgress(new Progress(label, slot, st.step, total, Values.builder()
                    .put(CnnFields.EPOCH, epoch)
                    .put(CnnFields.IMAGES, st.images)
                    .put(CnnFields.SECONDS, st.seconds)
                    .put(CnnFields.IMAGES_PER_SECOND, st.seconds > 0 ? st.images / st.seconds : 0)
                    .put(CnnFields.ETA_SECONDS, rate * (total - st.step))
                    .put(CnnFields.TRAIN_LOSS, st.lossCount > 0 ? st.lossSum / st.lossCount : loss)
                    .build()));
        }
    }

    private Values evaluate(int epoch) {
        Dataset test = data.test();
        int[] pred = evaluator.predict(net, test);
        double[] perClass = Evaluator.perClass(test, pred, test.classes());
        double acc = Evaluator.accuracy(test.labels(), pred);
        Values.Builder v = Values.builder()
                .put(CnnFields.EPOCH, epoch)
                .put(CnnFields.IMAGES, st.images)
                .put(CnnFields.SECONDS, st.seconds)
                .put(CnnFields.TRAIN_LOSS, st.lossCount > 0 ? st.lossSum / st.lossCount : Double.NaN)
                .put(CnnFields.TEST_ACCURACY, acc)
                .put(CnnFields.BALANCED_ACCURACY, Evaluator.mean(perClass))
                .put(CnnFields.WORST_CLASS_ACCURACY, Evaluator.min(perClass));
        if (data.spuriousTest() != null) {
            v.put(CnnFields.CLEAN_ACCURACY, acc);
            v.put(CnnFields.SPURIOUS_ACCURACY, Evaluator.accuracy(data.spuriousTest().labels(), evaluator.predict(net, data.spuriousTest())));
        }
        if (test.groups() != null) {
            double[] groups = Evaluator.perBucket(test.groups(), test.labels(), pred, test.groupNames().size());
            v.put(CnnFields.GROUP_ACCURACY, groups);
            v.put(CnnFields.WORST_GROUP_ACCURACY, Evaluator.min(groups));
        }
        v.put(CnnFields.CLASS_ACCURACY, perClass);
        int[][] confusion = Evaluator.confusion(test.labels(), pred, test.classes());
        double[][] counts = new double[confusion.length][];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new double[confusion[i].length];
            for (int j = 0; j < counts[i].length; j++) counts[i][j] = confusion[i][j];
        }
        v.put(CnnFields.CONFUSION, counts);
        // the double master weights, which the optimizer updates (the float copies are only their rounding)
        double[][] spectra = LayerSpectra.singularValues(matrices, gemm);
        v.put(CnnFields.SINGULAR_VALUES, spectra);
        v.put(CnnFields.LAYER_EFFECTIVE_RANK, LayerSpectra.effectiveRanks(spectra));
        st.lossSum = 0;
        st.lossCount = 0;
        return v.build();
    }

    @Override
    public Values summary() {
        Values last = st.evals.isEmpty() ? Values.EMPTY : st.evals.get(st.evals.size() - 1);
        return Values.builder()
                .put(CnnFields.STEPS, st.step)
                .put(CnnFields.IMAGES, st.images)
                .put(CnnFields.SECONDS, st.seconds)
                .put(CnnFields.IMAGES_PER_SECOND, st.seconds > 0 ? st.images / st.seconds : 0)
                .put(CnnFields.FINAL_TEST_ACCURACY, last.scalar(CnnFields.TEST_ACCURACY))
                .build();
    }
}

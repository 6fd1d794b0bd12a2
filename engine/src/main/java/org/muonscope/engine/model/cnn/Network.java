package org.muonscope.engine.model.cnn;

import org.muonscope.engine.random.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Param;

/**
 * A feed-forward stack of float32 {@link Layer}s ending in softmax cross-entropy. The authoritative weights
 * are the double {@link Param}s the optimizers update (decision 0002); the layers compute on float copies:
 * {@link #forwardBackward} widens the float gradients into {@code Param.grad}, {@link #pullWeights} narrows
 * {@code Param.value} back into the layers after each optimizer step.
 */
public final class Network {
    private final String kind;
    private final Shape input;
    private final List<Layer> layers;
    private final List<Weights> weights = new ArrayList<>();
    private final List<Param> params = new ArrayList<>();
    /** One read-only view, handed out every time: a step must not allocate (a wrapper per call would). */
    private final List<Param> paramsView = Collections.unmodifiableList(params);
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final int classes;
    private final GemmThreads threads;
    private final Convert convert = new Convert();

    Network(String kind, Shape input, List<Layer> layers, GemmThreads threads) {
        this.kind = kind;
        this.threads = threads;
        this.input = input;
        this.layers = List.copyOf(layers);
        this.classes = layers.get(layers.size() - 1).outShape().size();
        for (Layer l : layers) {
            for (Weights w : l.weights()) {
                weights.add(w);
                params.add(new Param(w.name(), new DMatrixRMaj(w.rows(), w.cols()), new DMatrixRMaj(w.rows(), w.cols()),
                        w.role()));
            }
        }
    }

    public String kind() {
        return kind;
    }

    public Shape input() {
        return input;
    }

    public int classes() {
        return classes;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The double master parameters, in layer order (weight then bias). */
    public List<Param> params() {
        return paramsView;
    }

    /** Nominal floating-point operations of one training step per sample (see {@link Layer#trainingFlops}). */
    public long trainingFlopsPerSample() {
        long f = 0;
        for (int i = 0; i < layers.size(); i++) f += layers.get(i).trainingFlops(i > 0);
        return f;
    }

    public long parameterCount() {
        long n = 0;
        for (Weights w : weights) n += w.value().length;
        return n;
    }

    /**
     * Sets every parameter from {@code init}, seeded; weight and bias of a layer share the weight's fan-in.
     * Tensors with a fixed start (batch normalization's) take it without drawing, and the running statistics
     * start at mean 0, variance 1.
     */
    public void initialize(Init init, long seed) {
        Random rnd = Seeds.of(seed).cnnInit();
        int fanIn = 1;
        for (int i = 0; i < weights.size(); i++) {
            Weights w = weights.get(i);
            if (!Double.isNaN(w.start())) {
                java.util.Arrays.fill(params.get(i).value().data, w.start());
                continue;
            }
            boolean isBias = w.name().endsWith(".bias");
            if (!isBias) fanIn = w.cols();
            init.fill(params.get(i).value().data, fanIn, isBias, rnd);
        }
        for (Layer l : layers) l.resetBuffers();
        pullWeights();
    }

    /** Every layer's {@link Layer#buffers()}, in layer order: what a checkpoint saves besides the parameters. */
    public List<double[]> buffers() {
        List<double[]> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.buffers());
        return all;
    }

    /** Copies the double masters into the float working weights (after an optimizer step or a restore). */
    public void pullWeights() {
        for (int i = 0; i < weights.size(); i++) convert.narrow(params.get(i).value().data, weights.get(i).value());
    }

    /** Training-mode forward pass; {@code x} is CNHW for spatial inputs (for one channel that is plain NCHW). */
    public float[] logits(float[] x, int n) {
        return logits(x, n, true);
    }

    /**
     * Forward pass; {@code training} false evaluates (batch normalization with its running statistics,
     * nothing kept for backward).
     */
    public float[] logits(float[] x, int n, boolean training) {
        float[] a = x;
        for (int i = 0; i < layers.size(); i++) a = layers.get(i).forward(a, n, training); // no iterator per step
        return a;
    }

    /**
     * Forward and backward over one batch: returns the mean loss and leaves the gradient of it in every
     * {@code Param.grad}.
     */
    public double forwardBackward(float[] x, int[] labels, int labelOff, int n) {
        float[] out = logits(x, n);
        double value = loss.lossAndGrad(out, labels, labelOff, n, classes);
        float[] d = loss.grad();
        for (int i = layers.size() - 1; i >= 0; i--) d = layers.get(i).backward(d, n, i > 0);
        widenGradients();
        return value;
    }

    /** Copies the layers' float gradients into the double {@code Param.grad}s. */
    void widenGradients() {
        for (int i = 0; i < weights.size(); i++) convert.widen(weights.get(i).grad(), params.get(i).grad().data);
    }

    /** Predicted class (argmax of the logits, first on ties) of each of {@code n} samples. */
    public void predict(float[] x, int n, int[] out, int outOff) {
        float[] z = logits(x, n, false);
        for (int b = 0; b < n; b++) {
            int best = 0;
            for (int j = 1; j < classes; j++) if (z[b * classes + j] > z[b * classes + best]) best = j;
            out[outOff + b] = best;
        }
    }

    /** Float/double copies between the working and master tensors; big ones on the team. */
    private final class Convert implements GemmThreads.RangeBody {
        private static final int PARALLEL_MIN = 1 << 14;
        private final GemmThreads.Ranges ranges = new GemmThreads.Ranges(this);
        private float[] f;
        private double[] d;
        private boolean toDouble;

        void widen(float[] src, double[] dst) {
            go(src, dst, true);
        }

        void narrow(double[] src, float[] dst) {
            go(dst, src, false);
        }

        private void go(float[] fl, double[] db, boolean widen) {
            f = fl;
            d = db;
            toDouble = widen;
            if (fl.length >= PARALLEL_MIN) ranges.run(threads, fl.length); else run(0, fl.length);
            f = null;
            d = null;
        }

        @Override
        public void run(int from, int to) {
            if (toDouble) {
                for (int j = from; j < to; j++) d[j] = f[j];
            } else {
                for (int j = from; j < to; j++) f[j] = (float) d[j];
            }
        }
    }
}

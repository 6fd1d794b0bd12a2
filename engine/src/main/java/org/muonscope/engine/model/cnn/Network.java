package org.muonscope.engine.model.cnn;

import org.muonscope.engine.random.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
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
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final int classes;

    Network(String kind, Shape input, List<Layer> layers) {
        this.kind = kind;
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
        return Collections.unmodifiableList(params);
    }

    public long parameterCount() {
        long n = 0;
        for (Weights w : weights) n += w.value().length;
        return n;
    }

    /** Sets every parameter from {@code init}, seeded; weight and bias of a layer share the weight's fan-in. */
    public void initialize(Init init, long seed) {
        Random rnd = Seeds.of(seed).cnnInit();
        int fanIn = 1;
        for (int i = 0; i < weights.size(); i++) {
            Weights w = weights.get(i);
            boolean isBias = w.name().endsWith(".bias");
            if (!isBias) fanIn = w.cols();
            init.fill(params.get(i).value().data, fanIn, isBias, rnd);
        }
        pullWeights();
    }

    /** Copies the double masters into the float working weights (after an optimizer step or a restore). */
    public void pullWeights() {
        for (int i = 0; i < weights.size(); i++) {
            double[] src = params.get(i).value().data;
            float[] dst = weights.get(i).value();
            for (int j = 0; j < dst.length; j++) dst[j] = (float) src[j];
        }
    }

    /** Forward pass; {@code x} is CNHW for spatial inputs (for one channel that is plain NCHW). */
    public float[] logits(float[] x, int n) {
        float[] a = x;
        for (Layer l : layers) a = l.forward(a, n);
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
        for (int i = 0; i < weights.size(); i++) {
            float[] src = weights.get(i).grad();
            double[] dst = params.get(i).grad().data;
            for (int j = 0; j < src.length; j++) dst[j] = src[j];
        }
        return value;
    }

    /** Predicted class (argmax of the logits, first on ties) of each of {@code n} samples. */
    public void predict(float[] x, int n, int[] out, int outOff) {
        float[] z = logits(x, n);
        for (int b = 0; b < n; b++) {
            int best = 0;
            for (int j = 1; j < classes; j++) if (z[b * classes + j] > z[b * classes + best]) best = j;
            out[outOff + b] = best;
        }
    }
}

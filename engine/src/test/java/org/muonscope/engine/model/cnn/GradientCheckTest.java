package org.muonscope.engine.model.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;

/**
 * Finite-difference checks of every layer's backward pass and of the whole network, in float32. Each check
 * compares a central difference of the loss along a direction {@code v} with {@code <grad, v>}; the loss is
 * summed in double. Tolerance 1e-2 relative: float32 rounding of a loss of size ~1 divided by the step
 * {@code h = 1e-2 .. 1e-3} gives ~1e-4 absolute, and {@code v} is mostly along the gradient so the
 * derivative is of size |grad| (not a cancelling random projection).
 */
class GradientCheckTest {
    private static final GemmThreads T = GemmThreads.of(2);
    private static final Gemm G = Gemm.on(T);

    @AfterAll
    static void close() {
        T.close();
    }

    @Test
    void conv2dWithPaddingAndSeveralChannels() {
        Shape in = new Shape(3, 7, 6);
        checkLayer(new Conv2d(G, "c", in, 4, 3, 1, Role.MATRIX), in, 3, 1e-2);
    }

    @Test
    void conv2dWithoutPaddingOddKernel() {
        Shape in = new Shape(2, 9, 8);
        checkLayer(new Conv2d(G, "c", in, 5, 3, 0, Role.MATRIX), in, 2, 1e-2);
    }

    @Test
    void conv2dPoolReluOnAnOddPlaneDropsTheLastRowAndColumn() {
        Shape in = new Shape(2, 9, 7);
        checkLayer(new Conv2d(G, "c", in, 3, 3, 1, 1, true, Conv2d.Output.POOL_RELU, Role.MATRIX), in, 3, 1e-3);
    }

    @Test
    void conv2dReluFlattenedThroughTheWideGrid() {
        // stride 1 without padding: the input gradient goes through col2imWide
        Shape in = new Shape(3, 8, 6);
        checkLayer(new Conv2d(G, "c", in, 4, 3, 1, 0, true, Conv2d.Output.FLAT_RELU, Role.MATRIX), in, 2, 1e-3);
    }

    @Test
    void conv2dStrideTwoPaddedWithoutBias() {
        Shape in = new Shape(2, 9, 8);
        Conv2d c = new Conv2d(G, "c", in, 5, 3, 2, 1, false, Conv2d.Output.RELU, Role.MATRIX);
        assertEquals(new Shape(5, 5, 4), c.outShape());
        assertEquals(1, c.weights().size(), "no bias");
        checkLayer(c, in, 3, 1e-3);
    }

    @Test
    void conv2dOneByOneStrideTwo() {
        Shape in = new Shape(4, 6, 6);
        checkLayer(new Conv2d(G, "c", in, 3, 1, 2, 0, false, Conv2d.Output.PLAIN, Role.MATRIX), in, 2, 1e-2);
    }

    @Test
    void denseLayerWithRelu() {
        Shape in = Shape.flat(11);
        checkLayer(new Dense(G, "d", 11, 6, true, Role.MATRIX), in, 4, 1e-3);
    }

    @Test
    void batchNormInTrainingMode() {
        // the batch statistics depend on every input: the check covers the mean and variance paths
        Shape in = new Shape(3, 4, 5);
        BatchNorm bn = new BatchNorm(T, "bn", in, false);
        checkLayer(bn, in, 4, 1e-2);
    }

    @Test
    void batchNormWithReluInTrainingMode() {
        Shape in = new Shape(2, 3, 3);
        checkLayer(new BatchNorm(T, "bn", in, true), in, 5, 1e-3);
    }

    @Test
    void residualBlockWithIdentityShortcut() {
        Shape in = new Shape(4, 6, 6);
        checkLayer(new ResidualBlock(G, "b", in, 4, 1), in, 3, 1e-3);
    }

    @Test
    void residualBlockWithStrideTwoAndZeroPaddedChannels() {
        // option A: every other position of an odd plane (7 -> 4), channels 2 -> 6 with 2 zero channels each side
        Shape in = new Shape(2, 7, 7);
        ResidualBlock b = new ResidualBlock(G, "b", in, 6, 2);
        assertEquals(new Shape(6, 4, 4), b.outShape());
        checkLayer(b, in, 3, 1e-3);
    }

    @Test
    void globalAveragePool() {
        Shape in = new Shape(3, 5, 4);
        checkLayer(new GlobalAvgPool(T, in), in, 3, 1e-2);
    }

    @Test
    void wholeResNet20GradientMatchesFiniteDifferencesForEveryParameter() {
        Network net = Models.resnet20(G, new Shape(2, 8, 8), 3);
        assertEquals(1 + 2 + 9 * 6 + 2, net.params().size(), "conv, bn, 9 x (2 convs + 2 bns), fc");
        // He et al.'s 0.27M for CIFAR-10: option-A shortcuts add no parameters
        assertEquals(269_722, Models.resnet20(G, new Shape(3, 32, 32), 10).parameterCount());
        // 20 ReLU layers put kinks within 1e-3 of many units (the difference quotient of one coordinate moved from
        // 0.0672 at h = 1e-3 to 0.0834 at 3e-4 against 0.0858): a smaller step, still far above float rounding of
        // the loss (~1e-7 / 2e-4 = 5e-4 absolute), and 5% for the kinks left; the layers are checked tightly above
        checkNetwork(net, new Shape(2, 8, 8), 6, 2e-4, 5e-2);
    }

    @Test
    void denseLayer() {
        Shape in = Shape.flat(13);
        checkLayer(new Dense(G, "d", 13, 7, Role.MATRIX), in, 5, 1e-2);
    }

    @Test
    void reluLayer() {
        Shape in = new Shape(2, 5, 5);
        checkLayer(new Relu(T, in), in, 3, 1e-3);
    }

    @Test
    void maxPoolLayerOddInput() {
        Shape in = new Shape(3, 7, 6);
        checkLayer(new MaxPool2(T, in), in, 2, 1e-3);
    }

    @Test
    void maxPoolRoutesATieToTheFirstMaximumOnly() {
        Shape in = new Shape(1, 2, 4);
        MaxPool2 pool = new MaxPool2(T, in);
        // window 0 is a four-way tie (a blank region), window 1 ties its two right-hand values
        float[] x = {0.5f, 0.5f, 1f, 3f, 0.5f, 0.5f, 2f, 3f};
        float[] y = pool.forward(x, 1);
        assertEquals(0.5f, y[0], 0f);
        assertEquals(3f, y[1], 0f);
        float[] dx = pool.backward(new float[]{7f, 9f}, 1, true);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[]{7f, 0f, 0f, 9f, 0f, 0f, 0f, 0f}, dx, 0f);
    }

    @Test
    void flattenIsAPermutationAndItsAdjoint() {
        Shape in = new Shape(4, 3, 2);
        checkLayer(new Flatten(T, in), in, 3, 1e-2);
    }

    @Test
    void softmaxCrossEntropyMatchesFiniteDifferences() {
        Random r = new Random(5);
        int n = 4, k = 6;
        float[] z = rnd(r, n * k);
        int[] labels = {0, 5, 2, 2};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.lossAndGrad(z, labels, 0, n, k);
        float[] g = ce.grad().clone();
        for (int i = 0; i < n * k; i++) {
            float h = 1e-2f, old = z[i];
            z[i] = old + h;
            double up = new SoftmaxCrossEntropy().lossAndGrad(z, labels, 0, n, k);
            z[i] = old - h;
            double down = new SoftmaxCrossEntropy().lossAndGrad(z, labels, 0, n, k);
            z[i] = old;
            // second-order error h^2 |L'''| / 6 < 1e-5, float rounding of z ~1e-7 / h
            assertEquals(g[i], (up - down) / (2 * h), 2e-4, "logit " + i);
        }
    }

    @Test
    void wholePaperCnnGradientMatchesFiniteDifferencesForEveryParameter() {
        Network net = Models.paperCnn(G, new Shape(1, 10, 10), 4);
        checkNetwork(net, new Shape(1, 10, 10), 5);
    }

    @Test
    void wholeMlpGradientMatchesFiniteDifferences() {
        Network net = Models.mlp(G, new Shape(2, 3, 3), List.of(8, 6), 3);
        checkNetwork(net, new Shape(2, 3, 3), 4);
    }

    private static void checkNetwork(Network net, Shape in, int n) {
        checkNetwork(net, in, n, 1e-3, 2e-2);
    }

    private static void checkNetwork(Network net, Shape in, int n, double h, double rel) {
        net.initialize(new Init("default", 0), 11);
        Random r = new Random(12);
        float[] x = rnd(r, in.size() * n);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(net.classes());
        net.forwardBackward(x, y, 0, n);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        for (Param p : net.params()) {
            double[] g = p.grad().data.clone();
            double[] v = direction(g, r);
            double want = dot(g, v);
            double[] w0 = p.value().data.clone();
            double[] l = new double[2];
            for (int s = 0; s < 2; s++) {
                double sign = s == 0 ? 1 : -1;
                for (int i = 0; i < w0.length; i++) p.value().data[i] = w0[i] + sign * h * v[i];
                net.pullWeights();
                l[s] = ce.lossAndGrad(net.logits(x, n), y, 0, n, net.classes());
            }
            System.arraycopy(w0, 0, p.value().data, 0, w0.length);
            net.pullWeights();
            double fd = (l[0] - l[1]) / (2 * h);
            assertTrue(Math.abs(want) > 1e-6, p.name() + ": gradient vanished, the check would be empty");
            assertEquals(want, fd, rel * Math.abs(want) + 1e-4, p.name());
        }
    }

    /** Checks dL/dx and dL/dW of a layer for L = sum(y .* R) with a fixed random readout R. */
    private static void checkLayer(Layer layer, Shape in, int n, double h) {
        Random r = new Random(7);
        float[] x = rnd(r, in.size() * n);
        for (Weights w : layer.weights()) {
            float[] v = rnd(r, w.value().length);
            System.arraycopy(v, 0, w.value(), 0, v.length);
        }
        int outLen = layer.outShape().size() * n;
        float[] readout = rnd(r, outLen);
        Supplier<Double> loss = () -> {
            float[] y = layer.forward(x, n);
            double s = 0;
            for (int i = 0; i < outLen; i++) s += (double) y[i] * readout[i];
            return s;
        };
        loss.get();
        float[] dx = layer.backward(readout, n, true).clone();
        check("input", x, dx, loss, h, r);
        for (Weights w : layer.weights()) check(w.name(), w.value(), w.grad().clone(), loss, h, r);
    }

    private static void check(String what, float[] x, float[] g, Supplier<Double> loss, double h, Random r) {
        double[] gd = new double[g.length];
        for (int i = 0; i < g.length; i++) gd[i] = g[i];
        double[] v = direction(gd, r);
        float[] x0 = x.clone();
        for (int i = 0; i < x.length; i++) x[i] = (float) (x0[i] + h * v[i]);
        double up = loss.get();
        for (int i = 0; i < x.length; i++) x[i] = (float) (x0[i] - h * v[i]);
        double down = loss.get();
        System.arraycopy(x0, 0, x, 0, x.length);
        double want = dot(gd, v), fd = (up - down) / (2 * h);
        assertTrue(Math.abs(want) > 1e-6, what + ": gradient vanished");
        assertEquals(want, fd, 1e-2 * Math.abs(want) + 1e-4, what);
    }

    /** Unit gradient direction plus an equal-size random part, so wrong coordinates cannot hide. */
    private static double[] direction(double[] g, Random r) {
        double gn = Math.sqrt(dot(g, g));
        double[] noise = new double[g.length];
        for (int i = 0; i < g.length; i++) noise[i] = r.nextGaussian();
        double nn = Math.sqrt(dot(noise, noise));
        double[] v = new double[g.length];
        for (int i = 0; i < g.length; i++) v[i] = (gn > 0 ? g[i] / gn : 0) + noise[i] / nn;
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static float[] rnd(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }
}

package org.muonscope.engine.model.cnn;

import java.util.List;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Role;

/**
 * Batch normalization over {@code (n, h, w)} per channel of a CNHW batch, as PyTorch's {@code BatchNorm2d}
 * (eps 1e-5, momentum 0.1), optionally followed by a ReLU in the same layer. Training mode normalizes with the
 * batch's mean and biased variance and moves the running statistics toward the batch's mean and unbiased
 * variance; evaluation normalizes with the running statistics. {@code gamma} starts at 1, {@code beta} at 0;
 * both are vectors to the optimizers (Muon's Adam fallback). Each channel's sums are taken by one thread, in
 * double, in a fixed order: the numbers do not depend on the thread count. The running statistics are
 * {@link #buffers()}: checkpoints carry them so a resumed run evaluates exactly as an uninterrupted one.
 */
public final class BatchNorm implements Layer {
    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;

    private final Shape shape;
    private final boolean relu;
    private final Weights gamma;
    private final Weights beta;
    private final double[] runningMean;
    private final double[] runningVar;
    private final GemmThreads threads;
    private final GemmThreads.Ranges forwardRanges = new GemmThreads.Ranges(this::forwardChannels);
    private final GemmThreads.Ranges backwardRanges = new GemmThreads.Ranges(this::backwardChannels);
    /** Per channel: the batch mean and 1 / sqrt(var + eps) of the last training forward pass. */
    private final double[] mean;
    private final double[] invStd;
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private int n;
    private boolean training;

    public BatchNorm(GemmThreads threads, String name, Shape shape, boolean relu) {
        this.threads = threads;
        this.shape = shape;
        this.relu = relu;
        int c = shape.c();
        this.gamma = Weights.constant(name + ".weight", 1, c, Role.VECTOR, 1.0);
        this.beta = Weights.constant(name + ".bias", 1, c, Role.VECTOR, 0.0);
        this.runningMean = new double[c];
        this.runningVar = new double[c];
        java.util.Arrays.fill(runningVar, 1.0);
        this.mean = new double[c];
        this.invStd = new double[c];
    }

    @Override
    public Shape outShape() {
        return shape;
    }

    @Override
    public List<Weights> weights() {
        return List.of(gamma, beta);
    }

    /** Running mean and variance, in channel order. */
    @Override
    public List<double[]> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public void resetBuffers() {
        java.util.Arrays.fill(runningMean, 0.0);
        java.util.Arrays.fill(runningVar, 1.0);
    }

    @Override
    public float[] forward(float[] input, int batch, boolean train) {
        x = input;
        n = batch;
        training = train;
        y = Buffers.atLeast(y, shape.size() * n);
        forwardRanges.run(threads, shape.c());
        return y;
    }

    private void forwardChannels(int from, int to) {
        if (ConvKernels.VECTOR) {
            forwardVector(from, to);
            return;
        }
        int len = n * shape.plane();
        float[] g = gamma.value(), b = beta.value();
        for (int c = from; c < to; c++) {
            int off = c * len;
            double m, inv;
            if (training) {
                double s = 0;
                for (int i = 0; i < len; i++) s += x[off + i];
                m = s / len;
                double ss = 0;
                for (int i = 0; i < len; i++) {
                    double d = x[off + i] - m;
                    ss += d * d;
                }
                double var = ss / len;
                inv = 1 / Math.sqrt(var + EPS);
                mean[c] = m;
                invStd[c] = inv;
                double unbiased = len > 1 ? ss / (len - 1) : var;
                runningMean[c] = (1 - MOMENTUM) * runningMean[c] + MOMENTUM * m;
                runningVar[c] = (1 - MOMENTUM) * runningVar[c] + MOMENTUM * unbiased;
            } else {
                m = runningMean[c];
                inv = 1 / Math.sqrt(runningVar[c] + EPS);
            }
            // y = (x - m) * inv * gamma + beta = x * scale + shift
            float scale = (float) (inv * g[c]), shift = (float) (b[c] - m * inv * g[c]);
            if (relu) {
                for (int i = 0; i < len; i++) y[off + i] = Math.max(x[off + i] * scale + shift, 0f);
            } else {
                for (int i = 0; i < len; i++) y[off + i] = x[off + i] * scale + shift;
            }
        }
    }

    /**
     * The Vector API version: the same statistics from float lanes summed block by block into doubles (see
     * {@link VectorLoops#moments}), the mean by a first pass and the variance about it by a second.
     */
    private void forwardVector(int from, int to) {
        int len = n * shape.plane();
        float[] g = gamma.value(), b = beta.value();
        Sums sc = Sums.LOCAL.get();
        double[] mom = sc.pair;
        float[] lanes = sc.lanes;
        for (int c = from; c < to; c++) {
            int off = c * len;
            double m, inv;
            if (training) {
                VectorLoops.moments(x, off, len, 0f, mom, lanes);
                float center = (float) (mom[0] / len);
                VectorLoops.moments(x, off, len, center, mom, lanes);
                double dm = mom[0] / len;
                m = center + dm;
                double ss = Math.max(0, mom[1] - len * dm * dm);
                double var = ss / len;
                inv = 1 / Math.sqrt(var + EPS);
                mean[c] = m;
                invStd[c] = inv;
                runningMean[c] = (1 - MOMENTUM) * runningMean[c] + MOMENTUM * m;
                runningVar[c] = (1 - MOMENTUM) * runningVar[c] + MOMENTUM * (len > 1 ? ss / (len - 1) : var);
            } else {
                m = runningMean[c];
                inv = 1 / Math.sqrt(runningVar[c] + EPS);
            }
            VectorLoops.affine(x, off, len, (float) (inv * g[c]), (float) (b[c] - m * inv * g[c]), relu, y);
        }
    }

    @Override
    public float[] backward(float[] gradOut, int batch, boolean needInputGrad) {
        dy = gradOut;
        dx = Buffers.atLeast(dx, shape.size() * n);
        backwardRanges.run(threads, shape.c());
        dy = null;
        return needInputGrad ? dx : null;
    }

    /**
     * With {@code xhat = (x - mean) * invStd}: {@code dbeta = sum g}, {@code dgamma = sum g xhat},
     * {@code dx = gamma invStd (g - dbeta/N - xhat dgamma/N)}, where {@code g} is the output gradient (through the
     * ReLU's mask when fused). The normalized value is recomputed rather than stored: one array less per layer.
     */
    private void backwardChannels(int from, int to) {
        if (ConvKernels.VECTOR) {
            backwardVector(from, to);
            return;
        }
        int len = n * shape.plane();
        float[] gw = gamma.value(), dg = gamma.grad(), db = beta.grad();
        for (int c = from; c < to; c++) {
            int off = c * len;
            double m = mean[c], inv = invStd[c];
            double sg = 0, sgx = 0;
            for (int i = 0; i < len; i++) {
                double g = relu ? ConvKernels.pass(dy[off + i], y[off + i]) : dy[off + i];
                sg += g;
                sgx += g * ((x[off + i] - m) * inv);
            }
            db[c] = (float) sg;
            dg[c] = (float) sgx;
            double k = gw[c] * inv, mg = sg / len, mgx = sgx / len;
            for (int i = 0; i < len; i++) {
                double g = relu ? ConvKernels.pass(dy[off + i], y[off + i]) : dy[off + i];
                double xhat = (x[off + i] - m) * inv;
                dx[off + i] = (float) (k * (g - mg - xhat * mgx));
            }
        }
    }

    /** The Vector API version of {@link #backwardChannels}: the masked gradient goes into dx, then is rewritten. */
    private void backwardVector(int from, int to) {
        int len = n * shape.plane();
        float[] gw = gamma.value(), dg = gamma.grad(), db = beta.grad();
        Sums sc = Sums.LOCAL.get();
        double[] sums = sc.pair;
        float[] lanes = sc.lanes;
        for (int c = from; c < to; c++) {
            int off = c * len;
            if (relu) {
                VectorLoops.pass(dy, y, off, dx, off, len);
            } else {
                System.arraycopy(dy, off, dx, off, len);
            }
            float m = (float) mean[c];
            double inv = invStd[c];
            VectorLoops.gradSums(dx, x, off, len, m, sums, lanes);
            // the centre m is the mean rounded to float: sum g (x - mean) = sums[1] - sum g (mean - m)
            double sg = sums[0], sgx = (sums[1] - sg * (mean[c] - m)) * inv;
            db[c] = (float) sg;
            dg[c] = (float) sgx;
            double k = gw[c] * inv, mg = sg / len, mgx = sgx / len;
            VectorLoops.bnInputGrad(dx, x, off, len, m, (float) k, (float) (-k * mg - k * inv * mgx * (m - mean[c])),
                    (float) (-k * inv * mgx));
        }
    }

    /** Per-thread scratch of the vector sums (channels are shared out over the team). */
    private static final class Sums {
        static final ThreadLocal<Sums> LOCAL = ThreadLocal.withInitial(Sums::new);
        final double[] pair = new double[2];
        final float[] lanes = new float[64];
    }
}

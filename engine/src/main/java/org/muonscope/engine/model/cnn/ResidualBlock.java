package org.muonscope.engine.model.cnn;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Role;

/**
 * The basic block of He et al.'s CIFAR ResNets: {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))},
 * 3x3 convolutions without bias, the first with the block's stride. The shortcut is the identity, or, where the
 * block halves the plane and widens the channels, "option A" of the paper's CIFAR experiments: every other
 * position, and the new channels zero ({@code (out - in) / 2} on each side, as the common PyTorch
 * implementations pad). It has no parameters, which keeps ResNet-20 at the paper's 0.27M.
 */
public final class ResidualBlock implements Layer {
    private final GemmThreads threads;
    private final Shape in;
    private final Shape out;
    private final int stride;
    private final int padLow;
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final GemmThreads.Ranges addRanges = new GemmThreads.Ranges(this::addShortcut);
    private final GemmThreads.Ranges backRanges = new GemmThreads.Ranges(this::backShortcut);
    private final GemmThreads.Ranges maskRanges = new GemmThreads.Ranges(this::mask);
    private float[] gradOut;
    private float[] x;
    private float[] y;
    private float[] main;
    private float[] g;
    private float[] dx;
    private float[] dy;
    private int n;

    public ResidualBlock(Gemm gemm, String name, Shape in, int outChannels, int stride) {
        if (stride != 1 && stride != 2) throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
        if (outChannels < in.c() || (stride == 1 && outChannels != in.c())) {
            throw new IllegalArgumentException("option A shortcut: channels " + in.c() + " -> " + outChannels
                    + " with stride " + stride);
        }
        this.threads = gemm.threads();
        this.in = in;
        this.stride = stride;
        this.conv1 = new Conv2d(gemm, name + ".conv1", in, outChannels, 3, stride, 1, false, Conv2d.Output.PLAIN,
                Role.MATRIX);
        this.bn1 = new BatchNorm(threads, name + ".bn1", conv1.outShape(), true);
        this.conv2 = new Conv2d(gemm, name + ".conv2", conv1.outShape(), outChannels, 3, 1, 1, false,
                Conv2d.Output.PLAIN, Role.MATRIX);
        this.bn2 = new BatchNorm(threads, name + ".bn2", conv2.outShape(), false);
        this.out = conv2.outShape();
        this.padLow = (outChannels - in.c()) / 2;
    }

    @Override
    public Shape outShape() {
        return out;
    }

    @Override
    public List<Weights> weights() {
        List<Weights> w = new ArrayList<>();
        for (Layer l : List.of(conv1, bn1, conv2, bn2)) w.addAll(l.weights());
        return List.copyOf(w);
    }

    @Override
    public List<double[]> buffers() {
        List<double[]> b = new ArrayList<>(bn1.buffers());
        b.addAll(bn2.buffers());
        return b;
    }

    @Override
    public void resetBuffers() {
        bn1.resetBuffers();
        bn2.resetBuffers();
    }

    @Override
    public long trainingFlops(boolean inputGrad) {
        return conv1.trainingFlops(inputGrad) + conv2.trainingFlops(true);
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        x = input;
        n = batch;
        float[] a = conv1.forward(input, n, training);
        a = bn1.forward(a, n, training);
        a = conv2.forward(a, n, training);
        main = bn2.forward(a, n, training);
        y = Buffers.atLeast(y, out.size() * n);
        addRanges.run(threads, out.c());
        return y;
    }

    /** {@code y = relu(main + shortcut(x))} for output channels {@code [from, to)}. */
    private void addShortcut(int from, int to) {
        int plane = out.plane(), ow = out.w(), iw = in.w(), ip = in.plane();
        for (int c = from; c < to; c++) {
            int ci = c - padLow;
            boolean zero = ci < 0 || ci >= in.c();
            for (int b = 0; b < n; b++) {
                int o = (c * n + b) * plane;
                if (zero) {
                    for (int t = 0; t < plane; t++) y[o + t] = Math.max(main[o + t], 0f);
                } else if (stride == 1) {
                    int s = (ci * n + b) * ip;
                    for (int t = 0; t < plane; t++) y[o + t] = Math.max(main[o + t] + x[s + t], 0f);
                } else {
                    int s = (ci * n + b) * ip;
                    for (int t = 0; t < plane; t++) {
                        int oy = t / ow, ox = t % ow;
                        y[o + t] = Math.max(main[o + t] + x[s + 2 * oy * iw + 2 * ox], 0f);
                    }
                }
            }
        }
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGrad) {
        g = Buffers.atLeast(g, out.size() * n);
        this.gradOut = dOut;
        maskRanges.run(threads, out.c());
        this.gradOut = null;
        float[] d = bn2.backward(g, n, true);
        d = conv2.backward(d, n, true);
        d = bn1.backward(d, n, true);
        dy = conv1.backward(d, n, true);
        dx = Buffers.atLeast(dx, in.size() * n);
        backRanges.run(threads, in.c());
        dy = null;
        return needInputGrad ? dx : null;
    }

    /** The output ReLU's backward, {@code g = y > 0 ? dy : 0}, for channels {@code [from, to)}. */
    private void mask(int from, int to) {
        int len = (to - from) * n * out.plane(), off = from * n * out.plane();
        if (ConvKernels.VECTOR) {
            VectorLoops.pass(gradOut, y, off, g, off, len);
        } else {
            for (int i = off; i < off + len; i++) g[i] = ConvKernels.pass(gradOut[i], y[i]);
        }
    }

    /** {@code dx = dmain + shortcut^T(g)} for input channels {@code [from, to)}. */
    private void backShortcut(int from, int to) {
        int plane = out.plane(), ow = out.w(), iw = in.w(), ip = in.plane();
        for (int ci = from; ci < to; ci++) {
            int c = ci + padLow;
            for (int b = 0; b < n; b++) {
                int s = (ci * n + b) * ip, o = (c * n + b) * plane;
                if (stride == 1) {
                    for (int t = 0; t < ip; t++) dx[s + t] = dy[s + t] + g[o + t];
                } else {
                    System.arraycopy(dy, s, dx, s, ip);
                    for (int t = 0; t < plane; t++) {
                        int oy = t / ow, ox = t % ow;
                        dx[s + 2 * oy * iw + 2 * ox] += g[o + t];
                    }
                }
            }
        }
    }
}

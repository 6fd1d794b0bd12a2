package org.muonscope.engine.model.cnn;

import java.util.List;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.optim.Role;

/**
 * A stride-1 square convolution with zero padding, by im2col: the batch's patches form a
 * {@code (in*k*k) x (n*oh*ow)} matrix, so the forward pass is one GEMM {@code W cols} whose result is already
 * the CNHW output. Backward: {@code dW = dY cols^T}, {@code db = row sums of dY}, {@code dcols = W^T dY} folded
 * back by col2im. The kernel is the {@code out x (in*k*k)} matrix the optimizers see.
 */
public final class Conv2d implements Layer {
    private final Gemm gemm;
    private final Shape in;
    private final Shape out;
    private final int k;
    private final int pad;
    private final Weights weight;
    private final Weights bias;
    private float[] cols;
    private float[] y;
    private float[] dcols;
    private float[] dx;

    public Conv2d(Gemm gemm, String name, Shape in, int outChannels, int kernel, int pad, Role role) {
        if (kernel < 1 || pad < 0) throw new IllegalArgumentException("bad kernel " + kernel + " / pad " + pad);
        this.gemm = gemm;
        this.in = in;
        this.k = kernel;
        this.pad = pad;
        this.out = new Shape(outChannels, in.h() + 2 * pad - kernel + 1, in.w() + 2 * pad - kernel + 1);
        this.weight = Weights.of(name + ".weight", outChannels, in.c() * kernel * kernel, role);
        this.bias = Weights.of(name + ".bias", 1, outChannels, Role.VECTOR);
    }

    @Override
    public Shape outShape() {
        return out;
    }

    @Override
    public List<Weights> weights() {
        return List.of(weight, bias);
    }

    public int fanIn() {
        return in.c() * k * k;
    }

    @Override
    public float[] forward(float[] x, int n) {
        int rows = fanIn(), ncols = n * out.plane();
        cols = Buffers.atLeast(cols, rows * ncols);
        im2col(x, n, cols);
        y = Buffers.atLeast(y, out.c() * ncols);
        float[] yy = y, b = bias.value();
        gemm.threads().range(out.c(), (from, to) -> {
            for (int o = from; o < to; o++) java.util.Arrays.fill(yy, o * ncols, (o + 1) * ncols, b[o]);
        });
        gemm.sgemm(false, false, out.c(), ncols, rows, 1f, weight.value(), 0, rows, cols, 0, ncols, 1f, y, 0, ncols);
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        int rows = fanIn(), ncols = n * out.plane();
        gemm.sgemm(false, true, out.c(), rows, ncols, 1f, dy, 0, ncols, cols, 0, ncols, 0f, weight.grad(), 0, rows);
        float[] db = bias.grad();
        gemm.threads().range(out.c(), (from, to) -> {
            for (int o = from; o < to; o++) {
                db[o] = (float) sum(dy, o * ncols, ncols);
            }
        });
        if (!needInputGrad) return null;
        dcols = Buffers.atLeast(dcols, rows * ncols);
        gemm.sgemm(true, false, rows, ncols, out.c(), 1f, weight.value(), 0, rows, dy, 0, ncols, 0f, dcols, 0, ncols);
        dx = Buffers.atLeast(dx, in.size() * n);
        col2im(dcols, n, dx);
        return dx;
    }

    /** A sum with four independent accumulators: one chain would wait on the adder's latency per element. */
    static double sum(float[] a, int from, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + len;
        for (; i + 3 < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) s0 += a[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** cols[(ci*k + ky)*k + kx][(b*oh + oy)*ow + ox] = x[ci][b][oy+ky-pad][ox+kx-pad] (0 outside). */
    private void im2col(float[] x, int n, float[] c) {
        int rows = in.c() * k * k;
        gemm.threads().range(rows, (from, to) -> im2colRows(x, n, c, from, to, k, pad, in.h(), in.w(), out.h(), out.w()));
    }

    /** The adjoint of {@link #im2col}: each input channel is owned by one thread, so no two threads add to it. */
    private void col2im(float[] c, int n, float[] x) {
        gemm.threads().range(in.c(), (from, to) -> col2imChannels(c, n, x, from, to, k, pad, in.h(), in.w(), out.h(), out.w()));
    }

    // static loop bodies, not lambda bodies: the JIT compiles them whole instead of via on-stack replacement

    private static void im2colRows(float[] x, int n, float[] c, int from, int to, int k, int pad, int ih, int iw,
                                   int oh, int ow) {
        int ncols = n * oh * ow, kk = k * k;
        for (int r = from; r < to; r++) {
            int ci = r / kk, ky = (r % kk) / k, kx = r % k;
            int dst = r * ncols;
            int lo = Math.max(0, pad - kx), hi = Math.min(ow, iw + pad - kx);
            for (int b = 0; b < n; b++) {
                int plane = (ci * n + b) * ih * iw;
                for (int oy = 0; oy < oh; oy++, dst += ow) {
                    int iy = oy + ky - pad;
                    if (iy < 0 || iy >= ih) {
                        java.util.Arrays.fill(c, dst, dst + ow, 0f);
                        continue;
                    }
                    for (int ox = 0; ox < lo; ox++) c[dst + ox] = 0f;
                    if (hi > lo) System.arraycopy(x, plane + iy * iw + lo + kx - pad, c, dst + lo, hi - lo);
                    for (int ox = Math.max(hi, lo); ox < ow; ox++) c[dst + ox] = 0f;
                }
            }
        }
    }

    private static void col2imChannels(float[] c, int n, float[] x, int from, int to, int k, int pad, int ih, int iw,
                                       int oh, int ow) {
        int ncols = n * oh * ow, kk = k * k;
        java.util.Arrays.fill(x, from * n * ih * iw, to * n * ih * iw, 0f);
        for (int ci = from; ci < to; ci++) {
            for (int q = 0; q < kk; q++) {
                int ky = q / k, kx = q % k;
                int src = (ci * kk + q) * ncols;
                int lo = Math.max(0, pad - kx), hi = Math.min(ow, iw + pad - kx);
                for (int b = 0; b < n; b++) {
                    int plane = (ci * n + b) * ih * iw;
                    for (int oy = 0; oy < oh; oy++, src += ow) {
                        int iy = oy + ky - pad;
                        if (iy < 0 || iy >= ih) continue;
                        int base = plane + iy * iw + kx - pad;
                        for (int ox = lo; ox < hi; ox++) x[base + ox] += c[src + ox];
                    }
                }
            }
        }
    }
}

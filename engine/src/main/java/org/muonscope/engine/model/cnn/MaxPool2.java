package org.muonscope.engine.model.cnn;

import org.muonscope.engine.linalg.GemmThreads;

/**
 * 2x2 max-pooling with stride 2 on CNHW activations; an odd last row or column is dropped (PyTorch's
 * floor mode). Backward routes each window's gradient to its maximum, the first in row-major order on ties
 * (as PyTorch does; ties are common: blank image regions give equal conv outputs).
 *
 * <p>The forward pass keeps only the input, not the winners' indices: tracking an argmax made the forward
 * loop ten times slower (measured), and backward runs once per training step while forward also runs for
 * every evaluation.
 */
public final class MaxPool2 implements Layer {
    private final GemmThreads threads;
    private final Shape in;
    private final Shape out;
    private float[] x;
    private float[] y;
    private float[] dx;

    public MaxPool2(GemmThreads threads, Shape in) {
        this.threads = threads;
        this.in = in;
        this.out = new Shape(in.c(), in.h() / 2, in.w() / 2);
    }

    @Override
    public Shape outShape() {
        return out;
    }

    @Override
    public float[] forward(float[] input, int n, boolean training) {
        x = input;
        y = Buffers.atLeast(y, in.c() * n * out.plane());
        float[] yy = y;
        threads.range(in.c() * n, (from, to) -> pool(input, yy, from, to, in.h(), in.w(), out.h(), out.w()));
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        if (!needInputGrad) return null;
        dx = Buffers.atLeast(dx, in.c() * n * in.plane());
        float[] d = dx, xx = x, yy = y;
        threads.range(in.c() * n, (from, to) -> route(xx, yy, dy, d, from, to, in.h(), in.w(), out.h(), out.w()));
        return dx;
    }

    // static loop bodies, not lambda bodies: the JIT compiles them whole instead of via on-stack replacement

    private static void pool(float[] x, float[] y, int from, int to, int ih, int iw, int oh, int ow) {
        for (int p = from; p < to; p++) {
            int src = p * ih * iw, dst = p * oh * ow;
            for (int oy = 0; oy < oh; oy++, dst += ow) {
                int r0 = src + 2 * oy * iw, r1 = r0 + iw;
                for (int ox = 0; ox < ow; ox++) {
                    float a = Math.max(x[r0 + 2 * ox], x[r0 + 2 * ox + 1]);
                    float b = Math.max(x[r1 + 2 * ox], x[r1 + 2 * ox + 1]);
                    y[dst + ox] = Math.max(a, b);
                }
            }
        }
    }

    /** Writes every element of dx once (no separate zero fill): the winner gets dy, the other three 0. */
    private static void route(float[] x, float[] y, float[] dy, float[] dx, int from, int to, int ih, int iw,
                              int oh, int ow) {
        for (int p = from; p < to; p++) {
            int src = p * ih * iw, dst = p * oh * ow;
            if (2 * oh != ih || 2 * ow != iw) java.util.Arrays.fill(dx, src, src + ih * iw, 0f);
            for (int oy = 0; oy < oh; oy++, dst += ow) {
                int r0 = src + 2 * oy * iw, r1 = r0 + iw;
                for (int ox = 0; ox < ow; ox++) {
                    float m = y[dst + ox], g = dy[dst + ox];
                    int i0 = r0 + 2 * ox, i2 = r1 + 2 * ox;
                    // first maximum in row-major order wins
                    boolean w0 = x[i0] == m, w1 = !w0 && x[i0 + 1] == m, w2 = !w0 && !w1 && x[i2] == m;
                    boolean w3 = !w0 && !w1 && !w2;
                    dx[i0] = w0 ? g : 0f;
                    dx[i0 + 1] = w1 ? g : 0f;
                    dx[i2] = w2 ? g : 0f;
                    dx[i2 + 1] = w3 ? g : 0f;
                }
            }
        }
    }
}

package org.muonscope.engine.model.cnn;

import org.muonscope.engine.linalg.GemmThreads;

/**
 * The mean over each channel's plane: CNHW {@code [c][n][h][w]} to flat {@code [n][c]}; backward spreads
 * {@code dy / (h w)} over the plane. Sums in double, one sample's channel by one thread.
 */
public final class GlobalAvgPool implements Layer {
    private final GemmThreads threads;
    private final Shape in;
    private final GemmThreads.Ranges forward = new GemmThreads.Ranges(this::forwardRange);
    private final GemmThreads.Ranges backward = new GemmThreads.Ranges(this::backwardRange);
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private int n;

    public GlobalAvgPool(GemmThreads threads, Shape in) {
        this.threads = threads;
        this.in = in;
    }

    @Override
    public Shape outShape() {
        return Shape.flat(in.c());
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        x = input;
        n = batch;
        y = Buffers.atLeast(y, in.c() * n);
        forward.run(threads, in.c());
        return y;
    }

    private void forwardRange(int from, int to) {
        int hw = in.plane(), c = in.c();
        for (int ch = from; ch < to; ch++) {
            for (int b = 0; b < n; b++) y[b * c + ch] = (float) (ConvKernels.sum(x, (ch * n + b) * hw, hw) / hw);
        }
    }

    @Override
    public float[] backward(float[] gradOut, int batch, boolean needInputGrad) {
        if (!needInputGrad) return null;
        dy = gradOut;
        dx = Buffers.atLeast(dx, in.size() * n);
        backward.run(threads, in.c());
        dy = null;
        return dx;
    }

    private void backwardRange(int from, int to) {
        int hw = in.plane(), c = in.c();
        for (int ch = from; ch < to; ch++) {
            for (int b = 0; b < n; b++) {
                float g = dy[b * c + ch] / hw;
                java.util.Arrays.fill(dx, (ch * n + b) * hw, (ch * n + b + 1) * hw, g);
            }
        }
    }
}

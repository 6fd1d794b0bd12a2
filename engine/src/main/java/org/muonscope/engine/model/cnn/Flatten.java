package org.muonscope.engine.model.cnn;

import org.muonscope.engine.linalg.GemmThreads;

/**
 * CNHW to {@code [n][c*h*w]} (features in PyTorch's {@code c, h, w} order, so weights match
 * {@code x.flatten(1)}); backward is the inverse permutation.
 */
public final class Flatten implements Layer {
    private final GemmThreads threads;
    private final Shape in;
    private float[] y;
    private float[] dx;

    public Flatten(GemmThreads threads, Shape in) {
        this.threads = threads;
        this.in = in;
    }

    @Override
    public Shape outShape() {
        return Shape.flat(in.size());
    }

    @Override
    public float[] forward(float[] x, int n, boolean training) {
        y = Buffers.atLeast(y, in.size() * n);
        permute(x, y, n, true);
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        if (!needInputGrad) return null;
        dx = Buffers.atLeast(dx, in.size() * n);
        permute(dy, dx, n, false);
        return dx;
    }

    private void permute(float[] src, float[] dst, int n, boolean toFlat) {
        int c = in.c(), hw = in.plane(), f = in.size();
        threads.range(n, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int ch = 0; ch < c; ch++) {
                    int spatial = (ch * n + b) * hw, flat = b * f + ch * hw;
                    if (toFlat) System.arraycopy(src, spatial, dst, flat, hw);
                    else System.arraycopy(src, flat, dst, spatial, hw);
                }
            }
        });
    }
}

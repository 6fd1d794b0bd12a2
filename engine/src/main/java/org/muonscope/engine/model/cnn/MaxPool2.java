package org.muonscope.engine.model.cnn;

import org.muonscope.engine.linalg.GemmThreads;

/**
 * 2x2 max-pooling with stride 2 on CNHW activations; an odd last row or column is dropped (PyTorch's
 * floor mode). Remembers the winner of each window; backward routes the gradient to it alone (ties go to
 * the first in row-major order, as in PyTorch).
 */
public final class MaxPool2 implements Layer {
    private final GemmThreads threads;
    private final Shape in;
    private final Shape out;
    private float[] y;
    private int[] arg;
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
    public float[] forward(float[] x, int n) {
        int planes = in.c() * n, ih = in.h(), iw = in.w(), oh = out.h(), ow = out.w();
        y = Buffers.atLeast(y, planes * oh * ow);
        arg = Buffers.atLeast(arg, planes * oh * ow);
        float[] yy = y;
        int[] aa = arg;
        threads.range(planes, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = p * ih * iw, dst = p * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, dst++) {
                        int i0 = src + 2 * oy * iw + 2 * ox;
                        int best = i0;
                        if (x[i0 + 1] > x[best]) best = i0 + 1;
                        if (x[i0 + iw] > x[best]) best = i0 + iw;
                        if (x[i0 + iw + 1] > x[best]) best = i0 + iw + 1;
                        yy[dst] = x[best];
                        aa[dst] = best;
                    }
                }
            }
        });
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        if (!needInputGrad) return null;
        int planes = in.c() * n, ohw = out.plane(), ihw = in.plane();
        dx = Buffers.atLeast(dx, planes * ihw);
        float[] d = dx;
        int[] aa = arg;
        threads.range(planes, (from, to) -> {
            java.util.Arrays.fill(d, from * ihw, to * ihw, 0f);
            for (int i = from * ohw; i < to * ohw; i++) d[aa[i]] += dy[i];
        });
        return dx;
    }
}

package org.muonscope.engine.model.cnn;

import org.muonscope.engine.linalg.GemmThreads;

/** {@code max(0, x)} elementwise, any layout; the gradient at exactly 0 is taken as 0 (PyTorch's choice). */
public final class Relu implements Layer {
    private final GemmThreads threads;
    private final Shape shape;
    private float[] y;
    private float[] dx;

    public Relu(GemmThreads threads, Shape shape) {
        this.threads = threads;
        this.shape = shape;
    }

    @Override
    public Shape outShape() {
        return shape;
    }

    @Override
    public float[] forward(float[] x, int n, boolean training) {
        int len = shape.size() * n;
        y = Buffers.atLeast(y, len);
        float[] yy = y;
        threads.range(len, (from, to) -> {
            for (int i = from; i < to; i++) yy[i] = Math.max(x[i], 0f);
        });
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        if (!needInputGrad) return null;
        int len = shape.size() * n;
        dx = Buffers.atLeast(dx, len);
        float[] d = dx, yy = y;
        threads.range(len, (from, to) -> {
            for (int i = from; i < to; i++) d[i] = yy[i] > 0f ? dy[i] : 0f;
        });
        return dx;
    }
}

package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Adam's scaling: {@code m <- b1 m + (1-b1) u}, {@code v <- b2 v + (1-b2) u^2},
 * {@code u <- (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)} (Kingma and Ba, as in PyTorch).
 */
final class AdamScaling implements ElementwiseTransform {
    private final double beta1;
    private final double beta2;
    private final double eps;

    AdamScaling(double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public TransformState init(int rows, int cols) {
        return new State(rows, cols);
    }

    @Override
    public void begin(TransformState state) {
        State s = (State) state;
        long t = ++s.count;
        s.c1 = 1.0 - Math.pow(beta1, t);
        s.c2 = 1.0 - Math.pow(beta2, t);
    }

    @Override
    public void apply(double[] a, TransformState state, double[] param, int from, int to) {
        State s = (State) state;
        double[] m = s.m[0].data;
        double[] v = s.m[1].data;
        double c1 = s.c1;
        double c2 = s.c2;
        for (int i = from; i < to; i++) {
            double g = a[i];
            double mi = beta1 * m[i] + (1.0 - beta1) * g;
            double vi = beta2 * v[i] + (1.0 - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            a[i] = (mi / c1) / (Math.sqrt(vi / c2) + eps);
        }
    }

    /** The moments and step count (saved) and this step's bias corrections (derived from the count, not saved). */
    private static final class State extends MatrixState {
        double c1;
        double c2;

        State(int rows, int cols) {
            super(new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols));
        }
    }
}

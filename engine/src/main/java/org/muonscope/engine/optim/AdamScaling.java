package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Adam's scaling: {@code m <- b1 m + (1-b1) u}, {@code v <- b2 v + (1-b2) u^2},
 * {@code u <- (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)} (Kingma and Ba, as in PyTorch).
 */
final class AdamScaling implements GradientTransform {
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
        return new MatrixState(new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols));
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        MatrixState s = (MatrixState) state;
        double[] m = s.m[0].data;
        double[] v = s.m[1].data;
        double[] a = u.data;
        long t = ++s.count;
        double c1 = 1.0 - Math.pow(beta1, t);
        double c2 = 1.0 - Math.pow(beta2, t);
        int n = u.getNumElements();
        for (int i = 0; i < n; i++) {
            double g = a[i];
            double mi = beta1 * m[i] + (1.0 - beta1) * g;
            double vi = beta2 * v[i] + (1.0 - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            a[i] = (mi / c1) / (Math.sqrt(vi / c2) + eps);
        }
    }
}

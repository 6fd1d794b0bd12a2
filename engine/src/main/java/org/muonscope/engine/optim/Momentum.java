package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The two momentum conventions of docs/theory.md: EMA {@code m <- beta m + (1-beta) u} (Signum, Muon) and PyTorch's
 * heavy ball {@code b <- beta b + u} (GD with momentum). Nesterov emits the look-ahead {@code (1-beta) u + beta m}
 * (Muon's {@code grad.lerp_(momentum, beta)}) or {@code u + beta b} (PyTorch SGD).
 */
final class Momentum implements ElementwiseTransform {
    private final double beta;
    private final boolean nesterov;
    private final boolean heavyBall;

    Momentum(double beta, boolean nesterov, boolean heavyBall) {
        this.beta = beta;
        this.nesterov = nesterov;
        this.heavyBall = heavyBall;
    }

    @Override
    public TransformState init(int rows, int cols) {
        return new MatrixState(new DMatrixRMaj(rows, cols));
    }

    @Override
    public void begin(TransformState state) {
        ((MatrixState) state).count++;
    }

    @Override
    public void apply(double[] a, TransformState state, double[] param, int from, int to) {
        double[] m = ((MatrixState) state).m[0].data;
        double gain = heavyBall ? 1.0 : 1.0 - beta;
        for (int i = from; i < to; i++) {
            double mi = beta * m[i] + gain * a[i];
            m[i] = mi;
            a[i] = nesterov ? gain * a[i] + beta * mi : mi;
        }
    }
}

package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Factories for the transforms optimizers are built from. Each optimizer in {@link Optimizers} is a short
 * chain of these; see docs/theory.md section 2 for the conventions.
 */
public final class Transforms {
    private Transforms() {
    }

    /** {@code u <- factor u}; the last stage of every optimizer is {@code scale(-lr)}. */
    public static GradientTransform scale(double factor) {
        return new Stateless() {
            @Override
            public void apply(double[] a, TransformState state, double[] param, int from, int to) {
                for (int i = from; i < to; i++) {
                    a[i] *= factor;
                }
            }
        };
    }

    /** {@code u <- u / ||u||_F}; a zero update stays zero (steepest descent under the Frobenius norm). */
    public static GradientTransform normalize() {
        return new GradientTransform() {
            @Override
            public TransformState init(int rows, int cols) {
                return TransformState.NONE;
            }

            @Override
            public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
                double[] a = u.data;
                int n = u.getNumElements();
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    scale = Math.max(scale, Math.abs(a[i]));
                }
                if (scale == 0 || !Double.isFinite(scale)) {
                    return;
                }
                // Scaled sum of squares: a gradient of 1e200 must not overflow to infinity.
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double v = a[i] / scale;
                    ss += v * v;
                }
                double inv = 1.0 / (scale * Math.sqrt(ss));
                for (int i = 0; i < n; i++) {
                    a[i] *= inv;
                }
            }
        };
    }

    /** {@code u <- sign(u)} elementwise with {@code sign(0) = 0} (steepest descent under the max norm). */
    public static GradientTransform sign() {
        return new Stateless() {
            @Override
            public void apply(double[] a, TransformState state, double[] param, int from, int to) {
                for (int i = from; i < to; i++) {
                    a[i] = Math.signum(a[i]);
                }
            }
        };
    }

    /** Muon's shape factor: {@code u <- sqrt(max(1, rows/cols)) u} (rows and cols of the flattened matrix). */
    public static GradientTransform scaleByShape() {
        return new ShapeScale();
    }

    /**
     * Decoupled weight decay: {@code u <- u + wd p}. Placed before {@code scale(-lr)} it gives
     * {@code p <- p (1 - lr wd) - lr u}, the AdamW / Muon rule.
     */
    public static GradientTransform decoupledWeightDecay(double wd) {
        return new Stateless() {
            @Override
            public void apply(double[] a, TransformState state, double[] p, int from, int to) {
                if (wd == 0) {
                    return;
                }
                for (int i = from; i < to; i++) {
                    a[i] += wd * p[i];
                }
            }
        };
    }

    /** EMA momentum {@code m <- beta m + (1-beta) u}; emits {@code m}, or {@code (1-beta) u + beta m} with Nesterov. */
    public static GradientTransform emaMomentum(double beta, boolean nesterov) {
        return new Momentum(beta, nesterov, false);
    }

    /** PyTorch SGD heavy ball {@code b <- beta b + u}; emits {@code b}, or {@code u + beta b} with Nesterov. */
    public static GradientTransform heavyBall(double beta, boolean nesterov) {
        return new Momentum(beta, nesterov, true);
    }

    /** Adam's bias-corrected {@code m_hat / (sqrt(v_hat) + eps)}. */
    public static GradientTransform adam(double beta1, double beta2, double eps) {
        return new AdamScaling(beta1, beta2, eps);
    }

    /** The exact polar factor {@code U V^T} (steepest descent under the spectral norm). */
    public static GradientTransform polar() {
        return new PolarOrtho();
    }

    /** Muon's quintic Newton-Schulz orthogonalization with {@code steps} iterations. */
    public static GradientTransform newtonSchulz(int steps) {
        return new NewtonSchulzOrtho(steps);
    }

    /**
     * Shampoo's {@code L^(-1/4) u R^(-1/4)} with accumulated {@code L = eps I + sum u u^T}, {@code R = eps I + sum u^T u},
     * the roots recomputed every step (exact).
     */
    public static GradientTransform shampoo(double eps) {
        return shampoo(eps, 1);
    }

    /**
     * The step-size schedule as the last stage (after {@code scale(-lr)}): {@code u <- f_t ((p + u) - p)}, with
     * {@code f_t} the schedule's factor of step {@code t}. Scaling the increment as it would be applied, rather than
     * {@code u} itself, equals {@code f_t u} up to rounding and keeps the numbers of runs made when the schedule
     * rescaled each step's weight change afterwards (decision 0601). A factor of exactly 1 leaves {@code u} alone.
     */
    public static GradientTransform schedule(StepSchedule schedule, long totalSteps) {
        return new GradientTransform() {
            @Override
            public TransformState init(int rows, int cols) {
                return new MatrixState();
            }

            @Override
            public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
                MatrixState s = (MatrixState) state;
                double f = schedule.factor(s.count++, totalSteps);
                if (f == 1.0) {
                    return;
                }
                double[] a = u.data;
                double[] p = param.data;
                int n = u.getNumElements();
                for (int i = 0; i < n; i++) {
                    a[i] = f * ((p[i] + a[i]) - p[i]);
                }
            }
        };
    }

    /**
     * Shampoo with the inverse roots recomputed every {@code refreshEvery} steps and the statistics accumulated every
     * step (distributed Shampoo's {@code precondition_frequency}; 100 in its documented configurations, see
     * {@link ShampooPreconditioner#PRACTICE_REFRESH}); sides longer than {@link ShampooPreconditioner#MAX_DIM} are
     * left unpreconditioned.
     */
    public static GradientTransform shampoo(double eps, int refreshEvery) {
        return new ShampooPreconditioner(eps, refreshEvery);
    }

    private abstract static class Stateless implements ElementwiseTransform {
        @Override
        public TransformState init(int rows, int cols) {
            return TransformState.NONE;
        }

        @Override
        public void begin(TransformState state) {
        }
    }

    /** The shape factor is fixed per parameter, so it lives in an unsaved state made at init. */
    private static final class ShapeScale implements ElementwiseTransform {
        @Override
        public TransformState init(int rows, int cols) {
            return new Factor(rows > cols ? Math.sqrt((double) rows / cols) : 1.0);
        }

        @Override
        public void begin(TransformState state) {
        }

        @Override
        public void apply(double[] a, TransformState state, double[] param, int from, int to) {
            double f = ((Factor) state).f;
            if (f == 1.0) {
                return;
            }
            for (int i = from; i < to; i++) {
                a[i] *= f;
            }
        }

        private record Factor(double f) implements TransformState {
            @Override
            public void write(java.io.DataOutput out) {
            }

            @Override
            public void read(java.io.DataInput in) {
            }
        }
    }
}

package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * A transform whose output element {@code i} depends only on element {@code i} of the update, the state and the
 * parameter, plus per-step scalars fixed by {@link #begin}. Such stages can run on any split of a parameter into
 * ranges, on several threads, and on cache-sized blocks chained with the next stage, with exactly the arithmetic
 * of {@link #update} on the whole matrix: {@link ChainOptimizer} does that for big parameters of a CNN.
 */
interface ElementwiseTransform extends GradientTransform {
    /** Once per step, before any range: advances counters and fixes the step's scalars. */
    void begin(TransformState state);

    /** Transforms {@code u[from, to)} in place; {@code param} is read only. */
    void apply(double[] u, TransformState state, double[] param, int from, int to);

    @Override
    default void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        begin(state);
        apply(u.data, state, param.data, 0, u.getNumElements());
    }
}

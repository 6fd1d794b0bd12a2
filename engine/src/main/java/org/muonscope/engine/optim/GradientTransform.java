package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * One stage of an optimizer, in the optax style: {@link #init} makes the per-parameter state, {@link #update}
 * rewrites the update buffer in place. A named optimizer is a {@link Chain} of these whose last stage scales
 * by {@code -lr}; applying the result is a plain {@code p += u}.
 *
 * <p>Unlike optax the state is a mutable object owned by one parameter: the hot path of the theory lab runs
 * millions of steps per second and must not allocate (decision 0100).
 */
public interface GradientTransform {

    /** A fresh state for a parameter of the given shape. */
    TransformState init(int rows, int cols);

    /**
     * Transforms the update in place.
     *
     * @param u     Modified. On entry the incoming update (the gradient for the first stage), on exit the outgoing one.
     * @param state Modified. The state {@link #init} made for this parameter.
     * @param param Not modified. The parameter's current value (weight decay reads it).
     */
    void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param);
}

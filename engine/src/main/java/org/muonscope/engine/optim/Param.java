package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * One named, matrix-shaped parameter together with the buffer its model writes the gradient into.
 * Models own the matrices; optimizers read {@link #grad} and update {@link #value} in place.
 */
public record Param(String name, DMatrixRMaj value, DMatrixRMaj grad, Role role) {
    public Param {
        if (value.numRows != grad.numRows || value.numCols != grad.numCols) {
            throw new IllegalArgumentException(name + ": gradient shape differs from value shape");
        }
    }

    /** A parameter with a zeroed gradient buffer of the same shape. */
    public static Param of(String name, DMatrixRMaj value, Role role) {
        return new Param(name, value, new DMatrixRMaj(value.numRows, value.numCols), role);
    }
}

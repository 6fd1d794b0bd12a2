package org.muonscope.engine.model.cnn;

import org.muonscope.engine.optim.Role;

/**
 * A layer's float32 working tensor and its gradient, seen as a {@code rows x cols} row-major matrix
 * (a conv kernel {@code (out, in, 3, 3)} is {@code out x (in*9)}, a bias {@code 1 x out}). {@code start} is
 * the value every element starts at (batch normalization's scale 1 and shift 0), or NaN for the network's
 * init rule.
 */
public record Weights(String name, float[] value, float[] grad, int rows, int cols, Role role, double start) {
    public Weights {
        if (value.length != rows * cols || grad.length != rows * cols) {
            throw new IllegalArgumentException(name + ": arrays do not match " + rows + "x" + cols);
        }
    }

    public static Weights of(String name, int rows, int cols, Role role) {
        return new Weights(name, new float[rows * cols], new float[rows * cols], rows, cols, role, Double.NaN);
    }

    /** A tensor that starts at {@code value} whatever the init. */
    public static Weights constant(String name, int rows, int cols, Role role, double value) {
        return new Weights(name, new float[rows * cols], new float[rows * cols], rows, cols, role, value);
    }
}

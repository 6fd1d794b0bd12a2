package org.muonscope.engine.model.cnn;

import java.util.List;

/**
 * One float32 layer of a {@link Network}, bound to its per-sample input shape when built. Spatial layers
 * take and give activations channel-major over the batch, {@code [c][n][h][w]} ("CNHW"): a 3x3 convolution is
 * then one GEMM over the whole batch whose output is already CNHW. Flat layers take {@code [n][features]}.
 * {@link Flatten} converts between the two. Buffers are owned by the layer and reused between calls: a
 * returned array is valid until the layer's next call.
 */
public interface Layer {
    /** Per-sample output shape. */
    Shape outShape();

    /**
     * Forward pass over {@code n} samples. With {@code training} it keeps what backward needs, and batch
     * normalization uses (and updates) batch statistics; without, it evaluates (running statistics).
     */
    float[] forward(float[] x, int n, boolean training);

    /** A training-mode forward pass. */
    default float[] forward(float[] x, int n) {
        return forward(x, n, true);
    }

    /**
     * Backward pass for the last forward: overwrites the weight gradients and returns the input gradient
     * (null when {@code needInputGrad} is false: the first layer skips it).
     */
    float[] backward(float[] dy, int n, boolean needInputGrad);

    /**
     * Floating-point operations per sample of one training step in this layer's products (forward, weight
     * gradient, and the input gradient when {@code inputGrad}), counting a multiply-add as two: the nominal work
     * a throughput figure divides by, whatever the implementation skips or adds. 0 for layers without products.
     */
    default long trainingFlops(boolean inputGrad) {
        return 0;
    }

    /** The trainable tensors, in a fixed order. */
    default List<Weights> weights() {
        return List.of();
    }

    /**
     * State that is not trained but must survive a checkpoint (batch normalization's running statistics), in a
     * fixed order; the arrays are the layer's own and are read and overwritten in place.
     */
    default List<double[]> buffers() {
        return List.of();
    }

    /** Puts the {@link #buffers()} back to their starting values (a fresh network). */
    default void resetBuffers() {
    }
}

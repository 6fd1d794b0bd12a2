package org.muonscope.engine.model.cnn;

/**
 * Mean softmax cross-entropy over a batch of {@code [n][k]} logits, computed in double with the max
 * subtracted (no overflow for any finite logits). The gradient is {@code (softmax - onehot) / n}.
 */
public final class SoftmaxCrossEntropy {
    private float[] grad;

    /** Returns the mean loss and keeps the logits' gradient for {@link #grad()}. */
    public double lossAndGrad(float[] logits, int[] labels, int labelOff, int n, int k) {
        grad = Buffers.atLeast(grad, n * k);
        double total = 0;
        for (int b = 0; b < n; b++) {
            int row = b * k;
            int label = labels[labelOff + b];
            if (label < 0 || label >= k) throw new IllegalArgumentException("label " + label + " outside 0.." + (k - 1));
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) max = Math.max(max, logits[row + j]);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.exp(logits[row + j] - max);
            double logSum = Math.log(sum) + max;
            total += logSum - logits[row + label];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(logits[row + j] - logSum);
                grad[row + j] = (float) ((p - (j == label ? 1 : 0)) / n);
            }
        }
        return total / n;
    }

    /** The gradient of the last {@link #lossAndGrad} with respect to the logits (valid until the next call). */
    public float[] grad() {
        return grad;
    }
}

package org.muonscope.app.cnnlab;

/**
 * One test-set evaluation of a running training, as the lab draws it. Arrays must not be modified. Values that do
 * not apply to the run's experiment are {@code NaN} (clean / spurious accuracy) or empty arrays (groups).
 *
 * @param step               optimizer steps taken
 * @param images             training images seen
 * @param seconds            training wall time so far
 * @param trainLoss          mean training loss since the previous evaluation
 * @param classAccuracy      test accuracy per class
 * @param cleanAccuracy      spurious-pixel runs: accuracy on test images without the pixel
 * @param spuriousAccuracy   spurious-pixel runs: accuracy on test images with each class's pixel
 * @param groupAccuracy      colored digits: accuracy per (label, color) group
 * @param confusion          {@code confusion[true][predicted]} counts on the test set; null when not computed
 */
public record EvalPoint(long step, int epoch, long images, double seconds, double trainLoss, double testAccuracy,
                        double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy,
                        double cleanAccuracy, double spuriousAccuracy, double[] groupAccuracy,
                        double worstGroupAccuracy, int[][] confusion) {

    /** Mean accuracy over the given classes; NaN when the list is empty. */
    public double meanAccuracy(int[] classes) {
        if (classes.length == 0) return Double.NaN;
        double s = 0;
        for (int c : classes) s += classAccuracy[c];
        return s / classes.length;
    }
}

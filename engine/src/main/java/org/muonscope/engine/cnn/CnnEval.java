package org.muonscope.engine.cnn;

import java.util.List;

/**
 * One evaluation on the test set. {@code cleanAccuracy} / {@code spuriousAccuracy} are NaN without the
 * spurious pixel; {@code groupAccuracy} is null and {@code worstGroupAccuracy} NaN without groups.
 *
 * @param seconds   training wall time so far (evaluations excluded), so {@code images / seconds} is throughput
 * @param trainLoss mean training loss over the steps since the previous evaluation
 * @param confusion {@code confusion[true][predicted]} counts on the (clean) test set, rows summing to each
 *                  class's test images; null when not computed (evaluations read from older checkpoints)
 */
public record CnnEval(String optimizer, long step, int epoch, long images, double seconds, double trainLoss,
                      double testAccuracy, double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy,
                      double cleanAccuracy, double spuriousAccuracy, double[] groupAccuracy,
                      double worstGroupAccuracy, List<String> groupNames, int[][] confusion) {

    /** An evaluation without a confusion matrix (the shape before it was added). */
    public CnnEval(String optimizer, long step, int epoch, long images, double seconds, double trainLoss,
                   double testAccuracy, double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy,
                   double cleanAccuracy, double spuriousAccuracy, double[] groupAccuracy,
                   double worstGroupAccuracy, List<String> groupNames) {
        this(optimizer, step, epoch, images, seconds, trainLoss, testAccuracy, balancedAccuracy, worstClassAccuracy,
                classAccuracy, cleanAccuracy, spuriousAccuracy, groupAccuracy, worstGroupAccuracy, groupNames, null);
    }
}

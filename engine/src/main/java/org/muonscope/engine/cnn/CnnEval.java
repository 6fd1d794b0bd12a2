package org.muonscope.engine.cnn;

import java.util.List;

/**
 * One evaluation on the test set. {@code cleanAccuracy} / {@code spuriousAccuracy} are NaN without the
 * spurious pixel; {@code groupAccuracy} is null and {@code worstGroupAccuracy} NaN without groups.
 *
 * @param seconds   training wall time so far (evaluations excluded), so {@code images / seconds} is throughput
 * @param trainLoss mean training loss over the steps since the previous evaluation
 */
public record CnnEval(String optimizer, long step, int epoch, long images, double seconds, double trainLoss,
                      double testAccuracy, double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy,
                      double cleanAccuracy, double spuriousAccuracy, double[] groupAccuracy,
                      double worstGroupAccuracy, List<String> groupNames) { }

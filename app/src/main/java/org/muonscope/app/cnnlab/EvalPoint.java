package org.muonscope.app.cnnlab;

import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.Values;

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
 * @param singularValues     per weight matrix of the network (the run's layers, {@link RunInfo#layers}), its singular
 *                           values descending; null for runs recorded before the spectra were
 * @param layerRank          per weight matrix, the entropy effective rank of its singular values; null likewise
 */
public record EvalPoint(long step, int epoch, long images, double seconds, double trainLoss, double testAccuracy,
                        double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy,
                        double cleanAccuracy, double spuriousAccuracy, double[] groupAccuracy,
                        double worstGroupAccuracy, int[][] confusion, double[][] singularValues, double[] layerRank) {

    /** An evaluation without the layers' spectra. */
    public EvalPoint(long step, int epoch, long images, double seconds, double trainLoss, double testAccuracy,
                     double balancedAccuracy, double worstClassAccuracy, double[] classAccuracy, double cleanAccuracy,
                     double spuriousAccuracy, double[] groupAccuracy, double worstGroupAccuracy, int[][] confusion) {
        this(step, epoch, images, seconds, trainLoss, testAccuracy, balancedAccuracy, worstClassAccuracy, classAccuracy,
                cleanAccuracy, spuriousAccuracy, groupAccuracy, worstGroupAccuracy, confusion, null, null);
    }

    /** The lab's view of one engine record of a CNN run. */
    public static EvalPoint of(Record r) {
        Values v = r.values();
        double[] groups = v.vector(CnnFields.GROUP_ACCURACY);
        double[][] m = v.matrix(CnnFields.CONFUSION);
        int[][] confusion = null;
        if (m != null) {
            confusion = new int[m.length][];
            for (int i = 0; i < m.length; i++) {
                confusion[i] = new int[m[i].length];
                for (int j = 0; j < m[i].length; j++) confusion[i][j] = (int) m[i][j];
            }
        }
        return new EvalPoint(r.step(), (int) v.scalar(CnnFields.EPOCH), (long) v.scalar(CnnFields.IMAGES),
                v.scalar(CnnFields.SECONDS), v.scalar(CnnFields.TRAIN_LOSS), v.scalar(CnnFields.TEST_ACCURACY),
                v.scalar(CnnFields.BALANCED_ACCURACY), v.scalar(CnnFields.WORST_CLASS_ACCURACY),
                v.vector(CnnFields.CLASS_ACCURACY), v.scalar(CnnFields.CLEAN_ACCURACY), v.scalar(CnnFields.SPURIOUS_ACCURACY),
                groups == null ? new double[0] : groups, v.scalar(CnnFields.WORST_GROUP_ACCURACY), confusion,
                v.matrix(CnnFields.SINGULAR_VALUES), v.vector(CnnFields.LAYER_EFFECTIVE_RANK));
    }

    /** Mean accuracy over the given classes; NaN when the list is empty. */
    public double meanAccuracy(int[] classes) {
        if (classes.length == 0) return Double.NaN;
        double s = 0;
        for (int c : classes) s += classAccuracy[c];
        return s / classes.length;
    }
}

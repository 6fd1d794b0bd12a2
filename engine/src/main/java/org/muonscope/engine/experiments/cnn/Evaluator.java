package org.muonscope.engine.experiments.cnn;

import org.muonscope.engine.data.Batches;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.model.cnn.Network;

/** Test-set accuracy of a network: overall, per class, per group. */
final class Evaluator {
    /** Evaluation batch: large enough to keep the GEMMs efficient, small enough for the im2col buffers. */
    static final int BATCH = 256;

    private float[] x;
    private final int[] y = new int[BATCH];

    /** Predicted class of every sample. */
    int[] predict(Network net, Dataset d) {
        int n = d.size();
        int[] pred = new int[n];
        if (x == null || x.length < BATCH * d.shape().size()) x = new float[BATCH * d.shape().size()];
        for (int from = 0; from < n; from += BATCH) {
            int b = Math.min(BATCH, n - from);
            Batches.gather(d, null, from, b, x, y);
            net.predict(x, b, pred, from);
        }
        return pred;
    }

    /** Accuracy of {@code pred} over the samples of each class (NaN for a class with no samples). */
    static double[] perClass(Dataset d, int[] pred, int classes) {
        return perBucket(d.labels(), d.labels(), pred, classes);
    }

    /** Accuracy within each bucket ({@code bucket[i]} in {@code 0 .. buckets-1}). */
    static double[] perBucket(int[] bucket, int[] labels, int[] pred, int buckets) {
        int[] right = new int[buckets], all = new int[buckets];
        for (int i = 0; i < labels.length; i++) {
            all[bucket[i]]++;
            if (pred[i] == labels[i]) right[bucket[i]]++;
        }
        double[] acc = new double[buckets];
        for (int c = 0; c < buckets; c++) acc[c] = all[c] == 0 ? Double.NaN : (double) right[c] / all[c];
        return acc;
    }

    /** {@code counts[true][predicted]} over all samples. */
    static int[][] confusion(int[] labels, int[] pred, int classes) {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) m[labels[i]][pred[i]]++;
        return m;
    }

    static double accuracy(int[] labels, int[] pred) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (pred[i] == labels[i]) right++;
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }

    /** Mean over the buckets that have samples. */
    static double mean(double[] a) {
        double s = 0;
        int n = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Minimum over the buckets that have samples. */
    static double min(double[] a) {
        double m = Double.NaN;
        for (double v : a) if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) m = v;
        return m;
    }
}

package org.muonscope.app.plots;

import java.util.Arrays;

/**
 * Per-pixel decimation: splits the x range into {@code buckets} columns and keeps, per column, the first,
 * lowest, highest and last point in x order. A line through the kept points covers exactly the pixels the
 * full line covers, so 2000-step curves draw with a few hundred segments and lose no spikes.
 */
public final class Decimator {
    private Decimator() { }

    /**
     * @param x ascending x values (Not modified)
     * @param y y values, same length (Not modified)
     * @return {@code {xs, ys}}, the kept points in x order; the input itself when already small enough
     */
    public static double[][] decimate(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (n <= 2L * buckets || n < 3) return new double[][] {x, y};
        double x0 = x[0], x1 = x[n - 1];
        double width = (x1 - x0) / buckets;
        if (!(width > 0)) return new double[][] {x, y};
        double[] ox = new double[4 * buckets + 2];
        double[] oy = new double[ox.length];
        int m = 0;
        int i = 0;
        while (i < n) {
            int b = (int) Math.min(buckets - 1, Math.floor((x[i] - x0) / width));
            int first = i, lo = i, hi = i;
            int j = i;
            while (j < n && (int) Math.min(buckets - 1, Math.floor((x[j] - x0) / width)) == b) {
                // NaN (a diverged value) must survive decimation so the gap shows
                if (Double.isNaN(y[j]) || y[j] < y[lo]) lo = j;
                if (y[j] > y[hi]) hi = j;
                j++;
            }
            int last = j - 1;
            int[] keep = {first, Math.min(lo, hi), Math.max(lo, hi), last};
            int prev = -1;
            for (int k : keep) {
                if (k == prev) continue;
                ox[m] = x[k];
                oy[m] = y[k];
                m++;
                prev = k;
            }
            i = j;
        }
        return new double[][] {Arrays.copyOf(ox, m), Arrays.copyOf(oy, m)};
    }
}

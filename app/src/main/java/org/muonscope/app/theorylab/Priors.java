package org.muonscope.app.theorylab;

import java.util.Arrays;

/**
 * Class-prior presets and edits. Every method returns a fresh, normalized array (positive, sums to 1), so
 * the editor never shows priors that the engine would rescale.
 */
public final class Priors {
    /** The smallest prior an edit may set: the engine needs positive priors, and a bar must stay grabbable. */
    public static final double MIN = 1e-3;

    private Priors() { }

    public static double[] uniform(int k) {
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        return p;
    }

    /** Step imbalance: the first {@code ceil(k/2)} classes are {@code ratio} times as likely as the rest. */
    public static double[] step(int k, double ratio) {
        double[] p = new double[k];
        int major = (k + 1) / 2;
        for (int c = 0; c < k; c++) p[c] = c < major ? ratio : 1.0;
        return normalize(p);
    }

    /** Long tail: {@code p_c ~ ratio^(-c/(k-1))}, so the first class is {@code ratio} times the last. */
    public static double[] longTail(int k, double ratio) {
        double[] p = new double[k];
        for (int c = 0; c < k; c++) p[c] = Math.pow(ratio, -(double) c / (k - 1));
        return normalize(p);
    }

    public static double[] normalize(double[] raw) {
        double sum = 0;
        for (double v : raw) sum += v;
        double[] p = new double[raw.length];
        for (int c = 0; c < raw.length; c++) p[c] = raw[c] / sum;
        return p;
    }

    /**
     * Sets class {@code c} to {@code value} and rescales the others so their proportions stay as they were
     * and the whole sums to 1.
     */
    public static double[] set(double[] priors, int c, double value) {
        int k = priors.length;
        double v = Math.max(MIN, Math.min(1 - MIN * (k - 1), value));
        double rest = 0;
        for (int j = 0; j < k; j++) if (j != c) rest += priors[j];
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            if (j == c) p[j] = v;
            else p[j] = rest > 0 ? priors[j] / rest * (1 - v) : (1 - v) / (k - 1);
        }
        for (int j = 0; j < k; j++) p[j] = Math.max(p[j], MIN);
        return normalize(p);
    }

    /** Resizes to {@code k} classes, keeping the existing shape where it exists (new classes get the mean). */
    public static double[] resize(double[] priors, int k) {
        double[] p = new double[k];
        double mean = 1.0 / Math.max(1, priors.length);
        for (int c = 0; c < k; c++) p[c] = c < priors.length ? priors[c] : mean;
        return normalize(p);
    }

    /** Parses {@code "0.5, 0.3, 0.2"} (any positive numbers; normalized). */
    public static double[] parse(String text) {
        String[] parts = text.trim().split("[,;\\s]+");
        double[] p = new double[parts.length];
        for (int c = 0; c < parts.length; c++) {
            p[c] = Double.parseDouble(parts[c]);
            if (!(p[c] > 0) || Double.isInfinite(p[c])) throw new NumberFormatException("prior " + (c + 1) + " must be positive");
        }
        if (p.length < 2) throw new NumberFormatException("need at least 2 priors");
        return normalize(p);
    }

    public static String format(double[] priors) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < priors.length; c++) {
            if (c > 0) sb.append(", ");
            sb.append(String.format(java.util.Locale.ROOT, "%.3f", priors[c]));
        }
        return sb.toString();
    }
}

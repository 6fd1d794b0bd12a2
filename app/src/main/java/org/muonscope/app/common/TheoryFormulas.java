package org.muonscope.app.common;

import org.muonscope.engine.experiment.TheorySpec;
import org.muonscope.engine.optim.OptimizerSpec;

/**
 * The closed forms of THEORY.md section 1 that the views draw as dashed lines and fill into the explanation
 * pane (axis-aligned, population moments, {@code W_0 = 0}). Kept here until the engine's ClosedForm is merged.
 */
public final class TheoryFormulas {
    private TheoryFormulas() { }

    /** {@code s_xx(c) = p_c mu^2 + sigma^2}. */
    public static double sxx(TheorySpec s, int c) {
        return s.priors()[c] * s.mu() * s.mu() + s.sigma() * s.sigma();
    }

    /** {@code w*_c = p_c mu / (p_c mu^2 + sigma^2)}. */
    public static double wStar(TheorySpec s, int c) {
        return s.priors()[c] * s.mu() / sxx(s, c);
    }

    public static double[] wStar(TheorySpec s) {
        double[] w = new double[s.classes()];
        for (int c = 0; c < w.length; c++) w[c] = wStar(s, c);
        return w;
    }

    /** GD, depth 1: {@code w*_c (1 - (1 - eta s_xx(c))^t)}. */
    public static double gd(TheorySpec s, int c, double eta, double t) {
        return wStar(s, c) * (1 - Math.pow(1 - eta * sxx(s, c), t));
    }

    /** SpecGD, depth L: the end-to-end diagonal grows as {@code (eta t)^L} until it reaches {@code w*_c}. */
    public static double specGd(TheorySpec s, int c, double eta, double t, int depth) {
        return Math.min(Math.pow(eta * t, depth), wStar(s, c));
    }

    /** GD, depth 1: {@code ceil(ln 0.1 / ln(1 - eta s_xx))}; -1 when the step is unstable ({@code eta s_xx >= 2}). */
    public static long t90Gd(TheorySpec s, int c, double eta) {
        double r = 1 - eta * sxx(s, c);
        if (Math.abs(r) >= 1) return -1;
        if (r <= 0) return 1;
        return (long) Math.ceil(Math.log(0.1) / Math.log(r));
    }

    /** SpecGD, depth L: {@code (0.9 w*_c)^(1/L) / eta}, rounded up to a whole step. */
    public static long t90Spec(TheorySpec s, int c, double eta, int depth) {
        return (long) Math.ceil(t90SpecExact(s, c, eta, depth) - 1e-9);
    }

    public static double t90SpecExact(TheorySpec s, int c, double eta, int depth) {
        return Math.pow(0.9 * wStar(s, c), 1.0 / depth) / eta;
    }

    /** {@code t_max / t_min} over classes for SpecGD at depth L: {@code (w*_max / w*_min)^(1/L)}. */
    public static double spreadSpec(TheorySpec s, int depth) {
        double max = 0, min = Double.MAX_VALUE;
        for (int c = 0; c < s.classes(); c++) {
            double t = t90SpecExact(s, c, 1.0, depth);
            max = Math.max(max, t);
            min = Math.min(min, t);
        }
        return max / min;
    }

    /** Whether a closed form exists for this optimizer kind in this spec (THEORY.md's table). */
    public static boolean hasTheory(TheorySpec s, OptimizerSpec o) {
        String kind = o.kind();
        boolean plain = !s.rotated() && s.overlap() == 0 && s.mode().kind() == org.muonscope.engine.experiment.DataMode.Kind.POPULATION;
        if (!plain) return false;
        return switch (kind) {
            case "gd" -> s.depth() == 1 && o.beta() == 0;
            case "specgd" -> true;
            default -> false;
        };
    }

    /** The theory value of the diagonal for an optimizer kind, NaN where no closed form exists. */
    public static double diag(TheorySpec s, OptimizerSpec o, int c, double t) {
        if (!hasTheory(s, o)) return Double.NaN;
        return o.kind().equals("gd") ? gd(s, c, o.lr(), t) : specGd(s, c, o.lr(), t, s.depth());
    }

    /** The theory t90 for an optimizer kind, -1 where none. */
    public static long t90(TheorySpec s, OptimizerSpec o, int c) {
        if (!hasTheory(s, o)) return -1;
        return o.kind().equals("gd") ? t90Gd(s, c, o.lr()) : t90Spec(s, c, o.lr(), s.depth());
    }
}

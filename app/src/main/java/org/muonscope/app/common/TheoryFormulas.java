package org.muonscope.app.common;

import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.theory.ClosedForm;
import org.muonscope.engine.theory.GaussianMixture;

/**
 * The closed forms the views draw (dashed lines, ticks, the explanation pane), taken from the engine's
 * {@link ClosedForm} so every number shown comes from the engine. Per-point calls reuse one mixture per spec.
 */
public final class TheoryFormulas {
    private static TheorySpec cachedSpec;
    private static GaussianMixture cachedMixture;
    private static double[] cachedWStar;

    private TheoryFormulas() { }

    private static synchronized GaussianMixture mixture(TheorySpec s) {
        if (s != cachedSpec) {
            cachedMixture = s.mixture();
            cachedWStar = ClosedForm.wStar(cachedMixture);
            cachedSpec = s;
        }
        return cachedMixture;
    }

    private static synchronized double[] wStarCached(TheorySpec s) {
        mixture(s);
        return cachedWStar;
    }

    /** {@code s_xx(c)}: {@code p_c mu^2 + sigma^2} in the mean basis. */
    public static double sxx(TheorySpec s, int c) {
        return mixture(s).sxxDiag(c);
    }

    /** The optimum's diagonal in the mean basis ({@code p_c mu / (p_c mu^2 + sigma^2)} without overlap). */
    public static double wStar(TheorySpec s, int c) {
        return wStarCached(s)[c];
    }

    public static double[] wStar(TheorySpec s) {
        return wStarCached(s).clone();
    }

    /** GD, depth 1: {@code w*_c (1 - (1 - eta s_xx(c))^t)}. */
    public static double gd(TheorySpec s, int c, double eta, double t) {
        GaussianMixture g = mixture(s);
        return g.syxDiag(c) / g.sxxDiag(c) * (1 - Math.pow(1 - eta * g.sxxDiag(c), t));
    }

    /** SpecGD, depth L: the end-to-end diagonal grows as {@code (eta t)^L} until it reaches {@code w*_c}. */
    public static double specGd(TheorySpec s, int c, double eta, double t, int depth) {
        return Math.min(Math.pow(eta * t, depth), wStar(s, c));
    }

    public static long t90Gd(TheorySpec s, int c, double eta) {
        return ClosedForm.gdT90(sxx(s, c), eta);
    }

    /** SpecGD, depth L: {@code (0.9 w*_c)^(1/L) / eta}, rounded up to a whole step. */
    public static long t90Spec(TheorySpec s, int c, double eta, int depth) {
        return (long) Math.ceil(ClosedForm.specGdT90(wStar(s, c), eta, depth) - 1e-9);
    }

    /** The unrounded {@code (0.9 w*_c)^(1/L) / eta}. */
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

    /**
     * Whether a closed form covers this optimizer here, by the engine's rule (the runner's t90 theory column):
     * population moments and orthogonal means; GD at depth 1 from {@code W = 0} without momentum; SpecGD at
     * depth 1 from {@code W = 0} or at any depth from a small init.
     */
    public static boolean hasTheory(TheorySpec s, OptimizerSettings o) {
        return ClosedForm.covers(o, mixture(s), s.mode(), s.depth(), s.init()) != null;
    }

    /** The theory value of the diagonal for an optimizer, NaN where no closed form exists. */
    public static double diag(TheorySpec s, OptimizerSettings o, int c, double t) {
        if (!hasTheory(s, o)) return Double.NaN;
        return ClosedForm.family(o) == ClosedForm.Family.GD ? gd(s, c, o.lr(), t) : specGd(s, c, o.lr(), t, s.depth());
    }

    /** The theory t90 for an optimizer, -1 where none. */
    public static long t90(TheorySpec s, OptimizerSettings o, int c) {
        if (!hasTheory(s, o)) return -1;
        return ClosedForm.family(o) == ClosedForm.Family.GD ? t90Gd(s, c, o.lr()) : t90Spec(s, c, o.lr(), s.depth());
    }
}

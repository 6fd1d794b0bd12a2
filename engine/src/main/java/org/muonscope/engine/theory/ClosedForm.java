package org.muonscope.engine.theory;

import org.muonscope.engine.optim.SpecGdSettings;

import org.muonscope.engine.optim.GdSettings;

import org.muonscope.engine.optim.OptimizerSettings;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The closed forms of docs/theory.md section 1, per class, in the mean basis.
 *
 * <p>They need joint diagonalizability, i.e. mean overlap {@code rho = 0}. The rotated basis keeps them:
 * GD and SpecGD are rotation-equivariant ({@code W Q} follows the axis-aligned trajectory), so every
 * {@code W[c,c]} here means {@code (W F)[c,c]} in the mean basis {@code F}. With {@code rho > 0} there is no
 * closed form: trajectories and saturation steps are NaN (decision 0203), while {@link #wStar} is still the
 * diagonal of the population optimum. All trajectories start from {@code W_0 = 0} at step {@code t = 0}.
 */
public final class ClosedForm {
    private ClosedForm() {
    }

    /**
     * The diagonal of the population optimum {@code W* = Syx Sxx^-1} in the mean basis: {@code (W* F)[c,c]}.
     * With {@code rho = 0} it equals {@code p_c mu / (p_c mu^2 + sigma^2)}.
     */
    public static double[] wStar(GaussianMixture g) {
        int k = g.classes();
        double[] out = new double[k];
        if (g.jointlyDiagonalizable()) {
            for (int c = 0; c < k; c++) out[c] = g.syxDiag(c) / g.sxxDiag(c);
            return out;
        }
        // In the mean basis the problem lives in k dimensions: Sxx_F = F^T Sxx F = M^T P M + sigma^2 I,
        // Syx_F = P M, with the rows of M the class means mu n_c; the orthogonal complement has W* = 0.
        DMatrixRMaj m = g.meanCoordinates();
        DMatrixRMaj sxx = new DMatrixRMaj(k, k);
        DMatrixRMaj syx = new DMatrixRMaj(k, k);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < k; i++) {
                syx.set(c, i, g.prior(c) * m.get(c, i));
                for (int j = 0; j < k; j++) sxx.add(i, j, g.prior(c) * m.get(c, i) * m.get(c, j));
            }
        }
        for (int i = 0; i < k; i++) sxx.add(i, i, g.sigma() * g.sigma());
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invert(sxx, inv)) throw new IllegalStateException("Sxx is singular");
        DMatrixRMaj w = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(syx, inv, w);
        for (int c = 0; c < k; c++) out[c] = w.get(c, c);
        return out;
    }

    /** The optimizers with closed-form trajectories: plain GD (no momentum) and SpecGD. */
    public enum Family { GD, SPECGD }

    /**
     * The one rule for which optimizers have a closed form, shared by the theory, deep-linear and routing runs and
     * the windows: plain GD ({@code beta = 0}) and SpecGD; null for every other optimizer.
     */
    public static Family family(OptimizerSettings o) {
        if (o instanceof GdSettings g && g.beta() == 0) return Family.GD;
        if (o instanceof SpecGdSettings) return Family.SPECGD;
        return null;
    }

    /**
     * Whether the Gaussian-mixture closed forms (trajectory and {@code t_90}) describe this optimizer on this model:
     * population moments and orthogonal means, and then GD at depth 1 from {@code W = 0}, or SpecGD from
     * {@code W = 0} (exact) or at depth {@code L > 1} from a small init (approximate).
     */
    public static Family covers(OptimizerSettings o, GaussianMixture g, DataMode mode, int depth, double init) {
        Family f = family(o);
        if (f == null || mode.kind() != DataMode.Kind.POPULATION || !available(g)) return null;
        return switch (f) {
            case GD -> depth == 1 && init == 0 ? f : null;
            case SPECGD -> depth > 1 || init == 0 ? f : null;
        };
    }

    /** True when the per-class trajectories below exist ({@code rho = 0}). */
    public static boolean available(GaussianMixture g) {
        return g.jointlyDiagonalizable();
    }

    /** GD, depth 1: {@code w_c(t) = w*_c (1 - (1 - eta s_xx(c))^t)}; NaN where unavailable. */
    public static double[] gdDiagonal(GaussianMixture g, double eta, long t) {
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = new double[g.classes()];
        for (int c = 0; c < out.length; c++) out[c] = gdDiagonal(g.syxDiag(c), g.sxxDiag(c), eta, t);
        return out;
    }

    /** One class of {@link #gdDiagonal(GaussianMixture, double, long)}. */
    public static double gdDiagonal(double syx, double sxx, double eta, long t) {
        return syx / sxx * (1 - Math.pow(1 - eta * sxx, t));
    }

    /** SpecGD, depth 1: {@code w_c(t) = min(eta t, w*_c)} (after saturation it oscillates within {@code eta}). */
    public static double[] specGdDiagonal(GaussianMixture g, double eta, long t) {
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = wStar(g);
        for (int c = 0; c < out.length; c++) out[c] = Math.min(eta * t, out[c]);
        return out;
    }

    /**
     * SpecGD, depth {@code L}, small init: every factor's singular values grow by {@code eta} a step, so the end-to-end
     * diagonal follows {@code min((eta t)^L, w*_c)} (docs/theory.md; the init scale is neglected). Depth 1 is
     * {@link #specGdDiagonal(GaussianMixture, double, long)}. NaN where unavailable.
     */
    public static double[] specGdDiagonal(GaussianMixture g, double eta, int depth, long t) {
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = wStar(g);
        double reach = Math.pow(eta * t, depth);
        for (int c = 0; c < out.length; c++) out[c] = Math.min(reach, out[c]);
        return out;
    }

    /**
     * GD, depth 1: the first step {@code t >= 1} with {@code w_c(t) >= 0.9 w*_c}, i.e. {@code (1 - eta s_xx)^t <= 0.1}:
     * {@code ceil(ln 0.1 / ln(1 - eta s_xx))} when {@code 0 < eta s_xx < 0.9}, 1 when {@code eta s_xx >= 0.9}
     * (the first step already overshoots 90%, even on a diverging run). NaN where unavailable.
     */
    public static double[] gdT90(GaussianMixture g, double eta) {
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = new double[g.classes()];
        for (int c = 0; c < out.length; c++) {
            long t = gdT90(g.sxxDiag(c), eta);
            out[c] = t == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : t;
        }
        return out;
    }

    /**
     * One class of {@link #gdT90(GaussianMixture, double)}; {@link Long#MAX_VALUE} when GD never gets there:
     * {@code 1 - eta s_xx} rounds to 1 (a step size so small that the iteration cannot move, e.g. {@code 1e-17}) or
     * the step size is not positive.
     */
    public static long gdT90(double sxx, double eta) {
        double r = 1 - eta * sxx;
        if (r <= 0.1) return 1;
        if (!(r < 1)) return Long.MAX_VALUE;
        double estimate = Math.ceil(Math.log(0.1) / Math.log(r));
        if (!(estimate < 0x1p62)) return Long.MAX_VALUE;
        long t = (long) estimate;
        // Guard the ceiling against rounding at exact boundaries: t must be the first step that satisfies the test.
        // The log estimate is off by at most a step or two, so a few corrections suffice (and bound the loops).
        for (int i = 0; i < 8 && t > 1 && Math.pow(r, t - 1) <= 0.1; i++) t--;
        for (int i = 0; i < 8 && Math.pow(r, t) > 0.1; i++) t++;
        return t;
    }

    /**
     * SpecGD, depth {@code L}: {@code t_90(c) = (0.9 w*_c)^(1/L) / eta}. At depth 1 this is the exact first step,
     * {@code ceil(0.9 w*_c / eta)}; deeper it is the small-init formula of docs/theory.md, left unrounded (it ignores
     * the init scale, so it is accurate to a few steps, not exactly). NaN where unavailable.
     */
    public static double[] specGdT90(GaussianMixture g, double eta, int depth) {
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = wStar(g);
        for (int c = 0; c < out.length; c++) out[c] = specGdT90(out[c], eta, depth);
        return out;
    }

    /** One class of {@link #specGdT90(GaussianMixture, double, int)}. */
    public static double specGdT90(double wStar, double eta, int depth) {
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        if (depth == 1) return Math.ceil(0.9 * wStar / eta);
        return Math.pow(0.9 * wStar, 1.0 / depth) / eta;
    }

    /**
     * GD at depth 2 under balanced gradient flow (time in units of {@code eta}): the logistic
     * {@code sigma(t) = w* / (1 + (w* / sigma_0 - 1) exp(-2 s_yx eta t))} from {@code sigma(0) = sigma_0 > 0}.
     */
    public static double gdDepth2(double wStar, double syx, double sigma0, double eta, double t) {
        return wStar / (1 + (wStar / sigma0 - 1) * Math.exp(-2 * syx * eta * t));
    }

    /** {@link #gdDepth2(double, double, double, double, double)} for every class from the same {@code sigma_0}. */
    public static double[] gdDepth2(GaussianMixture g, double sigma0, double eta, double t) {
        double[] out = nanIfUnavailable(g);
        if (out != null) return out;
        out = wStar(g);
        for (int c = 0; c < out.length; c++) out[c] = gdDepth2(out[c], g.syxDiag(c), sigma0, eta, t);
        return out;
    }

    private static double[] nanIfUnavailable(GaussianMixture g) {
        if (g.jointlyDiagonalizable()) return null;
        double[] out = new double[g.classes()];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}

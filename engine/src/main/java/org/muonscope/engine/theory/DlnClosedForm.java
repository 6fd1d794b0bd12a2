package org.muonscope.engine.theory;

/**
 * Closed forms for the singular values of {@code W = W_L..W_1} on {@link DlnTask} from the aligned, balanced
 * init (docs/theory.md section 3; Dragutinovic and Ranganath Theorems 3.1-3.2). Time is {@code tau = sum of step
 * sizes} (gradient-flow time; {@code eta t} at a constant step), so the forms hold under any schedule.
 *
 * <ul>
 *   <li>GD, depth 2: the logistic {@code s / (1 + (s / sigma0 - 1) exp(-2 s tau))}.</li>
 *   <li>GD, depth 1: the discrete GD path {@code s - (s - sigma0) (1 - eta)^t} is exact; in flow time
 *       {@code s - (s - sigma0) exp(-tau)}, used here.</li>
 *   <li>GD, depth {@code L >= 3}: the balanced flow {@code d sigma / d tau = L sigma^(2 - 2/L) (s - sigma)}, which has
 *       no elementary solution; integrated with RK4 in 4096 steps per unit of {@code s tau} (error far below
 *       the {@code O(eta)} gap between discrete GD and the flow).</li>
 *   <li>SpecGD, any depth: every factor's singular value grows by the step size, so
 *       {@code sigma(t) = min((sigma0^(1/L) + tau)^L, s)} until saturation, then oscillates (not modelled).</li>
 * </ul>
 * GD's forms are for gradient flow; discrete GD follows them up to {@code O(eta)} relative error in time.
 */
public final class DlnClosedForm {
    private DlnClosedForm() {
    }

    /** GD's singular value at flow time {@code tau}. */
    public static double gd(double s, double sigma0, int depth, double tau) {
        if (tau <= 0) return sigma0;
        if (depth == 1) return s - (s - sigma0) * Math.exp(-tau);
        if (depth == 2) return s / (1 + (s / sigma0 - 1) * Math.exp(-2 * s * tau));
        return gdAdvance(sigma0, s, depth, tau);
    }

    /**
     * Advances the balanced GD flow of depth {@code L} from {@code sigma} by {@code dtau} (RK4, 4096 steps per unit of
     * {@code s tau}): lets a caller follow a long run incrementally instead of integrating from 0 at every record.
     */
    public static double gdAdvance(double sigma, double s, int depth, double dtau) {
        if (dtau <= 0) return sigma;
        int n = (int) Math.min(2_000_000, Math.max(1, Math.ceil(4096 * Math.max(1.0, s) * dtau)));
        double h = dtau / n;
        double y = sigma;
        for (int i = 0; i < n; i++) {
            double k1 = rate(y, s, depth);
            double k2 = rate(y + 0.5 * h * k1, s, depth);
            double k3 = rate(y + 0.5 * h * k2, s, depth);
            double k4 = rate(y + h * k3, s, depth);
            y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return y;
    }

    private static double rate(double sigma, double s, int depth) {
        double x = Math.max(sigma, 0);
        return depth * Math.pow(x, 2 - 2.0 / depth) * (s - sigma);
    }

    /** SpecGD's singular value at time {@code tau}: {@code min((sigma0^(1/L) + tau)^L, s)}. */
    public static double specGd(double s, double sigma0, int depth, double tau) {
        double a = Math.pow(Math.max(sigma0, 0), 1.0 / depth) + Math.max(tau, 0);
        return Math.min(Math.pow(a, depth), Math.max(s, sigma0));
    }

    /** The first flow time at which SpecGD's mode {@code s} saturates: {@code s^(1/L) - sigma0^(1/L)}. */
    public static double specGdSaturation(double s, double sigma0, int depth) {
        return Math.max(0, Math.pow(s, 1.0 / depth) - Math.pow(sigma0, 1.0 / depth));
    }

    /** The flow time at which GD's depth-2 sigmoid reaches half of {@code s}: {@code ln(s / sigma0 - 1) / (2 s)}. */
    public static double gdHalfTime(double s, double sigma0) {
        return Math.log(s / sigma0 - 1) / (2 * s);
    }
}

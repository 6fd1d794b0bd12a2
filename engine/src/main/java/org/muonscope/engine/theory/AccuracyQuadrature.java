package org.muonscope.engine.theory;

/**
 * Exact class accuracy when the end-to-end map is diagonal in the mean basis (decision 0202).
 *
 * <p>Given {@code y = c}, the scores are independent: {@code s_j = w_j (m_j + sigma z_j)} with {@code w_j > 0}
 * and {@code m} the class-{@code c} mean in the mean basis. Conditioning on {@code z_c = z},
 * {@code a_c = E_z PROD_{j != c} Phi(alpha_j + beta_j z)} with {@code beta_j = w_c / w_j} and
 * {@code alpha_j = (beta_j m_c - m_j) / sigma} (orthogonal means: {@code Phi(w_c (mu + sigma z) / (sigma w_j))}).
 *
 * <p>The integrand is entire, and its Fourier transform decays like {@code exp(-omega^2 / (2 (1 + S)))},
 * {@code S = sum_j beta_j^2}, so the trapezoidal rule on a uniform grid of spacing
 * {@code h = }{@value #SPACING}{@code / sqrt(1 + S)} converges exponentially (aliasing error about
 * {@code exp(-2 pi^2 / (h^2 (1 + S)))}). That needs {@code O(sqrt(1 + S))} nodes: cheap while the weights are of
 * similar size (the usual state), but steep factors (one weight far above another, e.g. early GD with imbalanced
 * priors) make a step of width {@code 1 / beta_max}. Past {@value #MAX_UNIFORM_NODES} nodes we switch to a
 * graded composite Gauss-Legendre rule around the steepest factor's kink {@code z_0}: panels of width
 * {@code 1/beta_max, 1/beta_max, 2/beta_max, 4/beta_max, ...} up to {@value #MAX_PANEL}, then uniform.
 * Below the kink the steep factor drops under 1e-16 within {@code 8.5 / beta_max}, so integration stops there.
 *
 * <p>The range is {@code |z| <= }{@value #Z_MAX} (the tail mass beyond is below 1e-10). The normal CDF is
 * A&amp;S 26.2.17 (absolute error below 7.5e-8), which bounds the accuracy at about {@code 1e-7 (k - 1)}; the
 * quadrature itself is checked against a 100,000-point Simpson rule in the tests. Allocation-free; not thread-safe.
 */
final class AccuracyQuadrature {
    static final double SPACING = 1.0;
    static final int MAX_UNIFORM_NODES = 120;
    static final double MAX_PANEL = 1.0;
    static final double Z_MAX = 6.5;
    private static final int LEGENDRE_NODES = 8;
    private static final double[][] LEGENDRE = Normal.gaussLegendre(LEGENDRE_NODES);

    private final double[] alpha;
    private final double[] beta;
    private final double spacing;

    AccuracyQuadrature(int classes) {
        this(classes, SPACING);
    }

    /** A rule with another uniform spacing constant, to measure how the default trades accuracy for speed. */
    AccuracyQuadrature(int classes, double spacing) {
        this.alpha = new double[classes];
        this.beta = new double[classes];
        this.spacing = spacing;
    }

    /**
     * @param c      the true class
     * @param w      the positive diagonal {@code w_j}, not modified
     * @param means  the class-{@code c} mean in the mean basis at {@code means[offset + j]}, not modified
     * @param sigma  the noise scale
     */
    double classAccuracy(int c, int k, double[] w, double[] means, int offset, double sigma) {
        int n = 0;
        double wc = w[c];
        double mc = means[offset + c];
        double betaMax = 0;
        double sumSq = 1;
        int steep = -1;
        for (int j = 0; j < k; j++) {
            if (j == c) continue;
            beta[n] = wc / w[j];
            alpha[n] = (beta[n] * mc - means[offset + j]) / sigma;
            sumSq += beta[n] * beta[n];
            if (beta[n] > betaMax) {
                betaMax = beta[n];
                steep = n;
            }
            n++;
        }
        if (n == 0) return 1;
        double h = spacing / Math.sqrt(sumSq);
        int nodes = (int) Math.ceil(2 * Z_MAX / h);
        return nodes <= MAX_UNIFORM_NODES ? trapezoid(n, nodes) : graded(n, steep, betaMax);
    }

    private double trapezoid(int n, int nodes) {
        double h = 2 * Z_MAX / nodes;
        double sum = 0;
        for (int i = 0; i <= nodes; i++) {
            double z = -Z_MAX + i * h;
            double f = Normal.pdf(z);
            if (i == 0 || i == nodes) f *= 0.5;
            for (int j = 0; j < n && f > 1e-300; j++) f *= Normal.cdf(alpha[j] + beta[j] * z);
            sum += f;
        }
        return sum * h;
    }

    private double graded(int n, int steep, double betaMax) {
        double s = 1 / betaMax;
        double z0 = Math.max(-Z_MAX, Math.min(Z_MAX, -alpha[steep] / beta[steep]));
        double below = Math.min(z0 + Z_MAX, 8.5 * s);
        return side(n, z0, -1, below, s) + side(n, z0, 1, Z_MAX - z0, s);
    }

    /** The integral over {@code z = z0 + dir t}, {@code 0 <= t <= length}, on panels graded from {@code t = 0}. */
    private double side(int n, double z0, int dir, double length, double s) {
        double sum = 0;
        double a = 0;
        double width = s;
        double[] x = LEGENDRE[0];
        double[] wt = LEGENDRE[1];
        while (a < length) {
            double b = Math.min(length, a + width);
            double half = 0.5 * (b - a);
            double mid = 0.5 * (a + b);
            for (int i = 0; i < x.length; i++) {
                double z = z0 + dir * (mid + half * x[i]);
                double f = wt[i] * half * Normal.pdf(z);
                for (int j = 0; j < n && f > 1e-300; j++) f *= Normal.cdf(alpha[j] + beta[j] * z);
                sum += f;
            }
            a = b;
            width = Math.min(MAX_PANEL, a);
        }
        return sum;
    }
}

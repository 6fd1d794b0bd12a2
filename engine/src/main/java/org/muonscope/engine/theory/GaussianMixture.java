package org.muonscope.engine.theory;

import org.muonscope.engine.random.Seeds;

import org.muonscope.engine.random.SeededRandom;

import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.SpecException;

/**
 * The Gaussian mixture of docs/theory.md section 1: label {@code y = e_c} with probability {@code p_c}, input
 * {@code x = mu_c + sigma z}, {@code z ~ N(0, I_d)}.
 *
 * <h2>Class means</h2>
 * {@code mu_c = mu * F n_c}, where
 * <ul>
 *   <li>{@code F} ({@code d x k}, orthonormal columns) is the <em>mean basis</em>: the first {@code k} axes, or,
 *       for the rotated basis, the first {@code k} columns of a Haar-random orthogonal {@code Q} drawn from the
 *       spec's seed (Gram-Schmidt of a Gaussian matrix). Only these columns matter: the noise is isotropic.</li>
 *   <li>{@code n_c = G^(1/2) e_c} with {@code G = (1 - rho) I_k + rho 1 1^T} and {@code rho} the mean overlap:
 *       every {@code n_c} has unit length and every pair has cosine exactly {@code rho}. The symmetric square root
 *       keeps each {@code n_c} as close as possible to {@code e_c}. Explicitly
 *       {@code n_c[j] = a + sqrt(1 - rho) [j = c]}, {@code a = (sqrt(1 - rho + k rho) - sqrt(1 - rho)) / k}.
 *       {@code rho = 0} gives the orthogonal means of the papers; {@code rho > 0} breaks joint
 *       diagonalizability (Condition 1).</li>
 * </ul>
 *
 * <h2>Population moments</h2>
 * {@code Sxx = sum_c p_c mu_c mu_c^T + sigma^2 I_d}, {@code Syx = sum_c p_c e_c mu_c^T} (row {@code c} is
 * {@code p_c mu_c^T}). With {@code rho = 0}, in the mean basis: {@code s_xx(c) = p_c mu^2 + sigma^2},
 * {@code s_yx(c) = p_c mu}.
 *
 * <p>Immutable and thread-safe; accessors return copies except where stated.
 */
public final class GaussianMixture {
    private final double[] priors;
    private final double[] cumulative;
    private final double mu;
    private final double sigma;
    private final int d;
    private final boolean rotated;
    private final double overlap;
    private final double[] frame;       // d x k row-major, orthonormal columns
    private final double[] coords;      // k x k row-major: row c = mu * n_c, the mean of class c in the mean basis
    private final double[] means;       // k x d row-major: row c = mu_c
    private final Moments population;

    private GaussianMixture(double[] priors, double mu, double sigma, int d, boolean rotated, double overlap, long seed) {
        int k = priors.length;
        this.priors = priors.clone();
        this.mu = mu;
        this.sigma = sigma;
        this.d = d;
        this.rotated = rotated;
        this.overlap = overlap;
        this.cumulative = new double[k];
        double acc = 0;
        for (int c = 0; c < k; c++) {
            acc += priors[c];
            cumulative[c] = acc;
        }
        cumulative[k - 1] = Double.POSITIVE_INFINITY; // rounding must never leave a draw without a class
        this.frame = rotated ? randomFrame(d, k, Seeds.of(seed).stream("basis")) : axisFrame(d, k);
        this.coords = new double[k * k];
        double a = (Math.sqrt(1 - overlap + k * overlap) - Math.sqrt(1 - overlap)) / k;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) coords[c * k + j] = mu * (a + (j == c ? Math.sqrt(1 - overlap) : 0));
        }
        this.means = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += frame[i * k + j] * coords[c * k + j];
                means[c * d + i] = s;
            }
        }
        this.population = computePopulation();
    }


    /**
     * A mixture from its parameters (priors must already be normalized).
     *
     * @throws SpecException naming the offending field
     */
    public static GaussianMixture of(double[] priors, double mu, double sigma, int dim, boolean rotated, double overlap,
                                     long seed) {
        if (priors == null || priors.length < 1) throw new SpecException("priors", "need at least one class");
        double sum = 0;
        for (double p : priors) {
            if (!(p > 0) || Double.isInfinite(p)) throw new SpecException("priors", "every prior must be positive, got " + p);
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new SpecException("priors", "must sum to 1, got " + sum);
        if (!(mu > 0) || Double.isInfinite(mu)) throw new SpecException("mu", "must be a positive number, got " + mu);
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new SpecException("sigma", "must be a positive number, got " + sigma);
        if (dim < priors.length) throw new SpecException("dim", "must be at least the number of classes " + priors.length);
        if (!(overlap >= 0 && overlap < 1)) throw new SpecException("overlap", "must be in [0, 1), got " + overlap);
        return new GaussianMixture(priors, mu, sigma, dim, rotated, overlap, seed);
    }

    private Moments computePopulation() {
        int k = priors.length;
        DMatrixRMaj sxx = new DMatrixRMaj(d, d);
        DMatrixRMaj syx = new DMatrixRMaj(k, d);
        for (int c = 0; c < k; c++) {
            double p = priors[c];
            for (int i = 0; i < d; i++) {
                double mi = means[c * d + i];
                syx.data[c * d + i] = p * mi;
                if (mi == 0) continue;
                for (int j = 0; j < d; j++) sxx.data[i * d + j] += p * mi * means[c * d + j];
            }
        }
        for (int i = 0; i < d; i++) sxx.data[i * d + i] += sigma * sigma;
        return new Moments(sxx, syx);
    }

    private static double[] axisFrame(int d, int k) {
        double[] f = new double[d * k];
        for (int c = 0; c < k; c++) f[c * k + c] = 1;
        return f;
    }

    /** Gram-Schmidt (twice, for orthogonality to rounding) of a Gaussian matrix: Haar-distributed columns. */
    private static double[] randomFrame(int d, int k, SeededRandom rng) {
        double[] f = new double[d * k];
        for (int i = 0; i < d * k; i++) f[i] = rng.nextGaussian();
        for (int c = 0; c < k; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < c; j++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) dot += f[i * k + j] * f[i * k + c];
                    for (int i = 0; i < d; i++) f[i * k + c] -= dot * f[i * k + j];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) norm += f[i * k + c] * f[i * k + c];
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) f[i * k + c] /= norm;
        }
        return f;
    }

    public int classes() {
        return priors.length;
    }

    public int dim() {
        return d;
    }

    public double[] priors() {
        return priors.clone();
    }

    public double prior(int c) {
        return priors[c];
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    public boolean rotated() {
        return rotated;
    }

    public double overlap() {
        return overlap;
    }

    /** Index of the smallest prior (the first one on ties). */
    public int minorityClass() {
        int m = 0;
        for (int c = 1; c < priors.length; c++) if (priors[c] < priors[m]) m = c;
        return m;
    }

    /** True when the population moments are jointly diagonal in the mean basis ({@code rho = 0}). */
    public boolean jointlyDiagonalizable() {
        return overlap == 0;
    }

    /** {@code s_xx(c) = p_c mu^2 + sigma^2}: the population {@code Sxx} along mean direction {@code c} ({@code rho = 0}). */
    public double sxxDiag(int c) {
        return priors[c] * mu * mu + sigma * sigma;
    }

    /** {@code s_yx(c) = p_c mu} ({@code rho = 0}). */
    public double syxDiag(int c) {
        return priors[c] * mu;
    }

    /** The mean basis {@code F} ({@code d x k}, orthonormal columns). */
    public DMatrixRMaj frame() {
        return new DMatrixRMaj(d, priors.length, true, frame);
    }

    /** Row {@code c} is the mean of class {@code c} in the mean basis, {@code mu n_c} ({@code k x k}). */
    public DMatrixRMaj meanCoordinates() {
        int k = priors.length;
        return new DMatrixRMaj(k, k, true, coords);
    }

    /** Row {@code c} is {@code mu_c^T} ({@code k x d}). */
    public DMatrixRMaj means() {
        return new DMatrixRMaj(priors.length, d, true, means);
    }

    /** The population moments: one shared instance, which nobody may modify. */
    public Moments population() {
        return population;
    }

    /** Draws a label from the priors. */
    public int sampleLabel(SeededRandom rng) {
        double u = rng.nextDouble();
        int c = 0;
        while (u >= cumulative[c]) c++;
        return c;
    }

    /**
     * Draws one sample {@code x = mu_y + sigma z} into {@code x[offset .. offset + d)}.
     *
     * @param x modified
     * @return the label {@code y}
     */
    public int sample(SeededRandom rng, double[] x, int offset) {
        int c = sampleLabel(rng);
        int base = c * d;
        for (int i = 0; i < d; i++) x[offset + i] = means[base + i] + sigma * rng.nextGaussian();
        return c;
    }

    // Package-private views without copying, for the hot paths in this package.
    double[] frameData() {
        return frame;
    }

    double[] coordsData() {
        return coords;
    }

    double[] meansData() {
        return means;
    }
}

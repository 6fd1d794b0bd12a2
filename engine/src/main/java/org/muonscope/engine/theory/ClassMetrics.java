package org.muonscope.engine.theory;

import org.muonscope.engine.random.Seeds;

import org.muonscope.engine.random.SeededRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * Class-wise losses and accuracies of an end-to-end {@code W} on a {@link GaussianMixture}.
 *
 * <h2>Accuracy (decision 0202)</h2>
 * <ul>
 *   <li>{@code W = 0}: every score ties, accuracy {@code 1/k}.</li>
 *   <li>{@code W} diagonal in the mean basis (off-diagonal ratio at most {@value #DIAGONAL_TOLERANCE}) with a positive
 *       diagonal: the exact one-dimensional integral, by {@link AccuracyQuadrature} (error below 1e-9).</li>
 *   <li>otherwise, {@code k = 2}: exact, {@code a_c = Phi((mean_c - mean_j) / sd(s_c - s_j))}.</li>
 *   <li>otherwise, {@code k = 3}: exact, a bivariate normal orthant probability of the two score differences
 *       ({@link AccuracyQuadrature#bivariate}).</li>
 *   <li>otherwise ({@code k >= 4}): Monte Carlo with common random numbers. Given {@code y = c} the scores are
 *       {@code N(W mu_c, sigma^2 W W^T)}; with {@code L} the Cholesky factor of {@code W W^T} (zero columns where
 *       it is singular) and fixed standard-normal draws {@code u_s}, the scores are {@code W mu_c + sigma L u_s}.
 *       The same {@code u_s} serve every class and every call, so curves over training are smooth. With the
 *       default {@value #DEFAULT_DRAWS} draws the standard error is {@code sqrt(a (1 - a) / }{@value #DEFAULT_DRAWS}{@code )},
 *       at most 0.011. Ties in the argmax are split evenly.</li>
 * </ul>
 *
 * <p>Buffers are reused between calls: one instance per thread. The returned {@link Evaluation} is fresh.
 */
public final class ClassMetrics {
    /** Monte Carlo draws shared by all classes. */
    public static final int DEFAULT_DRAWS = 2000;
    /** Off-diagonal ratio up to which {@code W} counts as diagonal (the accuracy error it causes is of that order). */
    public static final double DIAGONAL_TOLERANCE = 1e-10;
    /** {@link Evaluation#accuracyMethod()} of the exact rules (closed form or quadrature). */
    public static final String EXACT = "exact";

    private final GaussianMixture g;
    private final int k;
    private final int d;
    private final double sigma;
    private final double[] priors;
    private final int minority;
    private final double[] frame;
    private final double[] coords;
    private final boolean axis;
    private final AccuracyQuadrature quadrature;
    private final int draws;
    private final double[] u;          // draws x k, fixed standard normals
    private final double[] a;          // W F, k x k
    private final double[] scoreMean;  // row c: W mu_c = (W F) m_c
    private final double[] gram;       // W W^T
    private final double[] chol;
    private final double[] noise;      // L u_s for one draw

    private ClassMetrics(GaussianMixture g, int draws, long seed) {
        this.g = g;
        this.k = g.classes();
        this.d = g.dim();
        this.sigma = g.sigma();
        this.priors = g.priors();
        this.minority = g.minorityClass();
        this.frame = g.frameData();
        this.coords = g.coordsData();
        this.axis = !g.rotated();
        this.quadrature = new AccuracyQuadrature(k);
        this.draws = draws;
        this.u = new double[draws * k];
        SeededRandom rng = Seeds.of(seed).stream("metrics");
        for (int i = 0; i < u.length; i++) u[i] = rng.nextGaussian();
        this.a = new double[k * k];
        this.scoreMean = new double[k * k];
        this.gram = new double[k * k];
        this.chol = new double[k * k];
        this.noise = new double[k];
    }

    public static ClassMetrics create(GaussianMixture g, long seed) {
        return new ClassMetrics(g, DEFAULT_DRAWS, seed);
    }

    /** With another Monte Carlo sample size (used only where no exact rule applies). */
    public static ClassMetrics create(GaussianMixture g, long seed, int draws) {
        if (draws < 1) throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        return new ClassMetrics(g, draws, seed);
    }

    public GaussianMixture mixture() {
        return g;
    }

    /**
     * The metrics of {@code w} ({@code k x d}, not modified).
     */
    public Evaluation evaluate(DMatrixRMaj w) {
        if (w.numRows != k || w.numCols != d) {
            throw new IllegalArgumentException("expected a " + k + " x " + d + " matrix, got " + w.numRows + " x " + w.numCols);
        }
        double[] wd = w.data;
        double fro2 = 0;
        for (double v : wd) fro2 += v * v;
        double resid2 = meanBasis(wd);
        double off2 = resid2;
        double[] diag = new double[k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                if (r == c) diag[c] = a[r * k + c];
                else off2 += a[r * k + c] * a[r * k + c];
            }
        }
        double offdiag = fro2 > 0 ? Math.sqrt(off2 / fro2) : 0;

        double[] classLoss = new double[k];
        double loss = 0;
        double balanced = 0;
        double worst = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double err = 0;
            for (int r = 0; r < k; r++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += a[r * k + j] * coords[c * k + j];
                scoreMean[c * k + r] = s;
                double e = s - (r == c ? 1 : 0);
                err += e * e;
            }
            double lc = 0.5 * (err + sigma * sigma * fro2);
            classLoss[c] = lc;
            loss += priors[c] * lc;
            balanced += lc;
            worst = Math.max(worst, lc);
        }

        double[] acc = accuracy(wd, fro2, offdiag, diag);
        double accMean = 0;
        double accMin = Double.POSITIVE_INFINITY;
        for (double v : acc) {
            accMean += v;
            accMin = Math.min(accMin, v);
        }
        return new Evaluation(diag, classLoss, acc, loss, balanced / k, classLoss[minority], worst, accMean / k, accMin,
                offdiag, method);
    }

    /** Fills {@code a = W F} and returns {@code ||W - W F F^T||_F^2}, the mass outside the span of the means. */
    private double meanBasis(double[] wd) {
        double resid2 = 0;
        if (axis) {
            for (int r = 0; r < k; r++) {
                System.arraycopy(wd, r * d, a, r * k, k);
                for (int i = k; i < d; i++) resid2 += wd[r * d + i] * wd[r * d + i];
            }
            return resid2;
        }
        for (int r = 0; r < k; r++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += wd[r * d + i] * frame[i * k + j];
                a[r * k + j] = s;
            }
            for (int i = 0; i < d; i++) {
                double v = wd[r * d + i];
                for (int j = 0; j < k; j++) v -= a[r * k + j] * frame[i * k + j];
                resid2 += v * v;
            }
        }
        return resid2;
    }

    /** How the last {@link #accuracy} computed its values. */
    private String method = EXACT;

    private double[] accuracy(double[] wd, double fro2, double offdiag, double[] diag) {
        double[] acc = new double[k];
        method = EXACT;
        if (fro2 == 0) {
            java.util.Arrays.fill(acc, 1.0 / k);
            return acc;
        }
        boolean positive = true;
        for (double v : diag) positive &= v > 0;
        if (positive && offdiag <= DIAGONAL_TOLERANCE) {
            for (int c = 0; c < k; c++) acc[c] = quadrature.classAccuracy(c, k, diag, coords, c * k, sigma);
            return acc;
        }
        gram(wd);
        if (k == 2) {
            for (int c = 0; c < 2; c++) {
                int j = 1 - c;
                double gap = scoreMean[c * k + c] - scoreMean[c * k + j];
                double var = sigma * sigma * (gram[c * k + c] + gram[j * k + j] - 2 * gram[c * k + j]);
                acc[c] = var > 0 ? Normal.cdf(gap / Math.sqrt(var)) : gap > 0 ? 1 : gap == 0 ? 0.5 : 0;
            }
            return acc;
        }
        if (k == 3) {
            for (int c = 0; c < 3; c++) acc[c] = threeClass(c);
            return acc;
        }
        monteCarlo(acc);
        method = "monte-carlo:" + draws;
        return acc;
    }

    /**
     * k = 3, any W: a_c = P(D_1 < 0, D_2 < 0) with D_i = s_{j_i} - s_c jointly normal, a bivariate normal
     * orthant probability (exact up to quadrature). A difference with no variance is a certainty, or a tie that is
     * split evenly.
     */
    private double threeClass(int c) {
        int j1 = c == 0 ? 1 : 0;
        int j2 = c == 2 ? 1 : 2;
        double s2 = sigma * sigma;
        double m1 = scoreMean[c * k + j1] - scoreMean[c * k + c];
        double m2 = scoreMean[c * k + j2] - scoreMean[c * k + c];
        double gcc = gram[c * k + c];
        double v1 = s2 * (gram[j1 * k + j1] + gcc - 2 * gram[j1 * k + c]);
        double v2 = s2 * (gram[j2 * k + j2] + gcc - 2 * gram[j2 * k + c]);
        double cov = s2 * (gram[j1 * k + j2] - gram[j1 * k + c] - gram[j2 * k + c] + gcc);
        double tiny = 1e-13 * s2 * Math.max(gcc, Math.max(gram[j1 * k + j1], gram[j2 * k + j2]));
        boolean fixed1 = v1 <= tiny;
        boolean fixed2 = v2 <= tiny;
        if (fixed1 || fixed2) {
            double p = 1;
            int ties = 1;
            if (fixed1) {
                if (m1 > 0) return 0;
                if (m1 == 0) ties++;
            } else {
                p *= Normal.cdf(-m1 / Math.sqrt(v1));
            }
            if (fixed2) {
                if (m2 > 0) return 0;
                if (m2 == 0) ties++;
            } else {
                p *= Normal.cdf(-m2 / Math.sqrt(v2));
            }
            return p / ties;
        }
        double sd1 = Math.sqrt(v1);
        double sd2 = Math.sqrt(v2);
        double r = Math.max(-1, Math.min(1, cov / (sd1 * sd2)));
        return quadrature.bivariate(-m1 / sd1, -m2 / sd2, r);
    }

    private void gram(double[] wd) {
        for (int r = 0; r < k; r++) {
            for (int q = 0; q <= r; q++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += wd[r * d + i] * wd[q * d + i];
                gram[r * k + q] = s;
                gram[q * k + r] = s;
            }
        }
    }

    /** Lower Cholesky factor of the PSD {@code gram}; a column whose pivot vanishes (rank deficiency) stays zero. */
    private void cholesky() {
        java.util.Arrays.fill(chol, 0);
        double scale = 0;
        for (int i = 0; i < k; i++) scale = Math.max(scale, gram[i * k + i]);
        double tiny = 1e-13 * scale;
        for (int j = 0; j < k; j++) {
            double pivot = gram[j * k + j];
            for (int p = 0; p < j; p++) pivot -= chol[j * k + p] * chol[j * k + p];
            if (pivot <= tiny) continue;
            double l = Math.sqrt(pivot);
            chol[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double s = gram[i * k + j];
                for (int p = 0; p < j; p++) s -= chol[i * k + p] * chol[j * k + p];
                chol[i * k + j] = s / l;
            }
        }
    }

    private void monteCarlo(double[] acc) {
        cholesky();
        for (int s = 0; s < draws; s++) {
            int base = s * k;
            for (int i = 0; i < k; i++) {
                double v = 0;
                for (int p = 0; p <= i; p++) v += chol[i * k + p] * u[base + p];
                noise[i] = sigma * v;
            }
            for (int c = 0; c < k; c++) {
                int row = c * k;
                double best = Double.NEGATIVE_INFINITY;
                int ties = 0;
                boolean mine = false;
                for (int j = 0; j < k; j++) {
                    double score = scoreMean[row + j] + noise[j];
                    if (score > best) {
                        best = score;
                        ties = 1;
                        mine = j == c;
                    } else if (score == best) {
                        ties++;
                        mine |= j == c;
                    }
                }
                if (mine) acc[c] += 1.0 / ties;
            }
        }
        for (int c = 0; c < k; c++) acc[c] /= draws;
    }
}

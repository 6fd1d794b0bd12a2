package org.muonscope.engine.theory;

import org.muonscope.engine.random.SeededRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.model.MatrixModel;

class ClassMetricsTest {
    private static final double[] PRIORS = {0.7, 0.2, 0.1};

    @Test
    void zeroMapIsChanceAccuracyAndHalfLoss() {
        for (int k : new int[] {2, 3, 7}) {
            double[] p = new double[k];
            java.util.Arrays.fill(p, 1.0 / k);
            GaussianMixture g = GaussianMixture.of(p, 2, 1, k + 1, true, 0, 1);
            Evaluation e = ClassMetrics.create(g, 1).evaluate(new DMatrixRMaj(k, k + 1));
            for (int c = 0; c < k; c++) {
                assertEquals(1.0 / k, e.classAccuracy()[c], 0);
                assertEquals(0.5, e.classLoss()[c], 0);
                assertEquals(0, e.diag()[c], 0);
            }
            assertEquals(0.5, e.loss(), 1e-15);
            assertEquals(0, e.offdiagRatio(), 0);
            assertEquals(1.0 / k, e.worstClassAccuracy(), 0);
        }
    }

    /**
     * k = 2, diagonal: a_c = Phi(w_c mu / (sigma sqrt(w_c^2 + w_j^2))). The reference Phi is a fine Simpson rule; the
     * tolerance 1e-8 covers the tabulated Phi (1e-10) and the quadrature (below 1e-9 in the tuning runs). Ratios up
     * to 1:300 exercise the graded rule for steep factors.
     */
    @Test
    void twoClassDiagonalMatchesClosedForm() {
        GaussianMixture g = GaussianMixture.of(new double[] {0.8, 0.2}, 1.7, 0.9, 3, false, 0, 1);
        ClassMetrics metrics = ClassMetrics.create(g, 1);
        double[][] cases = {{0.3, 0.3}, {0.5, 0.1}, {0.01, 3}, {1, 300}, {2.5, 0.7}};
        for (double[] w : cases) {
            DMatrixRMaj wm = new DMatrixRMaj(2, 3);
            wm.set(0, 0, w[0]);
            wm.set(1, 1, w[1]);
            Evaluation e = metrics.evaluate(wm);
            for (int c = 0; c < 2; c++) {
                double expected = phi(w[c] * 1.7 / (0.9 * Math.hypot(w[0], w[1])));
                assertEquals(expected, e.classAccuracy()[c], 1e-8, "w=" + w[0] + "," + w[1] + " c=" + c);
            }
        }
    }

    /** The exact quadrature against an independent Monte Carlo of 1e5 draws per class: within 3 standard errors. */
    @Test
    void diagonalQuadratureMatchesMonteCarlo() {
        Object[][] cases = {
            {PRIORS, false, 0.0, new double[] {0.28, 0.2, 0.15}},
            {PRIORS, true, 0.0, new double[] {0.2, 0.02, 0.01}},
            {new double[] {0.4, 0.3, 0.2, 0.1}, false, 0.3, new double[] {0.1, 0.3, 0.2, 0.25}},
            {new double[] {0.4, 0.3, 0.2, 0.1}, true, 0.0, new double[] {1, 1, 1, 1}},
        };
        for (Object[] cs : cases) {
            double[] p = (double[]) cs[0];
            int k = p.length;
            int d = k + 2;
            GaussianMixture g = GaussianMixture.of(p, 1.5, 1, d, (boolean) cs[1], (double) cs[2], 3);
            DMatrixRMaj a = CommonOps_DDRM.diag((double[]) cs[3]);
            DMatrixRMaj w = new DMatrixRMaj(k, d);
            CommonOps_DDRM.multTransB(a, g.frame(), w);
            Evaluation e = ClassMetrics.create(g, 1).evaluate(w);
            assertTrue(e.offdiagRatio() < ClassMetrics.DIAGONAL_TOLERANCE, "the quadrature path is used");
            double[] mc = monteCarlo(g, w, 100_000, 77);
            for (int c = 0; c < k; c++) {
                double se = Math.sqrt(mc[c] * (1 - mc[c]) / 100_000) + 1e-5;
                assertEquals(mc[c], e.classAccuracy()[c], 3 * se, "case " + java.util.Arrays.toString((double[]) cs[3]) + " c=" + c);
            }
        }
    }

    /**
     * Non-diagonal maps use the common-random-number Monte Carlo (or the exact k = 2 rule): compared with an
     * independent Monte Carlo, within 3 combined standard errors. Includes a zero row (rank deficiency, ties)
     * and a negative diagonal entry.
     */
    @Test
    void generalMapsMatchIndependentMonteCarlo() {
        SeededRandom rng = SeededRandom.of(12);
        for (int k : new int[] {2, 3, 5}) {
            double[] p = new double[k];
            java.util.Arrays.fill(p, 1.0 / k);
            GaussianMixture g = GaussianMixture.of(p, 1.2, 1, k + 1, true, 0.2, 5);
            for (int variant = 0; variant < 3; variant++) {
                DMatrixRMaj w = new DMatrixRMaj(k, k + 1);
                for (int i = 0; i < w.data.length; i++) w.data[i] = rng.nextGaussian();
                if (variant == 1) for (int j = 0; j <= k; j++) w.set(k - 1, j, 0);
                if (variant == 2) CommonOps_DDRM.multTransB(CommonOps_DDRM.diag(negativeDiag(k)), g.frame(), w);
                int draws = 50_000;
                Evaluation e = ClassMetrics.create(g, 3, draws).evaluate(w);
                double[] mc = monteCarlo(g, w, 50_000, 99);
                for (int c = 0; c < k; c++) {
                    double se = Math.sqrt(mc[c] * (1 - mc[c]) / 50_000) * Math.sqrt(2) + 1e-5;
                    assertEquals(mc[c], e.classAccuracy()[c], 3 * se, "k=" + k + " variant " + variant + " c=" + c);
                }
            }
        }
    }

    /**
     * k = 3 is exact for any W (bivariate normal): near-collinear rows (correlation near +1), a row near the
     * negative of another (near -1) and a rank-one map, against an independent Monte Carlo of 1e5 draws per class.
     */
    @Test
    void threeClassExactRuleHandlesExtremeCorrelations() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 1.5, 1, 4, false, 0.1, 5);
        double[][][] maps = {
            {{1, 0, 0, 0.1}, {1.001, 0.002, 0, 0.1}, {0, 0, 1, 0}},
            {{1, 0.5, 0, 0}, {-1, -0.49, 0, 0}, {0.1, 0.2, 0.3, 0}},
            {{1, 1, 0, 0}, {2, 2, 0, 0}, {-1, -1, 0, 0}},
            {{0.3, 0.01, 0, 0}, {0, 0.01, 0, 0}, {0.001, 0, 0.005, 0.2}},
        };
        ClassMetrics metrics = ClassMetrics.create(g, 1);
        for (double[][] rows : maps) {
            DMatrixRMaj w = new DMatrixRMaj(rows);
            Evaluation e = metrics.evaluate(w);
            double[] mc = monteCarlo(g, w, 100_000, 31);
            for (int c = 0; c < 3; c++) {
                double se = Math.sqrt(mc[c] * (1 - mc[c]) / 100_000) + 1e-5;
                assertEquals(mc[c], e.classAccuracy()[c], 3 * se, java.util.Arrays.deepToString(rows) + " c=" + c);
            }
        }
    }

    /** Common random numbers (k = 4 uses Monte Carlo): repeated calls agree exactly and a tiny change of W moves accuracy by a few draws at most. */
    @Test
    void monteCarloCurvesAreSmooth() {
        GaussianMixture g = GaussianMixture.of(new double[] {0.4, 0.3, 0.2, 0.1}, 2, 1, 5, true, 0.3, 5);
        ClassMetrics metrics = ClassMetrics.create(g, 8);
        DMatrixRMaj w = new DMatrixRMaj(4, 5);
        SeededRandom rng = SeededRandom.of(1);
        for (int i = 0; i < w.data.length; i++) w.data[i] = rng.nextGaussian();
        double[] first = metrics.evaluate(w).classAccuracy();
        assertArrayEquals(first, metrics.evaluate(w).classAccuracy(), 0);
        w.data[0] += 1e-9;
        double[] moved = metrics.evaluate(w).classAccuracy();
        for (int c = 0; c < 4; c++) assertEquals(first[c], moved[c], 2.0 / ClassMetrics.DEFAULT_DRAWS);
    }

    /** L_c = 1/2 (||W mu_c - e_c||^2 + sigma^2 ||W||^2), and sum_c p_c L_c is the model's population loss. */
    @Test
    void classLossesAddUpToThePopulationLoss() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 0.7, 5, true, 0.25, 6);
        MatrixModel model = MatrixModel.create(3, 5, 1, 5, 0.6, 2);
        double populationLoss = model.gradient(g.population());
        DMatrixRMaj w = model.endToEnd();
        Evaluation e = ClassMetrics.create(g, 1).evaluate(w);
        DMatrixRMaj means = g.means();
        double fro2 = CommonOps_DDRM.elementSum(elementSquare(w));
        double worst = 0;
        double mean = 0;
        for (int c = 0; c < 3; c++) {
            double err = 0;
            for (int r = 0; r < 3; r++) {
                double s = 0;
                for (int i = 0; i < 5; i++) s += w.get(r, i) * means.get(c, i);
                err += (s - (r == c ? 1 : 0)) * (s - (r == c ? 1 : 0));
            }
            double lc = 0.5 * (err + 0.49 * fro2);
            assertEquals(lc, e.classLoss()[c], 1e-13);
            worst = Math.max(worst, lc);
            mean += lc / 3;
        }
        assertEquals(populationLoss, e.loss(), 1e-13);
        assertEquals(mean, e.balancedLoss(), 1e-13);
        assertEquals(worst, e.worstClassLoss(), 1e-13);
        assertEquals(e.classLoss()[2], e.minorityLoss(), 0);
    }

    /** The same map seen in the axis basis and in a rotated basis gives the same metrics. */
    @Test
    void metricsAreRotationInvariant() {
        GaussianMixture axis = GaussianMixture.of(PRIORS, 2, 1, 5, false, 0, 1);
        GaussianMixture rot = GaussianMixture.of(PRIORS, 2, 1, 5, true, 0, 9);
        for (double off : new double[] {0, 0.05}) {
            DMatrixRMaj a = new DMatrixRMaj(new double[][] {{0.3, off, 0}, {0, 0.2, 0}, {-off, 0, 0.1}});
            DMatrixRMaj wAxis = new DMatrixRMaj(3, 5);
            CommonOps_DDRM.insert(a, wAxis, 0, 0);
            DMatrixRMaj wRot = new DMatrixRMaj(3, 5);
            CommonOps_DDRM.multTransB(a, rot.frame(), wRot);
            Evaluation ea = ClassMetrics.create(axis, 4).evaluate(wAxis);
            Evaluation er = ClassMetrics.create(rot, 4).evaluate(wRot);
            assertArrayEquals(ea.diag(), er.diag(), 1e-14);
            assertArrayEquals(ea.classLoss(), er.classLoss(), 1e-13);
            assertArrayEquals(ea.classAccuracy(), er.classAccuracy(), 1e-9);
            assertEquals(ea.offdiagRatio(), er.offdiagRatio(), 1e-12);
        }
    }

    /** A subnormal weight (slope overflows to infinity) still gives a proper answer; a NaN map gives NaN, not a hang. */
    @Test
    void extremeAndNonFiniteMapsTerminate() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 3, false, 0, 1);
        ClassMetrics metrics = ClassMetrics.create(g, 1);
        Evaluation e = metrics.evaluate(CommonOps_DDRM.diag(1, 1e-320, 1));
        // Given y = 1 its own score is 0 to 1e-320 and the others are sigma z_j: a_1 = P(z_0 < 0) P(z_2 < 0) = 1/4.
        assertEquals(0.25, e.classAccuracy()[1], 1e-8);
        for (double a : e.classAccuracy()) assertTrue(a >= 0 && a <= 1);
        DMatrixRMaj bad = CommonOps_DDRM.diag(1, Double.NaN, 1);
        assertTrue(Double.isNaN(metrics.evaluate(bad).loss()));
    }

    @Test
    void offDiagonalRatioCountsMassOutsideTheDiagonal() {
        GaussianMixture g = GaussianMixture.of(new double[] {0.5, 0.5}, 1, 1, 3, false, 0, 1);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0, 2}, {0, 1, 0}});
        Evaluation e = ClassMetrics.create(g, 1).evaluate(w);
        assertEquals(2 / Math.sqrt(6), e.offdiagRatio(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, e.diag(), 0);
    }

    private static double[] negativeDiag(int k) {
        double[] v = new double[k];
        for (int c = 0; c < k; c++) v[c] = c == 0 ? -0.5 : 0.3 + 0.1 * c;
        return v;
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj w) {
        DMatrixRMaj s = w.copy();
        CommonOps_DDRM.elementMult(s, w);
        return s;
    }

    /** Independent check: draw x = mu_c + sigma z in all d dimensions and count the argmax (ties split). */
    static double[] monteCarlo(GaussianMixture g, DMatrixRMaj w, int n, long seed) {
        int k = g.classes();
        int d = g.dim();
        DMatrixRMaj means = g.means();
        SeededRandom rng = SeededRandom.of(seed);
        double[] acc = new double[k];
        double[] x = new double[d];
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            double hits = 0;
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < d; i++) x[i] = means.get(c, i) + g.sigma() * rng.nextGaussian();
                double best = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < k; r++) {
                    double v = 0;
                    for (int i = 0; i < d; i++) v += w.get(r, i) * x[i];
                    s[r] = v;
                    best = Math.max(best, v);
                }
                int ties = 0;
                for (int r = 0; r < k; r++) if (s[r] == best) ties++;
                if (s[c] == best) hits += 1.0 / ties;
            }
            acc[c] = hits / n;
        }
        return acc;
    }

    /** Phi by Simpson's rule on [0, |x|] with 4000 panels (error far below 1e-12 for |x| < 40). */
    static double phi(double x) {
        double a = Math.abs(x);
        int n = 4000;
        double h = a / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double f = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        double half = sum * h / 3;
        return x >= 0 ? 0.5 + half : 0.5 - half;
    }
}

package org.muonscope.engine.theory;

import org.muonscope.engine.random.SeededRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;

class GaussianMixtureTest {
    private static final double[] PRIORS = {0.7, 0.2, 0.1};

    @Test
    void axisPopulationMomentsMatchTheFormulas() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 5, false, 0, 1);
        Moments m = g.population();
        assertTrue(m.sxxDiagonal());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i != j ? 0 : i < 3 ? PRIORS[i] * 9 + 1 : 1;
                assertEquals(expected, m.sxx().get(i, j), 1e-15);
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 5; j++) assertEquals(c == j ? PRIORS[c] * 3 : 0, m.syx().get(c, j), 1e-15);
            assertEquals(PRIORS[c] * 9 + 1, g.sxxDiag(c), 1e-15);
            assertEquals(PRIORS[c] * 3, g.syxDiag(c), 1e-15);
        }
        assertEquals(2, g.minorityClass());
    }

    /** Condition 1 in a rotated basis: F^T Sxx F and Syx F diagonal, Sxx = sigma^2 on the complement of span F. */
    @Test
    void rotatedBasisKeepsJointDiagonalizability() {
        int d = 7;
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 0.5, d, true, 0, 42);
        DMatrixRMaj f = g.frame();
        DMatrixRMaj ftf = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(f, f, ftf);
        assertTrue(isIdentity(ftf, 1e-13), "frame columns are orthonormal");
        assertFalse(g.population().sxxDiagonal(), "a rotated basis is not axis-aligned");
        DMatrixRMaj sf = new DMatrixRMaj(d, 3);
        CommonOps_DDRM.mult(g.population().sxx(), f, sf);
        DMatrixRMaj ftsf = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(f, sf, ftsf);
        DMatrixRMaj yf = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(g.population().syx(), f, yf);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? g.sxxDiag(i) : 0, ftsf.get(i, j), 1e-13);
                assertEquals(i == j ? g.syxDiag(i) : 0, yf.get(i, j), 1e-13);
            }
        }
        // Sxx - F D F^T = sigma^2 (I - F F^T): nothing else lives outside the mean directions.
        DMatrixRMaj rest = g.population().sxx().copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double fdf = 0;
                double ff = 0;
                for (int c = 0; c < 3; c++) {
                    fdf += f.get(i, c) * g.sxxDiag(c) * f.get(j, c);
                    ff += f.get(i, c) * f.get(j, c);
                }
                assertEquals(0.25 * ((i == j ? 1 : 0) - ff), rest.get(i, j) - fdf, 1e-13);
            }
        }
    }

    @Test
    void rotatedBasisDependsOnTheSeedOnly() {
        DMatrixRMaj a = GaussianMixture.of(PRIORS, 1, 1, 6, true, 0, 5).frame();
        DMatrixRMaj b = GaussianMixture.of(PRIORS, 1, 1, 6, true, 0, 5).frame();
        DMatrixRMaj c = GaussianMixture.of(PRIORS, 1, 1, 6, true, 0, 6).frame();
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(a, b, 0));
        assertFalse(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(a, c, 1e-3));
    }

    @Test
    void overlapGivesUnitMeansWithPairwiseCosineRho() {
        double rho = 0.4;
        GaussianMixture g = GaussianMixture.of(new double[] {0.25, 0.25, 0.25, 0.25}, 2, 1, 6, true, rho, 3);
        DMatrixRMaj means = g.means();
        for (int c = 0; c < 4; c++) {
            for (int e = 0; e < 4; e++) {
                double dot = 0;
                for (int i = 0; i < 6; i++) dot += means.get(c, i) * means.get(e, i);
                assertEquals(c == e ? 4 : 4 * rho, dot, 1e-12, "mu_c . mu_e");
            }
        }
        assertFalse(g.jointlyDiagonalizable());
        // In the mean basis Syx F = P M is no longer diagonal: Condition 1 fails.
        DMatrixRMaj yf = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(g.population().syx(), g.frame(), yf);
        assertTrue(Math.abs(yf.get(0, 1)) > 0.01);
    }

    @Test
    void labelFrequenciesFollowThePriors() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 1, 1, 3, false, 0, 1);
        SeededRandom rng = SeededRandom.of(9);
        int n = 200_000;
        int[] counts = new int[3];
        for (int s = 0; s < n; s++) counts[g.sampleLabel(rng)]++;
        for (int c = 0; c < 3; c++) {
            double se = Math.sqrt(PRIORS[c] * (1 - PRIORS[c]) / n);
            assertEquals(PRIORS[c], counts[c] / (double) n, 5 * se, "5 standard errors");
        }
    }

    @Test
    void badParametersNameTheirField() {
        assertEquals("priors", assertThrows(SpecException.class,
                () -> GaussianMixture.of(new double[] {0.5, -0.5}, 1, 1, 2, false, 0, 0)).field());
        assertEquals("priors", assertThrows(SpecException.class,
                () -> GaussianMixture.of(new double[] {0.5, 0.6}, 1, 1, 2, false, 0, 0)).field());
        assertEquals("dim", assertThrows(SpecException.class,
                () -> GaussianMixture.of(PRIORS, 1, 1, 2, false, 0, 0)).field());
        assertEquals("sigma", assertThrows(SpecException.class,
                () -> GaussianMixture.of(PRIORS, 1, 0, 3, false, 0, 0)).field());
        assertEquals("mu", assertThrows(SpecException.class,
                () -> GaussianMixture.of(PRIORS, Double.NaN, 1, 3, false, 0, 0)).field());
        assertEquals("overlap", assertThrows(SpecException.class,
                () -> GaussianMixture.of(PRIORS, 1, 1, 3, false, 1.0, 0)).field());
    }

    static boolean isIdentity(DMatrixRMaj m, double tol) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) if (Math.abs(m.get(i, j) - (i == j ? 1 : 0)) > tol) return false;
        }
        return true;
    }
}

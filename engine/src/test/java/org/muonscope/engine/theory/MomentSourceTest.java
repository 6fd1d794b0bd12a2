package org.muonscope.engine.theory;

import org.muonscope.engine.random.SeededRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.theory.DataMode;

class MomentSourceTest {
    private static final double[] PRIORS = {0.5, 0.3, 0.2};

    @Test
    void populationIsTheSameEveryStep() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 4, false, 0, 1);
        MomentSource src = MomentSource.create(g, DataMode.POPULATION, 3);
        assertSame(g.population(), src.next());
        assertSame(g.population(), src.next());
    }

    /**
     * Empirical moments of many draws agree with the population entry by entry within 6 standard errors, each
     * estimated from the same draws: the spread of x_i x_j (or y_c x_j) over the sample divided by sqrt(n).
     */
    @Test
    void largeSampleMomentsApproachThePopulation() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 4, true, 0.3, 11);
        int n = 100_000;
        MomentSource.Draws draws = MomentSource.Draws.of(g, n, SeededRandom.of(5));
        Moments emp = draws.moments();
        Moments pop = g.population();
        double[] x = draws.x().data;
        int d = 4;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sq = 0;
                for (int s = 0; s < n; s++) {
                    double v = x[s * d + i] * x[s * d + j];
                    sq += v * v;
                }
                double mean = emp.sxx().get(i, j);
                double se = Math.sqrt((sq / n - mean * mean) / n);
                assertEquals(pop.sxx().get(i, j), mean, 6 * se, "Sxx(" + i + "," + j + ")");
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < d; j++) {
                double sq = 0;
                for (int s = 0; s < n; s++) {
                    double v = draws.labels()[s] == c ? x[s * d + j] : 0;
                    sq += v * v;
                }
                double mean = emp.syx().get(c, j);
                double se = Math.sqrt((sq / n - mean * mean) / n);
                assertEquals(pop.syx().get(c, j), mean, 6 * se, "Syx(" + c + "," + j + ")");
            }
        }
    }

    @Test
    void sampleModeIsFixedAndSeeded() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 3, false, 0, 1);
        MomentSource a = MomentSource.create(g, DataMode.parse("sample:50"), 7);
        MomentSource b = MomentSource.create(g, DataMode.parse("sample:50"), 7);
        MomentSource c = MomentSource.create(g, DataMode.parse("sample:50"), 8);
        Moments first = a.next();
        assertSame(first, a.next());
        assertTrue(MatrixFeatures_DDRM.isIdentical(first.sxx(), b.next().sxx(), 0));
        assertFalse(MatrixFeatures_DDRM.isIdentical(first.sxx(), c.next().sxx(), 1e-6));
        assertFalse(first.sxxDiagonal());
    }

    /** Sample mode streams its draws in chunks; the moments equal those of the same draws held in memory. */
    @Test
    void streamedSampleMomentsEqualStoredDraws() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 300, true, 0.1, 1);
        int n = 9000; // more than one chunk of 2^20 / 300 = 3495 rows
        Moments streamed = MomentSource.create(g, DataMode.parse("sample:" + n), 7).next();
        Moments stored = MomentSource.Draws.of(g, n, SeededRandom.of(7).fork("draws")).moments();
        assertTrue(MatrixFeatures_DDRM.isIdentical(stored.sxx(), streamed.sxx(), 1e-12));
        assertTrue(MatrixFeatures_DDRM.isIdentical(stored.syx(), streamed.syx(), 1e-12));
    }

    /** A batch of all n draws is the whole sample, whatever order it was drawn in. */
    @Test
    void fullBatchEqualsTheSample() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 3, false, 0, 1);
        Moments sample = MomentSource.create(g, DataMode.parse("sample:40"), 7).next();
        MomentSource batches = MomentSource.create(g, DataMode.parse("batch:40:40"), 7);
        for (int step = 0; step < 3; step++) {
            Moments m = batches.next();
            assertTrue(MatrixFeatures_DDRM.isIdentical(sample.sxx(), m.sxx(), 1e-12));
            assertTrue(MatrixFeatures_DDRM.isIdentical(sample.syx(), m.syx(), 1e-12));
        }
    }

    /**
     * Batches are uniform subsets: averaged over many steps they are unbiased for the sample moments. Each entry of
     * the average is a mean of 20,000 independent batch values; 6 standard errors (estimated from those values).
     */
    @Test
    void batchesAverageToTheSampleAndDifferBetweenSteps() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 3, false, 0, 1);
        Moments sample = MomentSource.create(g, DataMode.parse("sample:30"), 4).next();
        MomentSource batches = MomentSource.create(g, DataMode.parse("batch:30:5"), 4);
        int steps = 20_000;
        double[] sum = new double[9];
        double[] sq = new double[9];
        DMatrixRMaj previous = null;
        int changes = 0;
        for (int t = 0; t < steps; t++) {
            Moments m = batches.next();
            for (int i = 0; i < 9; i++) {
                sum[i] += m.sxx().data[i];
                sq[i] += m.sxx().data[i] * m.sxx().data[i];
            }
            if (previous != null && !MatrixFeatures_DDRM.isIdentical(previous, m.sxx(), 0)) changes++;
            previous = m.sxx().copy();
        }
        for (int i = 0; i < 9; i++) {
            double mean = sum[i] / steps;
            double se = Math.sqrt((sq[i] / steps - mean * mean) / steps);
            assertEquals(sample.sxx().data[i], mean, 6 * se);
        }
        assertTrue(changes > steps * 0.99, "fresh batches nearly always differ");
        MomentSource again = MomentSource.create(g, DataMode.parse("batch:30:5"), 4);
        MomentSource other = MomentSource.create(g, DataMode.parse("batch:30:5"), 4);
        for (int t = 0; t < 5; t++) {
            assertEquals(again.next().sxx().get(0, 0), other.next().sxx().get(0, 0), 0, "same seed, same batches");
        }
    }
}

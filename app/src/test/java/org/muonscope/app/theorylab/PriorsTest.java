package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PriorsTest {
    /** Sums of a few doubles: exact up to rounding of ~k ulps. */
    private static final double SUM_TOL = 1e-12;

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        return s;
    }

    @Test
    void presetsAreNormalizedAndHaveTheRequestedRatio() {
        for (int k = 2; k <= 20; k++) {
            double[] u = Priors.uniform(k), s = Priors.step(k, 20), l = Priors.longTail(k, 20);
            assertEquals(1, sum(u), SUM_TOL);
            assertEquals(1, sum(s), SUM_TOL);
            assertEquals(1, sum(l), SUM_TOL);
            assertEquals(20, s[0] / s[k - 1], 1e-9);
            assertEquals(20, l[0] / l[k - 1], 1e-9);
            for (int c = 1; c < k; c++) assertTrue(l[c] < l[c - 1], "long tail decreases");
        }
        // step: the first ceil(k/2) classes are the majority
        double[] s5 = Priors.step(5, 4);
        assertEquals(s5[0], s5[2], 0);
        assertEquals(4, s5[2] / s5[3], 1e-12);
    }

    @Test
    void settingOnePriorKeepsTheOthersProportionsAndTheSum() {
        double[] p = {0.5, 0.3, 0.2};
        double[] q = Priors.set(p, 2, 0.6);
        assertEquals(0.6, q[2], 1e-12);
        assertEquals(1, sum(q), SUM_TOL);
        assertEquals(0.5 / 0.3, q[0] / q[1], 1e-12);
    }

    @Test
    void editsAreClampedSoEveryPriorStaysPositive() {
        double[] q = Priors.set(new double[] {0.5, 0.5}, 0, 1.0);
        assertTrue(q[1] >= Priors.MIN * 0.99, "the other class keeps a positive prior");
        double[] z = Priors.set(new double[] {0.5, 0.5}, 0, -3);
        assertTrue(z[0] > 0);
        assertEquals(1, sum(z), SUM_TOL);
    }

    @Test
    void parseNormalizesAndRejectsBadInput() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, Priors.parse("2, 1 1"), 1e-12);
        assertThrows(NumberFormatException.class, () -> Priors.parse("1, -1"));
        assertThrows(NumberFormatException.class, () -> Priors.parse("1"));
        assertThrows(NumberFormatException.class, () -> Priors.parse("a, b"));
    }

    @Test
    void resizeKeepsExistingShape() {
        double[] r = Priors.resize(new double[] {0.6, 0.4}, 3);
        assertEquals(1, sum(r), SUM_TOL);
        assertEquals(1.5, r[0] / r[1], 1e-12);
    }
}

package org.muonscope.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTest {
    /** The tabulated CDF against Simpson's rule on a dense grid of points, including the range edges and tails. */
    @Test
    void cdfIsAccurateToOneInTenBillion() {
        for (double x = -9.3; x <= 9.3; x += 0.0173) {
            assertEquals(ClassMetricsTest.phi(x), Normal.cdf(x), 1e-10, "x=" + x);
        }
        assertEquals(0.5, Normal.cdf(0), 1e-15);
        assertEquals(0, Normal.cdf(Double.NEGATIVE_INFINITY), 0);
        assertEquals(1, Normal.cdf(Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void gaussLegendreIntegratesPolynomials() {
        double[][] rule = Normal.gaussLegendre(8);
        for (int p = 0; p < 16; p++) {
            double sum = 0;
            for (int i = 0; i < 8; i++) sum += rule[1][i] * Math.pow(rule[0][i], p);
            assertEquals(p % 2 == 0 ? 2.0 / (p + 1) : 0, sum, 1e-13, "x^" + p);
        }
    }
}

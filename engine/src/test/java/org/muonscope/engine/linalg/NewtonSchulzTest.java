package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;
import static org.muonscope.engine.linalg.MatrixTestSupport.relFrobDiff;
import static org.muonscope.engine.linalg.MatrixTestSupport.singularValues;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewtonSchulzTest {

    /**
     * docs/theory.md: five quintic steps land the singular values of a Gaussian in about [0.68, 1.13]. That needs the
     * smallest normalized singular value to start above ~1e-2, which holds for rectangular Gaussians (aspect >= 2);
     * square ones are covered below.
     */
    @ParameterizedTest
    @CsvSource({"64,32", "32,64", "20,10", "10,100", "100,50", "128,16", "1,50", "50,1"})
    void fiveStepsBoundSingularValues(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m * 31L + n), m, n);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz.orthogonalize(g, 5, o);
        for (double s : singularValues(o)) {
            assertTrue(s >= 0.68 && s <= 1.14, m + "x" + n + " singular value " + s);
        }
    }

    /**
     * Square Gaussians have singular values near 0 that five steps cannot lift (each step multiplies a small one by
     * a = 3.4445); the quintic maps [0, 1.2025] into itself (its maximum on [0, 1] is 1.2025 at s = 0.5545), so
     * nothing exceeds that and nothing becomes zero.
     */
    @ParameterizedTest
    @CsvSource({"10,10", "64,64", "100,100"})
    void squareGaussiansStayInTheInvariantInterval(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m * 17L + n), m, n);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz.orthogonalize(g, 5, o);
        for (double s : singularValues(o)) {
            assertTrue(s > 0 && s <= 1.2026, m + "x" + n + " singular value " + s);
        }
    }

    @Test
    void gaussian64x32IsAbout22PercentFromPolar() {
        DMatrixRMaj g = gaussian(new Random(7), 64, 32);
        DMatrixRMaj ns = new DMatrixRMaj(1, 1);
        DMatrixRMaj polar = new DMatrixRMaj(1, 1);
        NewtonSchulz.orthogonalize(g, 5, ns);
        Polar.polarSvd(g, polar);
        double rel = relFrobDiff(ns, polar);
        // docs/theory.md quotes ~0.22; the exact figure depends on the draw, so a generous band.
        assertTrue(rel > 0.1 && rel < 0.35, "relative distance " + rel);
    }

    /** The reference definition, written out with plain EJML calls. */
    static DMatrixRMaj definition(DMatrixRMaj g, int steps) {
        boolean tall = g.numRows > g.numCols;
        DMatrixRMaj x = g.copy();
        if (tall) {
            CommonOps_DDRM.transpose(x);
        }
        int p = x.numRows;
        int q = x.numCols;
        CommonOps_DDRM.scale(1.0 / (NormOps_DDRM.normF(x) + 1e-7), x);
        for (int s = 0; s < steps; s++) {
            DMatrixRMaj a = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransB(x, x, a);
            DMatrixRMaj aa = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(a, a, aa);
            DMatrixRMaj b = new DMatrixRMaj(p, p);
            CommonOps_DDRM.add(NewtonSchulz.B, a, NewtonSchulz.C, aa, b);
            DMatrixRMaj bx = new DMatrixRMaj(p, q);
            CommonOps_DDRM.mult(b, x, bx);
            DMatrixRMaj next = new DMatrixRMaj(p, q);
            CommonOps_DDRM.add(NewtonSchulz.A, x, 1.0, bx, next);
            x = next;
        }
        if (tall) {
            CommonOps_DDRM.transpose(x);
        }
        return x;
    }

    @Test
    void matchesTheDefinitionOnATallMatrix() {
        DMatrixRMaj g = gaussian(new Random(11), 9, 4);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz.orthogonalize(g, 3, o);
        assertTrue(maxAbsDiff(o, definition(g, 3)) < 1e-13);
    }

    /** Dense inputs past the small size take the padded Vector API kernels (odd sizes exercise the padding). */
    @ParameterizedTest
    @CsvSource({"17,17", "33,70", "70,33", "100,100", "50,123"})
    void denseVectorPathMatchesTheDefinition(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m * 7L + n), m, n);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz ns = new NewtonSchulz();
        for (int rep = 0; rep < 2; rep++) {
            ns.apply(g, 5, o);
            double d = maxAbsDiff(o, definition(g, 5));
            // Different summation order only: rounding, amplified by at most a^5 ~ 490 through the iteration.
            assertTrue(d < 1e-15 * Math.pow(NewtonSchulz.A, 5) * Math.sqrt(n), m + "x" + n + ": " + d);
        }
    }

    /** Low-rank inputs past the small size take the QR-reduced path: NS(M Q^T) = NS(M) Q^T must hold to rounding. */
    @ParameterizedTest
    @CsvSource({"100,100,10", "60,90,5", "90,60,5", "40,40,1", "100,100,30", "30,200,7"})
    void reducedPathMatchesTheDefinition(int m, int n, int rank) {
        DMatrixRMaj g = MatrixTestSupport.lowRank(new Random(m + n + rank), m, n, rank);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz ns = new NewtonSchulz();
        for (int steps : new int[] {1, 5, 9}) {
            ns.apply(g, steps, o);
            double d = maxAbsDiff(o, definition(g, steps));
            // The full iteration multiplies the rounding noise in G's null space by up to a = 3.4445 per step; the
            // reduced one has no null space to amplify. So they agree to 1e-15 * a^steps, not to a fixed 1e-15.
            assertTrue(d < 1e-15 * Math.pow(NewtonSchulz.A, steps), m + "x" + n + " rank " + rank + " steps " + steps + ": " + d);
        }
    }

    @Test
    void zeroGradientGivesZero() {
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        NewtonSchulz.orthogonalize(new DMatrixRMaj(3, 8), 5, o);
        assertEquals(0, NormOps_DDRM.normF(o));
    }

    /** The classic cubic X <- 1.5 X - 0.5 X X^T X converges to U V^T when ||X||_2 < sqrt(3): the polar factor. */
    @ParameterizedTest
    @CsvSource({"6,6", "8,5", "5,8", "20,12"})
    void cubicIterationConvergesToPolar(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m + 100L * n), m, n);
        DMatrixRMaj x = g.copy();
        CommonOps_DDRM.scale(1.0 / NormOps_DDRM.normF(x), x);
        DMatrixRMaj xtx = new DMatrixRMaj(n, n);
        DMatrixRMaj xxtx = new DMatrixRMaj(m, n);
        for (int it = 0; it < 2000; it++) {
            CommonOps_DDRM.multTransA(x, x, xtx);
            CommonOps_DDRM.mult(x, xtx, xxtx);
            CommonOps_DDRM.add(1.5, x, -0.5, xxtx, x);
        }
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(g, o);
        // Gaussian matrices here have condition numbers < 100, so 2000 steps converge to rounding.
        assertTrue(maxAbsDiff(o, x) < 1e-10, "cubic limit differs from polar by " + maxAbsDiff(o, x));
    }
}

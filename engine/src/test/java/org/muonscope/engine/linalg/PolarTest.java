package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.lowRank;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;
import static org.muonscope.engine.linalg.MatrixTestSupport.singularValues;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolarTest {
    // Orthogonality and symmetry hold to rounding: a few hundred ulps of the largest entry.
    private static final double TOL = 1e-10;

    /** O = U V^T is a partial isometry of G's rank, P = O^T G is symmetric PSD, and O P = G. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "1,7,1", "7,1,1", "5,5,5", "10,10,10", "4,9,4", "9,4,4", "30,20,20", "100,100,10",
            "100,100,100", "10,100,10", "100,10,3", "16,16,7", "40,60,40", "60,80,12", "80,60,15", "17,40,1"})
    void polarFactorInvariants(int m, int n, int rank) {
        Random rnd = new Random(m * 1000L + n * 10L + rank);
        DMatrixRMaj g = rank == Math.min(m, n) ? gaussian(rnd, m, n) : lowRank(rnd, m, n, rank);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(g, o);
        assertEquals(m, o.numRows);
        assertEquals(n, o.numCols);
        // Singular values of a partial isometry of rank r: r ones, the rest zeros.
        double[] s = singularValues(o);
        int ones = 0;
        for (double v : s) {
            if (Math.abs(v - 1) < TOL) {
                ones++;
            } else {
                assertEquals(0, v, TOL, "singular value neither 0 nor 1");
            }
        }
        assertEquals(rank, ones);
        // P = O^T G is symmetric positive semi-definite and O P = G.
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(o, g, p);
        DMatrixRMaj pt = p.copy();
        CommonOps_DDRM.transpose(pt);
        double scale = NormOps_DDRM.normF(g);
        assertTrue(maxAbsDiff(p, pt) < TOL * scale, "O^T G not symmetric");
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(p.copy()));
        for (int i = 0; i < n; i++) {
            double ev = eig.getEigenvalue(i).real;
            assertTrue(ev > -TOL * scale, "O^T G has eigenvalue " + ev);
        }
        DMatrixRMaj back = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(o, p, back);
        assertTrue(maxAbsDiff(back, g) < TOL * scale, "O (O^T G) != G");
        DMatrixRMaj ref = new DMatrixRMaj(1, 1);
        Polar.polarSvd(g, ref);
        assertTrue(maxAbsDiff(o, ref) < 1e-9, "fast polar differs from the SVD reference");
    }

    @Test
    void zeroGradientGivesZero() {
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(new DMatrixRMaj(4, 6), o);
        assertEquals(0, NormOps_DDRM.normF(o));
        assertEquals(4, o.numRows);
    }

    @Test
    void rowVectorIsNormalized() {
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{3, 0, -4}});
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(g, o);
        assertEquals(0.6, o.get(0, 0), 1e-15);
        assertEquals(0.0, o.get(0, 1), 1e-15);
        assertEquals(-0.8, o.get(0, 2), 1e-15);
    }

    @Test
    void diagonalGivesSignOfDiagonal() {
        DMatrixRMaj g = CommonOps_DDRM.diag(3.0, -0.001, 0.0, 7.5);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(g, o);
        assertTrue(maxAbsDiff(o, CommonOps_DDRM.diag(1.0, -1.0, 0.0, 1.0)) < 1e-14);
    }

    @Test
    void singularValuesBelowCutoffCountAsZero() {
        // diag(1, 1e-14): 1e-14 < 1e-12 * s_max, so the second direction must not appear.
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(CommonOps_DDRM.diag(1.0, 1e-14), o);
        assertEquals(0, o.get(1, 1), 1e-15);
        Polar.polar(CommonOps_DDRM.diag(1.0, 1e-9), o);
        assertEquals(1, o.get(1, 1), 1e-12, "1e-9 is above the cutoff and is a real direction");
    }

    @Test
    void nonFiniteInputGivesNaN() {
        DMatrixRMaj g = new DMatrixRMaj(3, 3);
        g.set(1, 2, Double.POSITIVE_INFINITY);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Polar.polar(g, o);
        assertTrue(Double.isNaN(o.get(0, 0)));
    }

    /** Unrelated matrices defeat the warm start, so the solver alternates Jacobi and its SVD fallback: both exact. */
    @Test
    void solverStaysExactAcrossItsJacobiAndSvdModes() {
        Random rnd = new Random(6);
        PolarSolver solver = new PolarSolver();
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        DMatrixRMaj ref = new DMatrixRMaj(1, 1);
        boolean sawSvd = false;
        boolean sawJacobi = false;
        for (int t = 0; t < 60; t++) {
            DMatrixRMaj g = t % 7 == 3 ? lowRank(rnd, 8, 12, 3) : gaussian(rnd, 8, 12);
            solver.compute(g, o);
            sawSvd |= solver.lastSweeps() == 0;
            sawJacobi |= solver.lastSweeps() > 0;
            Polar.polarSvd(g, ref);
            assertTrue(maxAbsDiff(o, ref) < 1e-9, "call " + t);
        }
        assertTrue(sawSvd && sawJacobi, "both modes ran");
    }

    /** SpecGD at saturation alternates between two gradients: the lag-2 warm start makes both one-sweep solves. */
    @Test
    void alternatingGradientsConvergeInOneSweepOnceWarm() {
        Random rnd = new Random(8);
        DMatrixRMaj[] g = {gaussian(rnd, 10, 10), gaussian(rnd, 10, 10)};
        PolarSolver solver = new PolarSolver();
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        DMatrixRMaj ref = new DMatrixRMaj(1, 1);
        int late = 0;
        for (int t = 0; t < 40; t++) {
            solver.compute(g[t % 2], o);
            Polar.polarSvd(g[t % 2], ref);
            assertTrue(maxAbsDiff(o, ref) < 1e-9, "call " + t);
            if (t >= 30) {
                late += solver.lastSweeps();
            }
        }
        // Ten pure check sweeps, plus at most one extra after the periodic re-orthonormalization of V.
        assertTrue(late <= 11, "sweeps in calls 30..39: " + late);
    }

    @Test
    void warmStartedSolverTracksAChangingMatrix() {
        Random rnd = new Random(5);
        PolarSolver solver = new PolarSolver();
        DMatrixRMaj g = gaussian(rnd, 10, 10);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        DMatrixRMaj ref = new DMatrixRMaj(1, 1);
        for (int t = 0; t < 50; t++) {
            for (int i = 0; i < g.data.length; i++) {
                g.data[i] += 0.05 * rnd.nextGaussian();
            }
            solver.compute(g, o);
            Polar.polarSvd(g, ref);
            assertTrue(maxAbsDiff(o, ref) < 1e-9, "step " + t);
        }
    }
}

package org.muonscope.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.model.MatrixModel;

class ClosedFormTest {
    private static final double[] PRIORS = {0.7, 0.2, 0.1};

    /** Plain GD {@code W <- W - eta G} from 0, with the model's gradient, against the closed form to 1e-9. */
    @Test
    void gdTrajectoryMatchesClosedForm() {
        for (boolean rotated : new boolean[] {false, true}) {
            GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 5, rotated, 0, 17);
            MatrixModel model = MatrixModel.create(3, 5, 1, 5, 0, 1);
            DMatrixRMaj w = model.params().get(0).value();
            DMatrixRMaj grad = model.params().get(0).grad();
            DMatrixRMaj f = g.frame();
            double eta = 0.02;
            for (int t = 0; t <= 400; t++) {
                double[] expected = ClosedForm.gdDiagonal(g, eta, t);
                DMatrixRMaj wf = new DMatrixRMaj(3, 3);
                CommonOps_DDRM.mult(w, f, wf);
                for (int c = 0; c < 3; c++) assertEquals(expected[c], wf.get(c, c), 1e-9, "t=" + t + " c=" + c);
                model.gradient(g.population());
                CommonOps_DDRM.addEquals(w, -eta, grad);
            }
        }
    }

    /**
     * SpecGD on the axis-aligned problem: G stays diagonal, so its polar factor is the sign of the diagonal; the path
     * is min(eta t, w*) until a class saturates and then stays within eta of w*.
     */
    @Test
    void specGdTrajectoryMatchesClosedForm() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 4, false, 0, 0);
        MatrixModel model = MatrixModel.create(3, 4, 1, 4, 0, 1);
        DMatrixRMaj w = model.params().get(0).value();
        DMatrixRMaj grad = model.params().get(0).grad();
        double eta = 1e-3;
        double[] wStar = ClosedForm.wStar(g);
        for (int t = 0; t <= 600; t++) {
            double[] expected = ClosedForm.specGdDiagonal(g, eta, t);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, ClosedForm.specGdDiagonal(g, eta, 1, t), 0);
            for (int c = 0; c < 3; c++) {
                if (eta * t < wStar[c]) assertEquals(expected[c], w.get(c, c), 1e-12, "t=" + t);
                else assertEquals(wStar[c], w.get(c, c), eta + 1e-12, "saturated, t=" + t);
            }
            model.gradient(g.population());
            for (int c = 0; c < 3; c++) w.add(c, c, -eta * Math.signum(grad.get(c, c)));
        }
    }

    @Test
    void wStarIsThePopulationOptimum() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 4, false, 0, 0);
        double[] w = ClosedForm.wStar(g);
        for (int c = 0; c < 3; c++) assertEquals(PRIORS[c] * 3 / (PRIORS[c] * 9 + 1), w[c], 1e-15);
        assertTrue(w[0] > w[1] && w[1] > w[2], "the smaller the prior, the smaller w*");
        // With overlap: the diagonal of Syx Sxx^-1 F, computed in all d dimensions.
        GaussianMixture o = GaussianMixture.of(PRIORS, 3, 1, 5, true, 0.5, 2);
        DMatrixRMaj inv = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.invert(o.population().sxx(), inv);
        DMatrixRMaj wopt = new DMatrixRMaj(3, 5);
        CommonOps_DDRM.mult(o.population().syx(), inv, wopt);
        DMatrixRMaj wf = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(wopt, o.frame(), wf);
        double[] got = ClosedForm.wStar(o);
        for (int c = 0; c < 3; c++) assertEquals(wf.get(c, c), got[c], 1e-12);
    }

    @Test
    void overlapHasNoTrajectory() {
        GaussianMixture o = GaussianMixture.of(PRIORS, 3, 1, 5, false, 0.2, 2);
        assertTrue(Double.isNaN(ClosedForm.gdDiagonal(o, 0.1, 5)[0]));
        assertTrue(Double.isNaN(ClosedForm.specGdT90(o, 0.1, 2)[1]));
        assertTrue(Double.isNaN(ClosedForm.gdT90(o, 0.1)[2]));
        assertTrue(Double.isFinite(ClosedForm.wStar(o)[0]));
    }

    /** t90 is the first step of the closed-form trajectory at or above 0.9 w*. */
    @Test
    void gdT90IsTheFirstStepPastNinetyPercent() {
        for (double eta : new double[] {1e-3, 0.01, 0.1, 0.13, 0.3}) {
            GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 3, false, 0, 0);
            double[] t90 = ClosedForm.gdT90(g, eta);
            for (int c = 0; c < 3; c++) {
                long first = 1;
                while (ClosedForm.gdDiagonal(g.syxDiag(c), g.sxxDiag(c), eta, first) < 0.9 * ClosedForm.wStar(g)[c]) first++;
                assertEquals(first, (long) t90[c], "eta=" + eta + " c=" + c);
            }
        }
    }

    /** docs/theory.md's table: p = (0.7, 0.2, 0.1), mu = 3, sigma = 1, eta = 1e-3, predicted t90 for L = 1..4 (rounded). */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void gdT90OfAStepTooSmallToMoveIsNeverAndReturnsAtOnce() {
        // 1 - eta * s_xx rounds to exactly 1: the closed form cannot move, so 90% is never reached. This once looped
        // forever (the guard loop waited for pow(1, t) to fall below 0.1). At eta = 1e-17 that is the minority class
        // (s_xx = 1.9, 1 - 1.9e-17 rounds to 1); the majority's 1 - 7.3e-17 rounds to 1 - 2^-53, about 2e16 steps.
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 3, false, 0, 0);
        double[] tiny = ClosedForm.gdT90(g, 1e-17);
        assertEquals(Double.POSITIVE_INFINITY, tiny[2]);
        assertTrue(tiny[0] > 1e16 && tiny[0] < Double.POSITIVE_INFINITY, "t = " + tiny[0]);
        for (double eta : new double[] {1e-300, 0, -1e-3}) {
            for (double t : ClosedForm.gdT90(g, eta)) assertEquals(Double.POSITIVE_INFINITY, t, "eta " + eta);
        }
        // tiny but representable: finite, and the first step past 90% by the same test the trajectory uses
        double eta = 1e-13;
        long t = ClosedForm.gdT90(g.sxxDiag(0), eta);
        double r = 1 - eta * g.sxxDiag(0);
        assertTrue(t > 1e12 && t < Long.MAX_VALUE, "t = " + t);
        assertTrue(Math.pow(r, t) <= 0.1 && Math.pow(r, t - 1) > 0.1, "first step past 90%");
    }

    @Test
    void specGdT90ReproducesTheTheoryTable() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 3, false, 0, 0);
        long[][] predicted = {{259, 193, 142}, {509, 439, 377}, {637, 578, 522}, {713, 663, 614}};
        for (int depth = 2; depth <= 4; depth++) {
            double[] t = ClosedForm.specGdT90(g, 1e-3, depth);
            for (int c = 0; c < 3; c++) assertEquals(predicted[depth - 1][c], Math.round(t[c]), "L=" + depth);
        }
        double[] one = ClosedForm.specGdT90(g, 1e-3, 1);
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.ceil(0.9 * ClosedForm.wStar(g)[c] / 1e-3), one[c]);
            assertEquals(predicted[0][c], one[c], 1, "depth 1 is the ceiling of the table's rounded value");
        }
    }

    /** The depth-2 logistic solves d sigma / dt = 2 eta sigma (s_yx - s_xx sigma) (central differences, h = 1e-3). */
    @Test
    void depthTwoLogisticSolvesBalancedFlow() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 3, 1, 3, false, 0, 0);
        double eta = 0.01;
        double s0 = 1e-4;
        for (int c = 0; c < 3; c++) {
            assertEquals(s0, ClosedForm.gdDepth2(g, s0, eta, 0)[c], 1e-18);
            for (double t : new double[] {10, 500, 2000, 5000}) {
                double h = 1e-3;
                double deriv = (ClosedForm.gdDepth2(g, s0, eta, t + h)[c] - ClosedForm.gdDepth2(g, s0, eta, t - h)[c]) / (2 * h);
                double s = ClosedForm.gdDepth2(g, s0, eta, t)[c];
                double flow = 2 * eta * s * (g.syxDiag(c) - g.sxxDiag(c) * s);
                assertEquals(flow, deriv, 1e-7 * Math.max(1e-6, Math.abs(flow)) + 1e-12, "c=" + c + " t=" + t);
            }
        }
    }
}

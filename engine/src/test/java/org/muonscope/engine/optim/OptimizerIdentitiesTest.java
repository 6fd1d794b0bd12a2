package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.NewtonSchulz;
import org.muonscope.engine.linalg.Polar;

/** The identities of docs/theory.md section 2 and hand-computed reference steps. */
class OptimizerIdentitiesTest {

    /** The update one step of {@code spec} makes from zero weights with gradient {@code g}. */
    static DMatrixRMaj firstStep(String spec, DMatrixRMaj g, Role role) {
        Param p = new Param("w", new DMatrixRMaj(g.numRows, g.numCols), g.copy(), role);
        Optimizers.create(OptimizerSettings.parse(spec), List.of(p)).step(List.of(p));
        return p.value();
    }

    static DMatrixRMaj firstStep(String spec, DMatrixRMaj g) {
        return firstStep(spec, g, Role.MATRIX);
    }

    @Test
    void specGdOnARowVectorIsNgd() {
        DMatrixRMaj g = gaussian(new Random(1), 1, 9);
        assertTrue(maxAbsDiff(firstStep("specgd:lr=0.3", g), firstStep("ngd:lr=0.3", g)) < 1e-15);
        DMatrixRMaj col = gaussian(new Random(2), 9, 1);
        assertTrue(maxAbsDiff(firstStep("specgd:lr=0.3", col), firstStep("ngd:lr=0.3", col)) < 1e-15);
    }

    @Test
    void specGdOnADiagonalGradientIsTheSignOfTheDiagonal() {
        DMatrixRMaj g = CommonOps_DDRM.diag(2.0, -0.5, 1e-3, -40.0, 0.0);
        DMatrixRMaj expected = CommonOps_DDRM.diag(-0.1, 0.1, -0.1, 0.1, 0.0);
        assertTrue(maxAbsDiff(firstStep("specgd:lr=0.1", g), expected) < 1e-15);
        assertTrue(maxAbsDiff(firstStep("signgd:lr=0.1", g), expected) < 1e-15, "and equals SignGD there");
    }

    @Test
    void oneShampooStepWithoutRidgeIsSpecGd() {
        // L^(-1/4) G R^(-1/4) = U S^(-1/2) S S^(-1/2) V^T = U V^T for full-rank G.
        for (int[] shape : new int[][] {{5, 7}, {7, 5}, {6, 6}, {1, 4}}) {
            DMatrixRMaj g = gaussian(new Random(shape[0] * 10L + shape[1]), shape[0], shape[1]);
            double d = maxAbsDiff(firstStep("shampoo:lr=0.1,eps=0", g), firstStep("specgd:lr=0.1", g));
            // Rounding is amplified by the condition number of the Gaussian (< 100 here) through the roots.
            assertTrue(d < 1e-10, shape[0] + "x" + shape[1] + " differs by " + d);
        }
    }

    @Test
    void shampooOnARankDeficientGradientAddsNoSpuriousDirection() {
        DMatrixRMaj g = new DMatrixRMaj(4, 3);
        CommonOps_DDRM.mult(gaussian(new Random(4), 4, 1), gaussian(new Random(5), 1, 3), g);
        DMatrixRMaj s = firstStep("shampoo:lr=1,eps=0", g);
        DMatrixRMaj spec = firstStep("specgd:lr=1", g);
        assertTrue(maxAbsDiff(s, spec) < 1e-9, "rank one: both give -u v^T, differing by " + maxAbsDiff(s, spec));
    }

    @Test
    void signumWithoutMomentumIsSignGd() {
        Random rnd = new Random(3);
        Param a = Param.of("w", gaussian(rnd, 4, 6), Role.MATRIX);
        Param b = Param.of("w", a.value().copy(), Role.MATRIX);
        Optimizer signum = Optimizers.create(OptimizerSettings.parse("signum:beta=0,lr=0.05"), List.of(a));
        Optimizer signgd = Optimizers.create(OptimizerSettings.parse("signgd:lr=0.05"), List.of(b));
        for (int t = 0; t < 10; t++) {
            DMatrixRMaj g = gaussian(rnd, 4, 6);
            a.grad().setTo(g);
            b.grad().setTo(g);
            signum.step(List.of(a));
            signgd.step(List.of(b));
        }
        assertArrayEquals(b.value().data, a.value().data, 0.0);
    }

    @Test
    void exactMuonWithoutMomentumIsSpecGdTimesTheShapeFactor() {
        DMatrixRMaj g = gaussian(new Random(6), 12, 3);
        DMatrixRMaj muon = firstStep("muon:exact=true,beta=0,nesterov=false,lr=0.1", g);
        DMatrixRMaj spec = firstStep("specgd:lr=" + 0.1 * Math.sqrt(12.0 / 3), g);
        assertTrue(maxAbsDiff(muon, spec) < 1e-15);
        DMatrixRMaj wide = gaussian(new Random(7), 3, 12);
        assertTrue(maxAbsDiff(firstStep("muon:exact=true,beta=0,nesterov=false,lr=0.1", wide),
                firstStep("specgd:lr=0.1", wide)) < 1e-15, "wide matrices are not scaled");
    }

    @Test
    void muonMatchesTheReferenceUpdateOverTwoSteps() {
        // muon.py: m = lerp(m, g, 1-beta); u = lerp(g, m, beta); p *= 1 - lr wd; p -= lr sqrt(max(1, r/c)) NS5(u).
        double lr = 0.02, beta = 0.95, wd = 0.1;
        Random rnd = new Random(8);
        DMatrixRMaj w0 = gaussian(rnd, 8, 5);
        DMatrixRMaj g1 = gaussian(rnd, 8, 5);
        DMatrixRMaj g2 = gaussian(rnd, 8, 5);
        Param p = Param.of("w", w0.copy(), Role.MATRIX);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse("muon:lr=0.02,wd=0.1"), List.of(p));
        DMatrixRMaj w = w0.copy();
        DMatrixRMaj m = new DMatrixRMaj(8, 5);
        for (DMatrixRMaj g : List.of(g1, g2)) {
            p.grad().setTo(g);
            opt.step(List.of(p));
            CommonOps_DDRM.add(beta, m, 1 - beta, g, m);
            DMatrixRMaj u = new DMatrixRMaj(8, 5);
            CommonOps_DDRM.add(1 - beta, g, beta, m, u);
            DMatrixRMaj o = new DMatrixRMaj(8, 5);
            NewtonSchulz.orthogonalize(u, 5, o);
            CommonOps_DDRM.scale(1 - lr * wd, w);
            CommonOps_DDRM.addEquals(w, -lr * Math.sqrt(8.0 / 5), o);
        }
        assertTrue(maxAbsDiff(p.value(), w) < 1e-14, "differs by " + maxAbsDiff(p.value(), w));
    }

    @Test
    void muonSendsVectorsAndEdgeLayersToAdamWithItsOwnStepSize() {
        DMatrixRMaj g = gaussian(new Random(9), 6, 4);
        DMatrixRMaj adamLike = firstStep("adam:lr=0.003", g);
        assertTrue(maxAbsDiff(firstStep("muon:alr=0.003", g, Role.VECTOR), adamLike) < 1e-18);
        assertTrue(maxAbsDiff(firstStep("muon:alr=0.003", g, Role.INPUT_LAYER), adamLike) < 1e-18);
        assertTrue(maxAbsDiff(firstStep("muon:alr=0.003", g, Role.OUTPUT_LAYER), adamLike) < 1e-18);
        assertTrue(maxAbsDiff(firstStep("muon:alr=0.003,edges=false", g, Role.VECTOR), adamLike) < 1e-18,
                "vectors always take the fallback");
        DMatrixRMaj ortho = firstStep("muon:lr=0.02,edges=false", g, Role.OUTPUT_LAYER);
        assertTrue(maxAbsDiff(ortho, firstStep("muon:lr=0.02", g, Role.MATRIX)) < 1e-18,
                "edges=false orthogonalizes the first and last layers too");
    }

    @Test
    void adamFirstStepIsAboutLrTimesSign() {
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0.3, -2.0}, {1e-3, -5e-4}});
        DMatrixRMaj step = firstStep("adam:lr=0.01", g);
        for (int i = 0; i < 4; i++) {
            // Bias correction makes m_hat = g and v_hat = g^2: the step is -lr g / (|g| + eps).
            double expected = -0.01 * g.data[i] / (Math.abs(g.data[i]) + 1e-8);
            assertEquals(expected, step.data[i], 1e-17);
            assertEquals(-0.01 * Math.signum(g.data[i]), step.data[i], 0.01 * 1e-8 / 5e-4 * 1.01);
        }
    }

    @Test
    void ngdStepHasFrobeniusNormLr() {
        DMatrixRMaj step = firstStep("ngd:lr=0.25", gaussian(new Random(10), 3, 8));
        assertEquals(0.25, NormOps_DDRM.normF(step), 1e-15);
    }

    @Test
    void gdMomentumIsPyTorchHeavyBallByDefault() {
        assertFalse(((GdSettings) OptimizerKind.of("gd").defaults()).nesterov(), "gd defaults to plain momentum");
        double[][] grads = {{1, 2}, {0.5, -1}, {-1, 0}};
        // By hand, beta 0.9, lr 0.1, from (1, -2): b = 0.9 b + g; w -= 0.1 b.
        assertArrayEquals(new double[] {0.734, -2.352}, run("gd:lr=0.1,beta=0.9", grads), 1e-15);
        // Nesterov (PyTorch): w -= 0.1 (g + 0.9 b).
        assertArrayEquals(new double[] {0.7106, -2.4168}, run("gd:lr=0.1,beta=0.9,nesterov=true", grads), 1e-15);
        // No momentum: w -= 0.1 g.
        assertArrayEquals(new double[] {0.95, -2.1}, run("gd:lr=0.1", grads), 1e-15);
    }

    private static double[] run(String spec, double[][] grads) {
        Param p = Param.of("w", new DMatrixRMaj(new double[][] {{1, -2}}), Role.MATRIX);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse(spec), List.of(p));
        for (double[] g : grads) {
            p.grad().data[0] = g[0];
            p.grad().data[1] = g[1];
            opt.step(List.of(p));
        }
        return p.value().data;
    }

    @Test
    void specGdStepOfARankDeficientGradientStaysInItsRowAndColumnSpace() {
        DMatrixRMaj g = new DMatrixRMaj(6, 5);
        CommonOps_DDRM.mult(gaussian(new Random(11), 6, 2), gaussian(new Random(12), 2, 5), g);
        DMatrixRMaj step = firstStep("specgd:lr=1", g);
        DMatrixRMaj polar = new DMatrixRMaj(1, 1);
        Polar.polarSvd(g, polar);
        CommonOps_DDRM.scale(-1, polar);
        assertTrue(maxAbsDiff(step, polar) < 1e-12);
        assertEquals(Math.sqrt(2), NormOps_DDRM.normF(step), 1e-12, "rank 2: two unit singular values");
    }
}

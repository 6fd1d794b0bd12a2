package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.linalg.InverseRoot;

/** Shampoo's refresh interval, its skipped huge sides, and the per-step algorithm it must keep for K = 1. */
class ShampooRefreshTest {
    /** The algorithm as it was before the refresh interval: every step, both sides, EJML products. */
    private static void referenceStep(DMatrixRMaj u, DMatrixRMaj left, DMatrixRMaj right, double eps) {
        CommonOps_DDRM.multAddTransB(u, u, left);
        CommonOps_DDRM.multAddTransA(u, u, right);
        DMatrixRMaj li = new DMatrixRMaj(1, 1), ri = new DMatrixRMaj(1, 1), tmp = new DMatrixRMaj(u.numRows, u.numCols);
        InverseRoot.inverseRoot(left, eps, 4, li);
        InverseRoot.inverseRoot(right, eps, 4, ri);
        CommonOps_DDRM.mult(li, u, tmp);
        CommonOps_DDRM.mult(tmp, ri, u);
    }

    @Test
    void refreshOneIsThePerStepAlgorithmBitForBit() {
        for (int[] shape : new int[][]{{5, 3}, {3, 7}, {1, 4}, {6, 6}}) {
            Random r = new Random(shape[0] * 31L + shape[1]);
            GradientTransform t = Transforms.shampoo(1e-6, 1);
            GradientTransform plain = Transforms.shampoo(1e-6);
            TransformState st = t.init(shape[0], shape[1]), st2 = plain.init(shape[0], shape[1]);
            DMatrixRMaj left = new DMatrixRMaj(shape[0], shape[0]), right = new DMatrixRMaj(shape[1], shape[1]);
            for (int step = 0; step < 6; step++) {
                DMatrixRMaj g = gaussian(r, shape[0], shape[1]);
                DMatrixRMaj a = g.copy(), b = g.copy(), want = g.copy();
                t.update(a, st, null);
                plain.update(b, st2, null);
                referenceStep(want, left, right, 1e-6);
                assertArrayEquals(want.data, a.data, 0.0, "step " + step);
                assertArrayEquals(want.data, b.data, 0.0, "step " + step);
            }
        }
    }

    @Test
    void afterTheFirstKStepsTheRootsAreReusedForKStepsWhileStatisticsAccumulate() {
        Random r = new Random(4);
        GradientTransform t = Transforms.shampoo(1e-6, 3);
        TransformState st = t.init(4, 5);
        DMatrixRMaj left = new DMatrixRMaj(4, 4), right = new DMatrixRMaj(5, 5);
        DMatrixRMaj li = new DMatrixRMaj(1, 1), ri = new DMatrixRMaj(1, 1);
        for (int step = 1; step <= 7; step++) {
            DMatrixRMaj g = gaussian(r, 4, 5), got = g.copy();
            t.update(got, st, null);
            CommonOps_DDRM.multAddTransB(g, g, left);
            CommonOps_DDRM.multAddTransA(g, g, right);
            if (step <= 3 || step % 3 == 1) { // every step of the first K = 3, then steps 4 and 7
                InverseRoot.inverseRoot(left, 1e-6, 4, li);
                InverseRoot.inverseRoot(right, 1e-6, 4, ri);
            }
            DMatrixRMaj tmp = new DMatrixRMaj(4, 5), want = new DMatrixRMaj(4, 5);
            CommonOps_DDRM.mult(li, g, tmp);
            CommonOps_DDRM.mult(tmp, ri, want);
            assertArrayEquals(want.data, got.data, 0.0, "step " + step);
        }
    }

    @Test
    void aSideLongerThanTheLimitIsSkippedAndTheOtherTakesTheSquareRoot() {
        int cols = ShampooPreconditioner.MAX_DIM + 3;
        DMatrixRMaj g = gaussian(new Random(5), 2, cols), got = g.copy();
        GradientTransform t = Transforms.shampoo(1e-6, 100);
        t.update(got, t.init(2, cols), null);
        DMatrixRMaj left = new DMatrixRMaj(2, 2), li = new DMatrixRMaj(1, 1), want = new DMatrixRMaj(2, cols);
        CommonOps_DDRM.multAddTransB(g, g, left);
        InverseRoot.inverseRoot(left, 1e-6, 2, li);
        CommonOps_DDRM.mult(li, g, want);
        // the Gram products sum 4099 terms in another order than EJML's: relative 1e-13 of entries of size ~1
        assertTrue(maxAbsDiff(want, got) < 1e-12, "max diff " + maxAbsDiff(want, got));
    }

    @Test
    void aResumeBetweenRefreshesContinuesWithTheSameStaleRoots() throws IOException {
        Random r = new Random(6);
        DMatrixRMaj[] gs = new DMatrixRMaj[5];
        for (int i = 0; i < gs.length; i++) gs[i] = gaussian(r, 3, 4);
        // K = 2: steps 1, 2 refresh, 3 reuses step 2's roots, 4 the saved (stale) ones, 5 refreshes
        GradientTransform t = Transforms.shampoo(1e-6, 2);
        TransformState straight = t.init(3, 4), first = t.init(3, 4), resumed = t.init(3, 4);
        DMatrixRMaj a = null, b = null;
        for (int i = 0; i < gs.length; i++) {
            a = gs[i].copy();
            t.update(a, straight, null);
        }
        for (int i = 0; i < 3; i++) t.update(gs[i].copy(), first, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.write(new DataOutputStream(bytes));
        resumed.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 3; i < gs.length; i++) {
            b = gs[i].copy();
            t.update(b, resumed, null);
        }
        assertArrayEquals(a.data, b.data, 0.0);
    }

    @Test
    void insideAGemmScopeBigProductsAgreeAndDoNotDependOnTheTeam() {
        DMatrixRMaj g = gaussian(new Random(7), 64, 300);
        double[] plain = step(g, 0), one = step(g, 1), three = step(g, 3);
        assertArrayEquals(one, three, 0.0);
        double d = 0;
        for (int i = 0; i < plain.length; i++) d = Math.max(d, Math.abs(plain[i] - one[i]));
        // other summation order in the 64 x 64 and 300 x 300 Gram sums, amplified by the -1/4 roots (cond < 1e3)
        assertTrue(d < 1e-10, "max diff " + d);
    }

    private static double[] step(DMatrixRMaj g, int team) {
        GradientTransform t = Transforms.shampoo(1e-6, 100);
        TransformState st = t.init(g.numRows, g.numCols);
        DMatrixRMaj u = g.copy();
        if (team == 0) {
            t.update(u, st, null);
        } else {
            try (GemmThreads th = GemmThreads.of(team)) {
                Gemm.on(th).runScoped(() -> t.update(u, st, null));
            }
        }
        return u.data;
    }

    @Test
    void theSpecKeyIsValidatedAndRoundTrips() {
        assertEquals(1, ((ShampooSettings) OptimizerSettings.parse("shampoo")).refresh());
        ShampooSettings s = (ShampooSettings) OptimizerSettings.parse("shampoo:refresh=100");
        assertEquals(100, s.refresh());
        assertEquals("shampoo:refresh=100", s.toText());
        SpecException e = assertThrows(SpecException.class, () -> OptimizerSettings.parse("shampoo:refresh=0"));
        assertTrue(e.getMessage().contains("shampoo.refresh"), e.getMessage());
        assertThrows(SpecException.class, () -> OptimizerSettings.parse("adam:refresh=10"), "only shampoo has it");
    }
}

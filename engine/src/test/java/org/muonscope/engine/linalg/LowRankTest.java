package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowRankTest {

    @ParameterizedTest
    @CsvSource({"20,30,3", "100,100,10", "17,17,1", "50,60,12"})
    void reductionReconstructsAndRevealsTheRank(int q, int p, int rank) {
        DMatrixRMaj c = MatrixTestSupport.lowRank(new Random(q * p + rank), q, p, rank);
        LowRank lr = new LowRank();
        assertTrue(lr.reduce(c.data, q, p, q));
        assertEquals(rank, lr.rank);
        DMatrixRMaj mt = new DMatrixRMaj(rank, q);
        System.arraycopy(lr.mt, 0, mt.data, 0, rank * q);
        DMatrixRMaj qt = new DMatrixRMaj(rank, p);
        System.arraycopy(lr.qt, 0, qt.data, 0, rank * p);
        DMatrixRMaj back = new DMatrixRMaj(q, p);
        CommonOps_DDRM.multTransA(mt, qt, back);
        double scale = CommonOps_DDRM.elementMaxAbs(c);
        assertTrue(maxAbsDiff(back, c) < 1e-12 * scale, "C = M Q^T");
        DMatrixRMaj qtq = new DMatrixRMaj(rank, rank);
        CommonOps_DDRM.multTransB(qt, qt, qtq);
        assertTrue(maxAbsDiff(qtq, CommonOps_DDRM.identity(rank)) < 1e-13, "Q has orthonormal columns");
    }

    @Test
    void givesUpPastTheRankLimitAndHandlesZero() {
        DMatrixRMaj dense = MatrixTestSupport.gaussian(new Random(1), 20, 25);
        assertFalse(new LowRank().reduce(dense.data, 20, 25, 5));
        LowRank lr = new LowRank();
        assertTrue(lr.reduce(new double[20 * 25], 20, 25, 5));
        assertEquals(0, lr.rank);
    }

    @Test
    void axisAlignedColumnsNeedNoReflection() {
        // Rows already multiples of unit vectors exercise the tau = 0 branch.
        DMatrixRMaj c = new DMatrixRMaj(3, 4);
        c.set(0, 0, 2.0);
        c.set(1, 0, 1.0);
        c.set(2, 3, -3.0);
        LowRank lr = new LowRank();
        assertTrue(lr.reduce(c.data, 3, 4, 3));
        assertEquals(2, lr.rank);
        DMatrixRMaj mt = new DMatrixRMaj(2, 3);
        System.arraycopy(lr.mt, 0, mt.data, 0, 6);
        DMatrixRMaj qt = new DMatrixRMaj(2, 4);
        System.arraycopy(lr.qt, 0, qt.data, 0, 8);
        DMatrixRMaj back = new DMatrixRMaj(3, 4);
        CommonOps_DDRM.multTransA(mt, qt, back);
        assertTrue(maxAbsDiff(back, c) < 1e-15);
    }
}

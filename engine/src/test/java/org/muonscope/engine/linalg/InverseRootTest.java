package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class InverseRootTest {

    @Test
    void fourthPowerOfInverseFourthRootIsTheInverse() {
        DMatrixRMaj a = gaussian(new Random(3), 7, 7);
        DMatrixRMaj s = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransB(a, a, s);
        double eps = 0.1;
        DMatrixRMaj r = new DMatrixRMaj(1, 1);
        InverseRoot.inverseRoot(s, eps, 4, r);
        DMatrixRMaj r2 = new DMatrixRMaj(7, 7);
        DMatrixRMaj r4 = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.mult(r, r, r2);
        CommonOps_DDRM.mult(r2, r2, r4);
        DMatrixRMaj ridge = s.copy();
        for (int i = 0; i < 7; i++) {
            ridge.add(i, i, eps);
        }
        DMatrixRMaj prod = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.mult(r4, ridge, prod);
        assertTrue(maxAbsDiff(prod, CommonOps_DDRM.identity(7)) < 1e-10);
        DMatrixRMaj rt = r.copy();
        CommonOps_DDRM.transpose(rt);
        assertTrue(maxAbsDiff(r, rt) < 1e-15, "root is symmetric");
    }

    @Test
    void diagonalHandValues() {
        DMatrixRMaj r = new DMatrixRMaj(1, 1);
        InverseRoot.inverseRoot(CommonOps_DDRM.diag(16.0, 1.0, 0.0), 0.0, 4, r);
        // 16^(-1/4) = 0.5; the zero eigenvalue is below the cutoff and maps to 0 (pseudo-inverse).
        assertTrue(maxAbsDiff(r, CommonOps_DDRM.diag(0.5, 1.0, 0.0)) < 1e-14);
        InverseRoot.inverseRoot(CommonOps_DDRM.diag(9.0, 4.0), 0.0, 2, r);
        assertTrue(maxAbsDiff(r, CommonOps_DDRM.diag(1.0 / 3, 0.5)) < 1e-14);
    }
}

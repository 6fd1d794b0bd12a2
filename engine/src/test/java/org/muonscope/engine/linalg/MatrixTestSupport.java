package org.muonscope.engine.linalg;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;

/** Seeded random matrices and small measurements shared by the linalg and optim tests. */
public final class MatrixTestSupport {
    private MatrixTestSupport() {
    }

    public static DMatrixRMaj gaussian(Random rnd, int r, int c) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        return m;
    }

    /** A random {@code r x c} matrix of exact rank {@code rank} (product of Gaussian factors). */
    public static DMatrixRMaj lowRank(Random rnd, int r, int c, int rank) {
        DMatrixRMaj out = new DMatrixRMaj(r, c);
        CommonOps_DDRM.mult(gaussian(rnd, r, rank), gaussian(rnd, rank, c), out);
        return out;
    }

    public static double[] singularValues(DMatrixRMaj m) {
        return SingularOps_DDRM.singularValues(m.copy());
    }

    public static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double d = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
        }
        return d;
    }

    public static double relFrobDiff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
    }
}

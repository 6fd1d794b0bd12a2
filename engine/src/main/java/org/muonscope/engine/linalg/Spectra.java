package org.muonscope.engine.linalg;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Singular values, effective rank and random orthogonal matrices for the simplicity-bias experiments.
 *
 * <p>Effective rank (the project's convention, README "Simplicity Lab"): Roy and Vetterli's entropy rank
 * {@code exp(-sum_i p_i ln p_i)} with {@code p_i = s_i / sum_j s_j}. It is 1 for a rank-one matrix, {@code r}
 * for {@code r} equal nonzero singular values, and moves smoothly in between, so it can be drawn over time;
 * a threshold count jumps. Small-init noise still adds a little to it, which is why the routing lab starts
 * from a small init.
 */
public final class Spectra {
    private Spectra() {
    }

    /** Singular values of {@code m}, descending. {@code m} is not modified. */
    public static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) {
            throw new ArithmeticException("SVD did not converge on a " + m.numRows + "x" + m.numCols + " matrix");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** Entropy effective rank {@code exp(H(s / sum s))}; 0 for an all-zero spectrum. */
    public static double effectiveRank(double[] singularValues) {
        double sum = 0;
        for (double s : singularValues) sum += Math.abs(s);
        if (sum == 0) return 0;
        double h = 0;
        for (double s : singularValues) {
            double p = Math.abs(s) / sum;
            if (p > 0) h -= p * Math.log(p);
        }
        return Math.exp(h);
    }

    /** The number of singular values above {@code relative * s_max} (a cruder rank, for reports). */
    public static int thresholdRank(double[] singularValues, double relative) {
        double max = 0;
        for (double s : singularValues) max = Math.max(max, s);
        int r = 0;
        for (double s : singularValues) if (max > 0 && s > relative * max) r++;
        return r;
    }

    /**
     * A Haar-random {@code n x n} orthogonal matrix: QR of a Gaussian matrix with the signs of R's diagonal
     * moved into Q (without that fix the distribution is not uniform).
     */
    public static DMatrixRMaj randomOrthogonal(int n, Random rng) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < g.data.length; i++) g.data[i] = rng.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) throw new ArithmeticException("QR failed");
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int c = 0; c < n; c++) {
            if (r.get(c, c) < 0) {
                for (int i = 0; i < n; i++) q.set(i, c, -q.get(i, c));
            }
        }
        return q;
    }

    /** A Gaussian matrix with entries of standard deviation {@code std}. */
    public static DMatrixRMaj gaussian(int rows, int cols, double std, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = std * rng.nextGaussian();
        return m;
    }

    /** {@code a * b}, allocating the result. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }
}

package org.muonscope.engine.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;

/**
 * {@code (S + eps I)^(-1/root)} of a symmetric positive semi-definite {@code S} through its symmetric
 * eigendecomposition (Shampoo's preconditioner roots). Eigenvalues of {@code S + eps I} at or below
 * {@code 1e-13} of the largest are rounding noise of a rank-deficient {@code S}; they map to zero (a
 * pseudo-inverse root) rather than to a huge factor that would amplify that noise.
 */
public final class InverseRoot {
    /** Relative eigenvalue cutoff; eigenvalues are squared singular values, so this is about 3e-7 in singular values. */
    public static final double CUTOFF = 1e-13;

    private SymmetricQRAlgorithmDecomposition_DDRM eig;
    private int size = -1;
    private DMatrixRMaj work = new DMatrixRMaj(1, 1);
    private DMatrixRMaj vecs = new DMatrixRMaj(1, 1);
    private double[] factor = new double[0];

    /** With a fresh workspace; see {@link #apply}. */
    public static void inverseRoot(DMatrixRMaj s, double eps, int root, DMatrixRMaj out) {
        new InverseRoot().apply(s, eps, root, out);
    }

    /**
     * {@code out = (s + eps I)^(-1/root)}.
     *
     * @param s    Not modified. Symmetric, square.
     * @param eps  ridge added to the diagonal, {@code >= 0}
     * @param root the root, {@code >= 1}
     * @param out  Modified. Reshaped to {@code s}'s shape.
     */
    public void apply(DMatrixRMaj s, double eps, int root, DMatrixRMaj out) {
        int n = s.numRows;
        if (s.numCols != n) {
            throw new IllegalArgumentException("inverse root needs a square matrix, got " + n + "x" + s.numCols);
        }
        out.reshape(n, n);
        if (!Polar.allFinite(s)) {
            Arrays.fill(out.data, 0, n * n, Double.NaN);
            return;
        }
        if (size != n) {
            eig = new SymmetricQRAlgorithmDecomposition_DDRM(true);
            work = new DMatrixRMaj(n, n);
            vecs = new DMatrixRMaj(n, n);
            factor = new double[n];
            size = n;
        }
        work.setTo(s);
        for (int i = 0; i < n; i++) {
            work.data[i * n + i] += eps;
        }
        if (!eig.decompose(work)) {
            throw new ArithmeticException("symmetric eigendecomposition did not converge on a " + n + "x" + n + " matrix");
        }
        double lmax = 0;
        for (int i = 0; i < n; i++) {
            lmax = Math.max(lmax, eig.getEigenvalue(i).real);
        }
        for (int i = 0; i < n; i++) {
            double l = eig.getEigenvalue(i).real;
            factor[i] = l > CUTOFF * lmax ? Math.pow(l, -1.0 / root) : 0.0;
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int r = 0; r < n; r++) {
                vecs.data[r * n + i] = v.data[r];
            }
        }
        double[] o = out.data;
        double[] q = vecs.data;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += q[i * n + k] * factor[k] * q[j * n + k];
                }
                o[i * n + j] = acc;
                o[j * n + i] = acc;
            }
        }
    }
}

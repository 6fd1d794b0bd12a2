package org.muonscope.engine.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.svd.SvdImplicitQrDecompose_DDRM;

/**
 * The polar factor {@code U V^T} of the compact SVD {@code G = U S V^T}: the spectral-norm steepest-descent
 * direction (SpecGD). Singular values below {@code 1e-12 * s_max} count as zero, so a rank-deficient gradient
 * gives a partial isometry on its row / column space and no spurious directions; a zero gradient gives zero.
 * A non-finite input gives an all-NaN output (the caller's divergence check sees it).
 */
public final class Polar {
    /** Relative cutoff below which a singular value is treated as zero (docs/theory.md section 2). */
    public static final double RANK_CUTOFF = 1e-12;

    private Polar() {
    }

    /**
     * {@code out = U V^T} of {@code g}.
     *
     * @param g   Not modified.
     * @param out Modified. Reshaped to the shape of {@code g}; may not be {@code g}.
     */
    public static void polar(DMatrixRMaj g, DMatrixRMaj out) {
        new PolarSolver().compute(g, out);
    }

    /** The plain-EJML reference: a full compact SVD per call. Slow; kept for tests and as the fallback. */
    public static void polarSvd(DMatrixRMaj g, DMatrixRMaj out) {
        int m = g.numRows;
        int n = g.numCols;
        out.reshape(m, n);
        if (!allFinite(g)) {
            java.util.Arrays.fill(out.data, 0, m * n, Double.NaN);
            return;
        }
        SvdImplicitQrDecompose_DDRM svd = new SvdImplicitQrDecompose_DDRM(true, true, true, false);
        if (!svd.decompose(g.copy())) {
            throw new ArithmeticException("SVD did not converge on a " + m + "x" + n + " matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        int k = svd.numberOfSingularValues();
        double smax = 0;
        for (int i = 0; i < k; i++) {
            smax = Math.max(smax, s[i]);
        }
        out.zero();
        if (smax == 0) {
            return;
        }
        for (int c = 0; c < k; c++) {
            if (s[c] <= RANK_CUTOFF * smax) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                double ui = u.data[i * k + c];
                if (ui == 0) {
                    continue;
                }
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    out.data[row + j] += ui * v.data[j * k + c];
                }
            }
        }
    }

    static boolean allFinite(DMatrixRMaj g) {
        int n = g.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(g.data[i])) {
                return false;
            }
        }
        return true;
    }
}

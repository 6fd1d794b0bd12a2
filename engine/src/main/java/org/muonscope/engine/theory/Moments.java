package org.muonscope.engine.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * The second moments a linear model's loss depends on: {@code Sxx = E[x x^T]} ({@code d x d}) and
 * {@code Syx = E[y x^T]} ({@code k x d}); {@code E||y||^2 = 1} always, as labels are one-hot.
 *
 * <p>A {@link MomentSource} may hand out the same instance at every step and overwrite it in place (mini-batch
 * mode), so a consumer must read it before asking for the next one and must not modify it.
 */
public final class Moments {
    private final DMatrixRMaj sxx;
    private final DMatrixRMaj syx;
    private boolean sxxDiagonal;

    /** Takes ownership of both matrices. */
    public Moments(DMatrixRMaj sxx, DMatrixRMaj syx) {
        if (sxx.numRows != sxx.numCols || syx.numCols != sxx.numCols) {
            throw new IllegalArgumentException("Sxx must be d x d and Syx k x d, got " + sxx.numRows + "x" + sxx.numCols
                    + " and " + syx.numRows + "x" + syx.numCols);
        }
        this.sxx = sxx;
        this.syx = syx;
        refresh();
    }

    /** {@code E[x x^T]}, {@code d x d}, symmetric. */
    public DMatrixRMaj sxx() {
        return sxx;
    }

    /** {@code E[y x^T]}, {@code k x d}. */
    public DMatrixRMaj syx() {
        return syx;
    }

    /**
     * True when every off-diagonal entry of {@code Sxx} is exactly zero (population moments of the axis-aligned
     * mixture): models then compute {@code W Sxx} in {@code O(k d)} instead of {@code O(k d^2)}.
     */
    public boolean sxxDiagonal() {
        return sxxDiagonal;
    }

    public int classes() {
        return syx.numRows;
    }

    public int dim() {
        return sxx.numCols;
    }

    /** Re-derives {@link #sxxDiagonal} after the matrices were overwritten in place. */
    void refresh() {
        int d = sxx.numCols;
        double[] s = sxx.data;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i != j && s[i * d + j] != 0) {
                    sxxDiagonal = false;
                    return;
                }
            }
        }
        sxxDiagonal = true;
    }
}

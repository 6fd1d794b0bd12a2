package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.InverseRoot;

/**
 * Shampoo (Gupta et al. 2018) without grafting or blocking: {@code L += u u^T}, {@code R += u^T u} every step,
 * {@code u <- (L + eps I)^(-1/4) u (R + eps I)^(-1/4)}, with the inverse roots recomputed at every step of the
 * first {@code refresh} steps and then every {@code refresh} steps (K + 1, 2K + 1, ...), reused in between, as
 * distributed Shampoo does with its {@code precondition_frequency} (decision 0505). With {@code refresh = 1}
 * this is exactly the original per-step algorithm.
 *
 * <p>Why every step at first: roots from the first few gradients map each direction those have not spanned to
 * {@code eps^(-1/4)} (1000 for the default 1e-12), and the next gradients have such directions: with roots kept
 * from step 1 the paper CNN's loss became NaN by step 6 (lr 0.001). After {@code refresh} steps the
 * statistics span what the gradients visit (distributed Shampoo waits for a {@code start_preconditioning_step}
 * and grafts a first-order step before it; this transform has no grafting).
 *
 * <p>A side longer than {@link #MAX_DIM} is not preconditioned and its statistics are not kept (the paper CNN's
 * dense layer would need a 7744 x 7744 matrix, 480 MB, and a 7744-point eigendecomposition); the other side
 * then takes the root {@code -1/2}, the exponent being {@code -1/(2 * preconditioned sides)} as in Anil et al.'s
 * distributed Shampoo, whose default for skipping a dimension is the same 4096.
 *
 * <p>Inside a {@link Gemm#runScoped} scope (a CNN run) big products run on the scope's multi-threaded GEMM
 * (same sums up to their order; thread-count independent); outside, EJML's loops as always, so the theory
 * models keep their numbers. The saved state is the two sums, the step count and, when {@code refresh > 1},
 * the inverse roots in use (a run resumed between two refreshes must precondition with the same stale roots).
 */
final class ShampooPreconditioner implements GradientTransform {
    /** Sides longer than this are left unpreconditioned (Google's distributed Shampoo skips dimensions > 4096). */
    static final int MAX_DIM = 4096;
    /**
     * The refresh interval of distributed Shampoo in practice: Meta's DistributedShampoo README configurations use
     * {@code precondition_frequency=100} (the library's own default is 1, the exact algorithm).
     */
    static final int PRACTICE_REFRESH = 100;
    /** Products at least this big (elements of u) go to the scoped GEMM. */
    private static final int GEMM_MIN = 1 << 14;

    private final double eps;
    private final int refresh;

    ShampooPreconditioner(double eps, int refresh) {
        if (refresh < 1) throw new IllegalArgumentException("refresh must be >= 1, got " + refresh);
        this.eps = eps;
        this.refresh = refresh;
    }

    @Override
    public TransformState init(int rows, int cols) {
        return new State(rows <= MAX_DIM ? rows : 0, cols <= MAX_DIM ? cols : 0, rows, cols, refresh > 1);
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        State s = (State) state;
        DMatrixRMaj left = s.m[0];
        DMatrixRMaj right = s.m[1];
        boolean hasLeft = left.numRows > 0, hasRight = right.numRows > 0;
        Gemm gemm = u.getNumElements() >= GEMM_MIN ? Gemm.scoped() : null;
        int r = u.numRows, c = u.numCols;
        if (gemm == null) {
            if (hasLeft) CommonOps_DDRM.multAddTransB(u, u, left);
            if (hasRight) CommonOps_DDRM.multAddTransA(u, u, right);
        } else {
            if (hasLeft) gemm.dgemm(false, true, r, r, c, 1.0, u.data, 0, c, u.data, 0, c, 1.0, left.data, 0, r);
            if (hasRight) gemm.dgemm(true, false, c, c, r, 1.0, u.data, 0, c, u.data, 0, c, 1.0, right.data, 0, c);
        }
        s.count++;
        if (s.count <= refresh || (s.count - 1) % refresh == 0) {
            int root = 2 * ((hasLeft ? 1 : 0) + (hasRight ? 1 : 0));
            if (hasLeft) s.leftRoot.apply(left, eps, root, s.leftInv);
            if (hasRight) s.rightRoot.apply(right, eps, root, s.rightInv);
        }
        if (hasLeft && hasRight && gemm == null) {
            CommonOps_DDRM.mult(s.leftInv, u, s.tmp);
            CommonOps_DDRM.mult(s.tmp, s.rightInv, u);
        } else if (gemm == null) {
            if (hasLeft) {
                CommonOps_DDRM.mult(s.leftInv, u, s.tmp);
                u.setTo(s.tmp);
            } else if (hasRight) {
                CommonOps_DDRM.mult(u, s.rightInv, s.tmp);
                u.setTo(s.tmp);
            }
        } else {
            if (hasLeft) {
                gemm.dgemm(false, false, r, c, r, 1.0, s.leftInv.data, 0, r, u.data, 0, c, 0.0, s.tmp.data, 0, c);
            } else {
                System.arraycopy(u.data, 0, s.tmp.data, 0, r * c);
            }
            if (hasRight) {
                gemm.dgemm(false, false, r, c, c, 1.0, s.tmp.data, 0, c, s.rightInv.data, 0, c, 0.0, u.data, 0, c);
            } else {
                System.arraycopy(s.tmp.data, 0, u.data, 0, r * c);
            }
        }
    }

    private static final class State extends MatrixState {
        final InverseRoot leftRoot = new InverseRoot();
        final InverseRoot rightRoot = new InverseRoot();
        final DMatrixRMaj leftInv;
        final DMatrixRMaj rightInv;
        final DMatrixRMaj tmp;
        /** Whether the roots are saved: they are stale between refreshes only when refresh > 1. */
        final boolean saveRoots;

        State(int leftDim, int rightDim, int rows, int cols, boolean saveRoots) {
            super(new DMatrixRMaj(leftDim, leftDim), new DMatrixRMaj(rightDim, rightDim));
            leftInv = new DMatrixRMaj(leftDim, leftDim);
            rightInv = new DMatrixRMaj(rightDim, rightDim);
            tmp = new DMatrixRMaj(rows, cols);
            this.saveRoots = saveRoots;
        }

        @Override
        public void write(DataOutput out) throws IOException {
            super.write(out);
            if (!saveRoots) return;
            for (DMatrixRMaj a : new DMatrixRMaj[]{leftInv, rightInv}) {
                for (int i = 0; i < a.getNumElements(); i++) out.writeDouble(a.data[i]);
            }
        }

        @Override
        public void read(DataInput in) throws IOException {
            super.read(in);
            if (!saveRoots) return;
            for (DMatrixRMaj a : new DMatrixRMaj[]{leftInv, rightInv}) {
                for (int i = 0; i < a.getNumElements(); i++) a.data[i] = in.readDouble();
            }
        }
    }
}

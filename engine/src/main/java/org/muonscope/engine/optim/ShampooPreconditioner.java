package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.linalg.InverseRoot;

/**
 * Shampoo (Gupta et al. 2018) without grafting or blocking: {@code L += u u^T}, {@code R += u^T u},
 * {@code u <- (L + eps I)^(-1/4) u (R + eps I)^(-1/4)}. The saved state is the two accumulated sums; the
 * inverse roots are recomputed each step (exact, no stale preconditioner).
 */
final class ShampooPreconditioner implements GradientTransform {
    private final double eps;

    ShampooPreconditioner(double eps) {
        this.eps = eps;
    }

    @Override
    public TransformState init(int rows, int cols) {
        return new State(rows, cols);
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        State s = (State) state;
        DMatrixRMaj left = s.m[0];
        DMatrixRMaj right = s.m[1];
        CommonOps_DDRM.multAddTransB(u, u, left);
        CommonOps_DDRM.multAddTransA(u, u, right);
        s.count++;
        s.leftRoot.apply(left, eps, 4, s.leftInv);
        s.rightRoot.apply(right, eps, 4, s.rightInv);
        CommonOps_DDRM.mult(s.leftInv, u, s.tmp);
        CommonOps_DDRM.mult(s.tmp, s.rightInv, u);
    }

    private static final class State extends MatrixState {
        final InverseRoot leftRoot = new InverseRoot();
        final InverseRoot rightRoot = new InverseRoot();
        final DMatrixRMaj leftInv;
        final DMatrixRMaj rightInv;
        final DMatrixRMaj tmp;

        State(int rows, int cols) {
            super(new DMatrixRMaj(rows, rows), new DMatrixRMaj(cols, cols));
            leftInv = new DMatrixRMaj(rows, rows);
            rightInv = new DMatrixRMaj(cols, cols);
            tmp = new DMatrixRMaj(rows, cols);
        }
    }
}

package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.PolarSolver;

/** {@code u <- U V^T}, the exact polar factor, through a per-parameter {@link PolarSolver}. */
final class PolarOrtho implements GradientTransform {

    @Override
    public TransformState init(int rows, int cols) {
        return new State(rows, cols);
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        State s = (State) state;
        s.solver.compute(u, s.out);
        System.arraycopy(s.out.data, 0, u.data, 0, u.getNumElements());
    }

    private static final class State implements TransformState {
        final PolarSolver solver = new PolarSolver();
        final DMatrixRMaj out;

        State(int rows, int cols) {
            out = new DMatrixRMaj(rows, cols);
        }

        // The solver's warm start changes results only in the last bits; it is saved so resumes are bit-exact.
        @Override
        public void write(DataOutput out) throws IOException {
            solver.writeWarmStart(out);
        }

        @Override
        public void read(DataInput in) throws IOException {
            solver.readWarmStart(in);
        }
    }
}

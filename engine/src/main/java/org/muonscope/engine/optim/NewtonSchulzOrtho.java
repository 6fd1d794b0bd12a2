package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.NewtonSchulz;

/** {@code u <- NS_steps(u)}, Muon's approximate orthogonalization; the workspace lives in the (unsaved) state. */
final class NewtonSchulzOrtho implements GradientTransform {
    private final int steps;

    NewtonSchulzOrtho(int steps) {
        this.steps = steps;
    }

    @Override
    public TransformState init(int rows, int cols) {
        return new Workspace();
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        ((Workspace) state).ns.apply(u, steps, u);
    }

    /** Scratch space plus the solver's path choice, which is saved because it decides the last bits. */
    private static final class Workspace implements TransformState {
        final NewtonSchulz ns = new NewtonSchulz();

        @Override
        public void write(java.io.DataOutput out) throws java.io.IOException {
            ns.writeState(out);
        }

        @Override
        public void read(java.io.DataInput in) throws java.io.IOException {
            ns.readState(in);
        }
    }
}

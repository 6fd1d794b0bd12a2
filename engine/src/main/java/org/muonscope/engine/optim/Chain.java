package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** Transforms applied one after the other; the chain is itself a transform (optax {@code chain}). */
public final class Chain implements GradientTransform {
    private final GradientTransform[] stages;

    private Chain(GradientTransform[] stages) {
        this.stages = stages;
    }

    public static Chain of(GradientTransform... stages) {
        return new Chain(stages.clone());
    }

    public static Chain of(List<GradientTransform> stages) {
        return new Chain(stages.toArray(new GradientTransform[0]));
    }

    /** The stages, in order. */
    public List<GradientTransform> stages() {
        return List.of(stages);
    }

    @Override
    public TransformState init(int rows, int cols) {
        TransformState[] states = new TransformState[stages.length];
        for (int i = 0; i < stages.length; i++) {
            states[i] = stages[i].init(rows, cols);
        }
        return new State(states);
    }

    @Override
    public void update(DMatrixRMaj u, TransformState state, DMatrixRMaj param) {
        TransformState[] states = ((State) state).states;
        for (int i = 0; i < stages.length; i++) {
            stages[i].update(u, states[i], param);
        }
    }

    /** The state of stage {@code i} inside a state this chain made. */
    TransformState stageState(TransformState chainState, int i) {
        return ((State) chainState).states[i];
    }

    GradientTransform stage(int i) {
        return stages[i];
    }

    int size() {
        return stages.length;
    }

    private record State(TransformState[] states) implements TransformState {
        @Override
        public void write(DataOutput out) throws IOException {
            for (TransformState s : states) {
                s.write(out);
            }
        }

        @Override
        public void read(DataInput in) throws IOException {
            for (TransformState s : states) {
                s.read(in);
            }
        }
    }
}

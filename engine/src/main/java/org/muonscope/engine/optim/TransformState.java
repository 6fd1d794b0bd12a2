package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The per-parameter state of a {@link GradientTransform}. {@link #write} and {@link #read} must round-trip
 * every value that influences a later step, so that a resumed run is bit-identical to an uninterrupted one.
 */
public interface TransformState {

    /** Writes the state. */
    void write(DataOutput out) throws IOException;

    /** Overwrites this state with what {@link #write} wrote for a parameter of the same shape. */
    void read(DataInput in) throws IOException;

    /** The state of a stateless transform. */
    TransformState NONE = new TransformState() {
        @Override
        public void write(DataOutput out) {
        }

        @Override
        public void read(DataInput in) {
        }
    };
}

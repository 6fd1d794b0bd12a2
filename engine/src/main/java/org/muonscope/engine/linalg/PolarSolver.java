package org.muonscope.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * A reusable polar-factor solver: holds the workspaces (and warm start) for one parameter so that repeated
 * calls on same-shaped matrices do not allocate.
 */
public final class PolarSolver {

    /** {@code out = U V^T} of {@code g}; see {@link Polar}. */
    public void compute(DMatrixRMaj g, DMatrixRMaj out) {
        Polar.polarSvd(g, out);
    }

    /** Writes the warm-start data (it changes results in the last bits, so a bit-exact resume needs it). */
    public void writeWarmStart(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(0);
    }

    /** Restores what {@link #writeWarmStart} wrote. */
    public void readWarmStart(java.io.DataInput in) throws java.io.IOException {
        in.readInt();
    }
}

package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ejml.data.DMatrixRMaj;

/** The state of transforms that keep a few same-shaped matrices and a counter, serialized bit-exactly. */
class MatrixState implements TransformState {
    final DMatrixRMaj[] m;
    long count;

    MatrixState(DMatrixRMaj... m) {
        this.m = m;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeLong(count);
        for (DMatrixRMaj a : m) {
            out.writeInt(a.numRows);
            out.writeInt(a.numCols);
            int n = a.getNumElements();
            for (int i = 0; i < n; i++) {
                out.writeDouble(a.data[i]);
            }
        }
    }

    @Override
    public void read(DataInput in) throws IOException {
        count = in.readLong();
        for (DMatrixRMaj a : m) {
            int r = in.readInt();
            int c = in.readInt();
            if (r != a.numRows || c != a.numCols) {
                throw new IOException("optimizer state has a " + r + "x" + c + " matrix where " + a.numRows + "x"
                        + a.numCols + " was expected");
            }
            int n = a.getNumElements();
            for (int i = 0; i < n; i++) {
                a.data[i] = in.readDouble();
            }
        }
    }
}

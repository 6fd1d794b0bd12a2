package org.muonscope.engine.model.cnn;

/** Grow-only reusable arrays: layers see batch sizes from 1 to the evaluation batch. */
final class Buffers {
    private Buffers() { }

    static float[] atLeast(float[] buf, int len) {
        return buf != null && buf.length >= len ? buf : new float[len];
    }

    static byte[] atLeast(byte[] buf, int len) {
        return buf != null && buf.length >= len ? buf : new byte[len];
    }

    static int[] atLeast(int[] buf, int len) {
        return buf != null && buf.length >= len ? buf : new int[len];
    }
}

package org.muonscope.engine.model.cnn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the pooling loops of {@link ConvKernels}, lane for lane the same results (max,
 * comparisons and selects are exact). HotSpot does not vectorize these loops itself: a chain of four
 * {@code Math.max} over four streams ran at 4 ns per output, scalar. Only loaded when
 * {@code jdk.incubator.vector} is present ({@link ConvKernels#VECTOR}).
 */
final class VectorLoops {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));

    private VectorLoops() { }

    /** One row of {@link ConvKernels#storePoolRelu}: the four candidates at {@code p0 + q * quarter + j}. */
    static void poolRelu(float[] pre, int p0, int quarter, float bo, float[] y, int dst, byte[] arg) {
        int j = 0;
        FloatVector zero = FloatVector.zero(F);
        IntVector one = IntVector.broadcast(I, 1), two = IntVector.broadcast(I, 2), izero = IntVector.zero(I);
        for (int upper = F.loopBound(quarter); j < upper; j += L) {
            FloatVector v0 = FloatVector.fromArray(F, pre, p0 + j).add(bo);
            FloatVector v1 = FloatVector.fromArray(F, pre, p0 + quarter + j).add(bo);
            FloatVector v2 = FloatVector.fromArray(F, pre, p0 + 2 * quarter + j).add(bo);
            FloatVector v3 = FloatVector.fromArray(F, pre, p0 + 3 * quarter + j).add(bo);
            FloatVector m01 = v0.max(v1), m23 = v2.max(v3);
            m01.max(m23).max(zero).intoArray(y, dst + j);
            if (arg != null) {
                VectorMask<Integer> c01 = v1.compare(VectorOperators.GT, v0).cast(I);
                VectorMask<Integer> c23 = v3.compare(VectorOperators.GT, v2).cast(I);
                VectorMask<Integer> c = m23.compare(VectorOperators.GT, m01).cast(I);
                IntVector w = izero.blend(one, c01).blend(two.add(izero.blend(one, c23)), c);
                ((ByteVector) w.convertShape(VectorOperators.I2B, B, 0)).intoArray(arg, dst + j);
            }
        }
        ConvKernels.poolReluRow(pre, p0, quarter, bo, y, dst, arg, j);
    }

    /** One row of {@link ConvKernels#loadPoolRelu}: quadrant {@code q} of {@code dpre} at {@code d0 + q * quarter}. */
    static void unpoolRelu(float[] dy, float[] y, byte[] arg, int src, int quarter, float[] dpre, int d0) {
        int j = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(quarter); j < upper; j += L) {
            FloatVector g = FloatVector.fromArray(F, dy, src + j);
            VectorMask<Float> live = FloatVector.fromArray(F, y, src + j).compare(VectorOperators.GT, 0f);
            g = zero.blend(g, live);
            IntVector w = (IntVector) ByteVector.fromArray(B, arg, src + j).convertShape(VectorOperators.B2I, I, 0);
            for (int q = 0; q < 4; q++) {
                zero.blend(g, w.compare(VectorOperators.EQ, q).cast(F)).intoArray(dpre, d0 + q * quarter + j);
            }
        }
        ConvKernels.unpoolReluRow(dy, y, arg, src, quarter, dpre, d0, j);
    }

    /**
     * Copies {@code len} floats like {@code System.arraycopy}, in whole vectors: up to {@code L - 1} floats past
     * {@code d + len} may be overwritten with whatever follows in {@code src}, so callers copy in increasing
     * order into a buffer of their own and write what follows afterwards. A short run costs one load and one
     * store instead of a call (im2col copies rows of 11 floats). Falls back to an exact copy near the arrays' ends.
     */
    static void copySloppy(float[] src, int s, float[] dst, int d, int len) {
        int padded = (len + L - 1) / L * L;
        if (s + padded > src.length || d + padded > dst.length) {
            System.arraycopy(src, s, dst, d, len);
            return;
        }
        for (int j = 0; j < padded; j += L) FloatVector.fromArray(F, src, s + j).intoArray(dst, d + j);
    }

    /** {@code dst[d + t] += src[s + t]} for {@code t < len} (HotSpot does not vectorize it: the arrays might alias). */
    static void addInto(float[] dst, int d, float[] src, int s, int len) {
        int t = 0;
        for (int upper = F.loopBound(len); t < upper; t += L) {
            FloatVector.fromArray(F, dst, d + t).add(FloatVector.fromArray(F, src, s + t)).intoArray(dst, d + t);
        }
        for (; t < len; t++) dst[d + t] += src[s + t];
    }

    /** {@code y[d + t] = max(x[s + t] + bias, 0)}, or without the ReLU. */
    static void bias(float[] x, int s, float bias, boolean relu, float[] y, int d, int len) {
        int t = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(len); t < upper; t += L) {
            FloatVector v = FloatVector.fromArray(F, x, s + t).add(bias);
            (relu ? v.max(zero) : v).intoArray(y, d + t);
        }
        for (; t < len; t++) y[d + t] = relu ? Math.max(x[s + t] + bias, 0f) : x[s + t] + bias;
    }

    /** {@code g[d + t] = y[s + t] > 0 ? dy[s + t] : 0} for a ReLU output {@code y}. */
    static void pass(float[] dy, float[] y, int s, float[] g, int d, int len) {
        int t = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(len); t < upper; t += L) {
            VectorMask<Float> live = FloatVector.fromArray(F, y, s + t).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(F, dy, s + t), live).intoArray(g, d + t);
        }
        for (; t < len; t++) g[d + t] = ConvKernels.pass(dy[s + t], y[s + t]);
    }

    /**
     * {@code rows} rows of {@code len <= L} floats from {@code src} (stride {@code ss}) to {@code dst} (stride
     * {@code ds}, increasing), one unmasked vector per row: up to {@code L - len} floats after each row are
     * overwritten with what follows in {@code src}, then by the next row, the last spill landing past the block
     * (callers write what follows afterwards, or own spare room). Returns false, copying nothing, when a row is
     * longer than a vector or a whole vector would read or write past an array's end.
     */
    static boolean copyRows(float[] src, int s, int ss, float[] dst, int d, int ds, int rows, int len) {
        if (len > L || rows <= 0 || s + (rows - 1) * ss + L > src.length || d + (rows - 1) * ds + L > dst.length) {
            return false;
        }
        for (int r = 0; r < rows; r++) FloatVector.fromArray(F, src, s + r * ss).intoArray(dst, d + r * ds);
        return true;
    }

    /** Floats per block of a lane sum: small enough that float lanes lose nothing a double would keep here. */
    private static final int BLOCK = 256;

    /**
     * {@code sum (x[t] - c)} and {@code sum (x[t] - c)^2} over {@code [off, off + len)} into {@code out[0..1]}:
     * float lanes within blocks of 256, each block's lanes added in lane order into doubles. A fixed order, and
     * per-block float error (~1e-7 relative over 16 terms a lane) far below what batch statistics need.
     */
    static void moments(float[] x, int off, int len, float c, double[] out, float[] lanes) {
        double s1 = 0, s2 = 0;
        for (int b = 0; b < len; b += BLOCK) {
            int end = Math.min(len, b + BLOCK), t = b;
            FloatVector a1 = FloatVector.zero(F), a2 = FloatVector.zero(F);
            for (int upper = b + F.loopBound(end - b); t < upper; t += L) {
                FloatVector d = FloatVector.fromArray(F, x, off + t).sub(c);
                a1 = a1.add(d);
                a2 = d.fma(d, a2);
            }
            a1.intoArray(lanes, 0);
            for (int l = 0; l < L; l++) s1 += lanes[l];
            a2.intoArray(lanes, 0);
            for (int l = 0; l < L; l++) s2 += lanes[l];
            for (; t < end; t++) {
                double d = x[off + t] - c;
                s1 += d;
                s2 += d * d;
            }
        }
        out[0] = s1;
        out[1] = s2;
    }

    /** {@code y = x * scale + shift}, through a ReLU when asked, over {@code [off, off + len)}. */
    static void affine(float[] x, int off, int len, float scale, float shift, boolean relu, float[] y) {
        int t = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(len); t < upper; t += L) {
            FloatVector v = FloatVector.fromArray(F, x, off + t).fma(scale, shift);
            (relu ? v.max(zero) : v).intoArray(y, off + t);
        }
        for (; t < len; t++) {
            float v = Math.fma(x[off + t], scale, shift);
            y[off + t] = relu ? Math.max(v, 0f) : v;
        }
    }

    /** {@code out[0] = sum g}, {@code out[1] = sum g (x - m)} over {@code [off, off + len)}, as {@link #moments}. */
    static void gradSums(float[] g, float[] x, int off, int len, float m, double[] out, float[] lanes) {
        double s1 = 0, s2 = 0;
        for (int b = 0; b < len; b += BLOCK) {
            int end = Math.min(len, b + BLOCK), t = b;
            FloatVector a1 = FloatVector.zero(F), a2 = FloatVector.zero(F);
            for (int upper = b + F.loopBound(end - b); t < upper; t += L) {
                FloatVector gv = FloatVector.fromArray(F, g, off + t);
                a1 = a1.add(gv);
                a2 = gv.fma(FloatVector.fromArray(F, x, off + t).sub(m), a2);
            }
            a1.intoArray(lanes, 0);
            for (int l = 0; l < L; l++) s1 += lanes[l];
            a2.intoArray(lanes, 0);
            for (int l = 0; l < L; l++) s2 += lanes[l];
            for (; t < end; t++) {
                s1 += g[off + t];
                s2 += (double) g[off + t] * (x[off + t] - m);
            }
        }
        out[0] = s1;
        out[1] = s2;
    }

    /** {@code g = a g + b + c (x - m)} in place over {@code [off, off + len)} (batch norm's input gradient). */
    static void bnInputGrad(float[] g, float[] x, int off, int len, float m, float a, float b, float c) {
        int t = 0;
        for (int upper = F.loopBound(len); t < upper; t += L) {
            FloatVector xm = FloatVector.fromArray(F, x, off + t).sub(m);
            FloatVector.fromArray(F, g, off + t).fma(FloatVector.broadcast(F, a), xm.fma(c, b)).intoArray(g, off + t);
        }
        for (; t < len; t++) g[off + t] = Math.fma(g[off + t], a, Math.fma(x[off + t] - m, c, b));
    }
}

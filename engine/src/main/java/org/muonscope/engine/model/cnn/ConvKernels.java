package org.muonscope.engine.model.cnn;

import java.util.Arrays;

/**
 * The loops of {@link Conv2d} on one chunk of images {@code [b0, b1)} of a CNHW batch of {@code n}: im2col and
 * its adjoint, and the fused output stages (bias, ReLU, flatten, 2x2 max-pool) with their backward. Static
 * methods, not lambda bodies: C2 compiles them as whole methods (decision 0501 measured 3-4x for im2col).
 *
 * <p>A chunk's pre-activation {@code pre} is {@code outC x (chunk * oh * ow)}, row-major, columns in
 * {@code (b - b0, oy, ox)} order: what the GEMM {@code W cols} produces for the chunk.
 */
final class ConvKernels {
    /** The pooling loops use {@link VectorLoops} when the Vector API is on (as for the GEMM). */
    static final boolean VECTOR = org.muonscope.engine.linalg.Gemm.vectorAvailable();

    private ConvKernels() { }

    /** The convolution's geometry. */
    record Geometry(int inC, int ih, int iw, int k, int stride, int pad, int oh, int ow) {
        int fanIn() {
            return inC * k * k;
        }

        int outPlane() {
            return oh * ow;
        }
    }

    /** {@code cols[(ci*k + ky)*k + kx][(b-b0)*oh*ow + oy*ow + ox] = x[ci][b][oy*s+ky-pad][ox*s+kx-pad]}, 0 outside. */
    static void im2col(Geometry g, float[] x, int n, int b0, int b1, float[] cols) {
        int k = g.k(), s = g.stride(), pad = g.pad(), ih = g.ih(), iw = g.iw(), oh = g.oh(), ow = g.ow();
        int kk = k * k, rows = g.fanIn();
        int dst = 0;
        for (int r = 0; r < rows; r++) {
            int ci = r / kk, ky = (r % kk) / k, kx = r % k;
            // output columns whose input column is inside the image: ox in [lo, hi)
            int lo = Math.max(0, ceilDiv(pad - kx, s)), hi = Math.min(ow, ceilDiv(iw + pad - kx, s));
            if (hi < lo) hi = lo;
            for (int b = b0; b < b1; b++) {
                int plane = (ci * n + b) * ih * iw;
                if (VECTOR && pad == 0 && s == 1
                        && VectorLoops.copyRows(x, plane + ky * iw + kx, iw, cols, dst, ow, oh, ow)) {
                    // no padding, stride 1: the patch row of an image is oh rows of ow, one vector each
                    dst += oh * ow;
                    continue;
                }
                for (int oy = 0; oy < oh; oy++, dst += ow) {
                    int iy = oy * s + ky - pad;
                    if (iy < 0 || iy >= ih) {
                        Arrays.fill(cols, dst, dst + ow, 0f);
                        continue;
                    }
                    for (int ox = 0; ox < lo; ox++) cols[dst + ox] = 0f;
                    int src = plane + iy * iw + kx - pad;
                    if (s == 1) {
                        // rows are written in increasing order and the zeros after each row come after it: a
                        // sloppy copy's spill is always overwritten
                        if (hi > lo) copy(x, src + lo, cols, dst + lo, hi - lo);
                    } else {
                        for (int ox = lo; ox < hi; ox++) cols[dst + ox] = x[src + ox * s];
                    }
                    for (int ox = hi; ox < ow; ox++) cols[dst + ox] = 0f;
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: overwrites {@code dx} for the chunk's images (each image belongs to one
     * chunk, so chunks never add into the same element), summing over {@code (ky, kx)} in a fixed order.
     */
    static void col2im(Geometry g, float[] dcols, int n, int b0, int b1, float[] dx) {
        int k = g.k(), s = g.stride(), pad = g.pad(), ih = g.ih(), iw = g.iw(), oh = g.oh(), ow = g.ow();
        int kk = k * k, cn = (b1 - b0) * oh * ow;
        for (int ci = 0; ci < g.inC(); ci++) {
            Arrays.fill(dx, (ci * n + b0) * ih * iw, (ci * n + b1) * ih * iw, 0f);
            for (int q = 0; q < kk; q++) {
                int ky = q / k, kx = q % k;
                int src = (ci * kk + q) * cn;
                int lo = Math.max(0, ceilDiv(pad - kx, s)), hi = Math.min(ow, ceilDiv(iw + pad - kx, s));
                for (int b = b0; b < b1; b++) {
                    int plane = (ci * n + b) * ih * iw;
                    for (int oy = 0; oy < oh; oy++, src += ow) {
                        int iy = oy * s + ky - pad;
                        if (iy < 0 || iy >= ih) continue;
                        int base = plane + iy * iw + kx - pad;
                        if (s == 1 && VECTOR) {
                            VectorLoops.addInto(dx, base + lo, dcols, src + lo, hi - lo);
                        } else if (s == 1) {
                            for (int ox = lo; ox < hi; ox++) dx[base + ox] += dcols[src + ox];
                        } else {
                            for (int ox = lo; ox < hi; ox++) dx[base + ox * s] += dcols[src + ox];
                        }
                    }
                }
            }
        }
    }

    /** A copy that may spill up to a vector past its end (see {@link VectorLoops#copySloppy}). */
    static void copy(float[] src, int s, float[] dst, int d, int len) {
        if (VECTOR) VectorLoops.copySloppy(src, s, dst, d, len); else System.arraycopy(src, s, dst, d, len);
    }

    /**
     * col2im for stride 1 and no padding from a patch-gradient matrix over the "wide" grid: output rows as wide
     * as the input ({@code oh x iw} columns per image, exact zeros at {@code ox >= ow}). Then the patch row
     * {@code (ci, ky, kx)} of an image adds into the input plane as one contiguous run shifted by
     * {@code ky*iw + kx}, which the JIT vectorizes, instead of {@code oh} runs of {@code ow}. The run stops
     * {@code k - 1} columns early: those are zero columns, and stopping keeps it inside the image's plane.
     */
    static void col2imWide(Geometry g, float[] dcols, int n, int b0, int b1, float[] dx) {
        int k = g.k(), ih = g.ih(), iw = g.iw(), oh = g.oh();
        int kk = k * k, wide = oh * iw, cn = (b1 - b0) * wide, run = wide - (k - 1);
        for (int ci = 0; ci < g.inC(); ci++) {
            Arrays.fill(dx, (ci * n + b0) * ih * iw, (ci * n + b1) * ih * iw, 0f);
            for (int q = 0; q < kk; q++) {
                int shift = (q / k) * iw + q % k;
                for (int b = b0; b < b1; b++) {
                    int d = (ci * n + b) * ih * iw + shift, src = (ci * kk + q) * cn + (b - b0) * wide;
                    if (VECTOR) {
                        VectorLoops.addInto(dx, d, dcols, src, run);
                    } else {
                        for (int t = 0; t < run; t++) dx[d + t] += dcols[src + t];
                    }
                }
            }
        }
    }

    /** {@code dpre} ({@code outC x (chunk*oh*ow)}) spread onto the wide grid of {@link #col2imWide}, zeros between. */
    static void widen(float[] dpre, int outC, int oh, int ow, int iw, int images, float[] wide) {
        int rows = outC * images * oh;
        for (int r = 0; r < rows; r++) {
            copy(dpre, r * ow, wide, r * iw, ow);
            for (int x = ow; x < iw; x++) wide[r * iw + x] = 0f;
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** CNHW output for the chunk: {@code y[o][b] = pre + bias}, through ReLU when {@code relu}. */
    static void storeCnhw(float[] pre, float[] bias, int outC, int plane, int n, int b0, int b1, boolean relu,
                          float[] y) {
        int cn = (b1 - b0) * plane;
        for (int o = 0; o < outC; o++) {
            float bo = bias == null ? 0f : bias[o];
            int src = o * cn, dst = (o * n + b0) * plane;
            if (VECTOR) {
                VectorLoops.bias(pre, src, bo, relu, y, dst, cn);
            } else if (relu) {
                for (int j = 0; j < cn; j++) {
                    y[dst + j] = Math.max(pre[src + j] + bo, 0f);
                }
            } else {
                for (int j = 0; j < cn; j++) y[dst + j] = pre[src + j] + bo;
            }
        }
    }

    /** Flat {@code [n][outC * plane]} output for the chunk (PyTorch's {@code flatten(1)} order), through ReLU. */
    static void storeFlatRelu(float[] pre, float[] bias, int outC, int plane, int b0, int b1, float[] y) {
        int cn = (b1 - b0) * plane, f = outC * plane;
        for (int o = 0; o < outC; o++) {
            float bo = bias == null ? 0f : bias[o];
            for (int b = b0; b < b1; b++) {
                int src = o * cn + (b - b0) * plane, dst = b * f + o * plane;
                if (VECTOR) {
                    VectorLoops.bias(pre, src, bo, true, y, dst, plane);
                    continue;
                }
                for (int t = 0; t < plane; t++) {
                    y[dst + t] = Math.max(pre[src + t] + bo, 0f);
                }
            }
        }
    }

    /**
     * im2col for a layer that max-pools its output: the columns are only the positions some 2x2 window reads,
     * ordered {@code (q, b - b0, py, px)} with {@code q = 2 dy + dx} the position inside the window, so that the
     * four candidates of pooled output {@code j} sit at {@code j + q * quarter}: pooling becomes an elementwise
     * max of four contiguous runs, and the chunk's pooled output is already CNHW. Positions of an odd last
     * row or column (floor mode) belong to no window and are not computed at all.
     */
    static void im2colPooled(Geometry g, float[] x, int n, int b0, int b1, float[] cols) {
        int k = g.k(), s = g.stride(), pad = g.pad(), ih = g.ih(), iw = g.iw(), ph = g.oh() / 2, pw = g.ow() / 2;
        int kk = k * k, rows = g.fanIn();
        int dst = 0;
        for (int r = 0; r < rows; r++) {
            int ci = r / kk, ky = (r % kk) / k, kx = r % k;
            for (int q = 0; q < 4; q++) {
                int dy = q >> 1, dx = q & 1;
                for (int b = b0; b < b1; b++) {
                    int plane = (ci * n + b) * ih * iw;
                    if (pad == 0) {
                        // every window position reads inside the image: no bounds to test per element
                        for (int py = 0; py < ph; py++) {
                            int src = plane + ((2 * py + dy) * s + ky) * iw + dx * s + kx;
                            for (int px = 0; px < pw; px++, dst++) cols[dst] = x[src + 2 * s * px];
                        }
                        continue;
                    }
                    for (int py = 0; py < ph; py++) {
                        int iy = (2 * py + dy) * s + ky - pad;
                        boolean rowIn = iy >= 0 && iy < ih;
                        for (int px = 0; px < pw; px++, dst++) {
                            int ix = (2 * px + dx) * s + kx - pad;
                            cols[dst] = rowIn && ix >= 0 && ix < iw ? x[plane + iy * iw + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2colPooled}; overwrites {@code dx} for the chunk's images. */
    static void col2imPooled(Geometry g, float[] dcols, int n, int b0, int b1, float[] dx) {
        int k = g.k(), s = g.stride(), pad = g.pad(), ih = g.ih(), iw = g.iw(), ph = g.oh() / 2, pw = g.ow() / 2;
        int kk = k * k;
        for (int ci = 0; ci < g.inC(); ci++) {
            Arrays.fill(dx, (ci * n + b0) * ih * iw, (ci * n + b1) * ih * iw, 0f);
        }
        int src = 0;
        for (int r = 0; r < g.fanIn(); r++) {
            int ci = r / kk, ky = (r % kk) / k, kx = r % k;
            for (int q = 0; q < 4; q++) {
                int dy = q >> 1, dx0 = q & 1;
                for (int b = b0; b < b1; b++) {
                    int plane = (ci * n + b) * ih * iw;
                    for (int py = 0; py < ph; py++) {
                        int iy = (2 * py + dy) * s + ky - pad;
                        boolean rowIn = iy >= 0 && iy < ih;
                        for (int px = 0; px < pw; px++, src++) {
                            int ix = (2 * px + dx0) * s + kx - pad;
                            if (rowIn && ix >= 0 && ix < iw) dx[plane + iy * iw + ix] += dcols[src];
                        }
                    }
                }
            }
        }
    }

    /**
     * Bias, 2x2 max-pool and ReLU of a chunk in {@link #im2colPooled}'s column order, into CNHW
     * {@code y[o][b][ph][pw]}; {@code arg} (when not null) gets each window's winner {@code q}, the first maximum
     * in row-major order (PyTorch's tie rule: ties are common where blank image regions give equal outputs).
     */
    static void storePoolRelu(float[] pre, float[] bias, int outC, int pp, int n, int b0, int b1, float[] y,
                              byte[] arg) {
        int quarter = (b1 - b0) * pp, cn = 4 * quarter;
        for (int o = 0; o < outC; o++) {
            float bo = bias == null ? 0f : bias[o];
            int p0 = o * cn, dst = (o * n + b0) * pp;
            if (VECTOR) {
                VectorLoops.poolRelu(pre, p0, quarter, bo, y, dst, arg);
            } else {
                poolReluRow(pre, p0, quarter, bo, y, dst, arg, 0);
            }
        }
    }

    /** One output row of {@link #storePoolRelu} from element {@code from} on (the scalar loop, and the vector tail). */
    static void poolReluRow(float[] pre, int p0, int quarter, float bo, float[] y, int dst, byte[] arg, int from) {
        for (int j = from; j < quarter; j++) {
            // the bias first, as the reference's conv output has it: rounding can tie two values
            float v0 = pre[p0 + j] + bo, v1 = pre[p0 + quarter + j] + bo;
            float v2 = pre[p0 + 2 * quarter + j] + bo, v3 = pre[p0 + 3 * quarter + j] + bo;
            float m01 = Math.max(v0, v1), m23 = Math.max(v2, v3);
            y[dst + j] = Math.max(Math.max(m01, m23), 0f);
            if (arg != null) {
                // pairwise strict comparisons keep the first maximum of a tie, as a sequential scan would
                int c01 = greater(v1, v0), c23 = greater(v3, v2), c = greater(m23, m01);
                arg[dst + j] = (byte) (c01 + c * (2 + c23 - c01));
            }
        }
    }

    /** Gradient of the pre-activation from a CNHW output gradient through an optional ReLU ({@code y > 0}). */
    static void loadCnhw(float[] dy, float[] y, boolean relu, int outC, int plane, int n, int b0, int b1,
                         float[] dpre) {
        int cn = (b1 - b0) * plane;
        for (int o = 0; o < outC; o++) {
            int src = (o * n + b0) * plane, dst = o * cn;
            if (relu && VECTOR) {
                VectorLoops.pass(dy, y, src, dpre, dst, cn);
            } else if (relu) {
                for (int j = 0; j < cn; j++) dpre[dst + j] = pass(dy[src + j], y[src + j]);
            } else {
                System.arraycopy(dy, src, dpre, dst, cn);
            }
        }
    }

    /** Gradient of the pre-activation from a flat output gradient through the ReLU. */
    static void loadFlatRelu(float[] dy, float[] y, int outC, int plane, int b0, int b1, float[] dpre) {
        int cn = (b1 - b0) * plane, f = outC * plane;
        for (int o = 0; o < outC; o++) {
            for (int b = b0; b < b1; b++) {
                int dst = o * cn + (b - b0) * plane, src = b * f + o * plane;
                if (VECTOR) {
                    VectorLoops.pass(dy, y, src, dpre, dst, plane);
                    continue;
                }
                for (int t = 0; t < plane; t++) dpre[dst + t] = pass(dy[src + t], y[src + t]);
            }
        }
    }

    /** Gradient of the pre-activation through ReLU and the pool ({@link #im2colPooled}'s column order). */
    static void loadPoolRelu(float[] dy, float[] y, byte[] arg, int outC, int pp, int n, int b0, int b1,
                             float[] dpre) {
        int quarter = (b1 - b0) * pp, cn = 4 * quarter;
        for (int o = 0; o < outC; o++) {
            int src = (o * n + b0) * pp;
            if (VECTOR) {
                VectorLoops.unpoolRelu(dy, y, arg, src, quarter, dpre, o * cn);
            } else {
                unpoolReluRow(dy, y, arg, src, quarter, dpre, o * cn, 0);
            }
        }
    }

    /** One output row of {@link #loadPoolRelu} from element {@code from} on (the scalar loop, and the vector tail). */
    static void unpoolReluRow(float[] dy, float[] y, byte[] arg, int src, int quarter, float[] dpre, int d0, int from) {
        for (int j = from; j < quarter; j++) {
            int g = Float.floatToRawIntBits(pass(dy[src + j], y[src + j])), w = arg[src + j];
            for (int q = 0; q < 4; q++) {
                // ((w ^ q) - 1) >> 31 is -1 where the winner is q, else 0
                dpre[d0 + q * quarter + j] = Float.intBitsToFloat(g & (((w ^ q) - 1) >> 31));
            }
        }
    }

    /**
     * The ReLU's backward {@code y > 0 ? g : 0} for a ReLU output {@code y} (never negative, never -0), in integer
     * arithmetic: HotSpot compiles a float select to a jump, which mispredicts on half of a layer's units
     * (measured 3.1 ns per element against 0.1 for the arithmetic).
     */
    static float pass(float g, float y) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(g) & (-Float.floatToRawIntBits(y) >> 31));
    }

    /**
     * 1 when {@code a > b}, else 0, from the sign of {@code b - a} (exact: a difference of floats is negative iff
     * {@code a > b}; equal values give +0), without a branch. Two zeros of opposite sign compare as different,
     * which can only reroute a gradient between two zeros that the ReLU then drops.
     */
    static int greater(float a, float b) {
        return Float.floatToRawIntBits(b - a) >>> 31;
    }

    /** {@code sums[o] += sum of row o} of {@code dpre} ({@code outC x cn}), in double with four accumulators. */
    static void rowSums(float[] dpre, int outC, int cn, double[] sums, int off) {
        for (int o = 0; o < outC; o++) sums[off + o] += sum(dpre, o * cn, cn);
    }

    /** A sum with four independent accumulators: one chain would wait on the adder's latency per element. */
    static double sum(float[] a, int from, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + len;
        for (; i + 3 < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) s0 += a[i];
        return (s0 + s1) + (s2 + s3);
    }
}

package org.muonscope.engine.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Blocked float GEMM on the Vector API, GotoBLAS style: {@code op(B)} is packed into panels {@code NR} columns
 * wide, {@code alpha op(A)} into panels {@code MR} rows tall, and a register-blocked {@code MR x NR} kernel
 * runs over them. Packing makes all four transpose cases one kernel. Edge panels are zero-padded so edges run
 * the same arithmetic as the interior: each element of C sees the same sum order whatever the tile split.
 * Only loaded when {@code jdk.incubator.vector} is present (see {@link Gemm}).
 */
final class GemmVectorF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;
    /** k-block: an A panel (MR x KC) and a B panel (KC x NR) stay in L1. */
    static final int KC = 256;
    /** m-block: the packed A block (MC x KC floats = 96 KiB) stays in L2. */
    static final int MC = 96;
    /** n-block: the packed B block (KC x NC floats = 512 KiB) stays in L2 / L3. */
    static final int NC = 512;
    /** Row strides below this read B in place (see block). */
    static final int DIRECT_MAX_LDB = 1000;

    private GemmVectorF() { }

    /** Scratch owned by one thread: packed A and B blocks and an edge tile. */
    static final class Scratch {
        final float[] ap = new float[MC * KC];
        final float[] bp = new float[KC * NC];
        final float[] tile = new float[MR * NR];
        final float[] lanes = new float[L];
    }

    /** {@code C[m0:m1, n0:n1] = alpha op(A) op(B) + beta C[m0:m1, n0:n1]} over the full inner dimension k. */
    static void block(boolean ta, boolean tb, int m0, int m1, int n0, int n1, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                      float[] c, int cOff, int ldc, Scratch s) {
        if (k == 0 || alpha == 0f || (beta != 0f && beta != 1f)) GemmScalar.scale(m0, m1, n0, n1, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0f) return;
        // with beta = 0 the first k-block stores its sums instead of adding them to a zeroed C: a small-k product
        // (a convolution's dcols, k = 64) would otherwise spend a quarter of its time zeroing and re-reading C
        boolean overwrite = beta == 0f;
        // k-blocks of equal size: 288 = 2 x 144 rather than 256 + 32, whose short block costs as many C updates
        int kBlocks = (k + KC - 1) / KC, kcMax = (k + kBlocks - 1) / kBlocks;
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                boolean store = overwrite && pc == 0;
                // a narrow row-major B (a conv chunk's patch matrix) is read in place for whole panels: the kernel's
                // two loads per k step are the same with a stride of ldb instead of NR, and the panel's rows stay in
                // L1 across the A panels as a packed copy would; only a ragged last panel is packed (zero-padded).
                // Same values, same order. Wide strides lose (page and 4 KiB set aliasing: measured 131 -> 85
                // GFLOP/s at ldb = 1024), so they keep the packed copy.
                int full = tb || ldb >= DIRECT_MAX_LDB ? 0 : nc / NR * NR;
                packB(tb, b, bOff, ldb, pc, kc, jc + full, nc - full, s.bp);
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    packA(ta, a, aOff, lda, ic, mc, pc, kc, alpha, s.ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        boolean direct = jr < full;
                        float[] bs = direct ? b : s.bp;
                        int bo = direct ? bOff + pc * ldb + jc + jr : ((jr - full) / NR) * kc * NR;
                        int step = direct ? ldb : NR;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int ao = (ir / MR) * kc * MR;
                            kernel(kc, s.ap, ao, bs, bo, step, c, cOff + (ic + ir) * ldc + jc + jr, ldc, mr, nr,
                                    s.tile, store);
                        }
                    }
                }
            }
        }
    }

    /** bp[(panel * kc + p) * NR + j] = op(B)[pc + p, jc + panel*NR + j], zero past nc. */
    private static void packB(boolean tb, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int w = Math.min(NR, nc - j0);
            int base = (j0 / NR) * kc * NR;
            if (tb) {
                // rows of B are read along their length (the panel being written is small and in L1)
                for (int j = 0; j < w; j++) {
                    int src = bOff + (jc + j0 + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[src + p];
                }
                for (int j = w; j < NR; j++) {
                    for (int p = 0; p < kc; p++) bp[base + p * NR + j] = 0f;
                }
                continue;
            }
            for (int p = 0; p < kc; p++) {
                int dst = base + p * NR;
                System.arraycopy(b, bOff + (pc + p) * ldb + jc + j0, bp, dst, w);
                for (int j = w; j < NR; j++) bp[dst + j] = 0f;
            }
        }
    }

    /** ap[(panel * kc + p) * MR + i] = alpha op(A)[ic + panel*MR + i, pc + p], zero past mc. */
    private static void packA(boolean ta, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float alpha,
                              float[] ap) {
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int h = Math.min(MR, mc - i0);
            int base = (i0 / MR) * kc * MR;
            for (int i = 0; i < MR; i++) {
                if (i >= h) {
                    for (int p = 0; p < kc; p++) ap[base + p * MR + i] = 0f;
                } else if (!ta && alpha == 1f) {
                    int src = aOff + (ic + i0 + i) * lda + pc;
                    for (int p = 0; p < kc; p++) ap[base + p * MR + i] = a[src + p];
                } else if (!ta) {
                    int src = aOff + (ic + i0 + i) * lda + pc;
                    for (int p = 0; p < kc; p++) ap[base + p * MR + i] = alpha * a[src + p];
                } else {
                    int src = aOff + pc * lda + ic + i0 + i;
                    for (int p = 0; p < kc; p++) ap[base + p * MR + i] = alpha * a[src + p * lda];
                }
            }
        }
    }

    private static void kernel(int kc, float[] ap, int ao, float[] bp, int bo, int bstep, float[] c, int co, int ldc,
                               int mr, int nr, float[] tile, boolean store) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ao += MR;
            bo += bstep;
        }
        if (mr == MR && nr == NR) {
            // inline code, no helper per row: an uninlined helper taking vectors makes C2 box them (50x slower)
            if (!store) {
                c00 = c00.add(FloatVector.fromArray(S, c, co));
                c01 = c01.add(FloatVector.fromArray(S, c, co + L));
                c10 = c10.add(FloatVector.fromArray(S, c, co + ldc));
                c11 = c11.add(FloatVector.fromArray(S, c, co + ldc + L));
                c20 = c20.add(FloatVector.fromArray(S, c, co + 2 * ldc));
                c21 = c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L));
                c30 = c30.add(FloatVector.fromArray(S, c, co + 3 * ldc));
                c31 = c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L));
                c40 = c40.add(FloatVector.fromArray(S, c, co + 4 * ldc));
                c41 = c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L));
                c50 = c50.add(FloatVector.fromArray(S, c, co + 5 * ldc));
                c51 = c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L));
            }
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc);
            c51.intoArray(c, co + 5 * ldc + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        for (int i = 0; i < mr; i++) {
            if (store) {
                for (int j = 0; j < nr; j++) c[co + i * ldc + j] = tile[i * NR + j];
            } else {
                for (int j = 0; j < nr; j++) c[co + i * ldc + j] += tile[i * NR + j];
            }
        }
    }

    /**
     * Dot products take over from the blocked kernel for {@code A B^T} when A has at most this many rows: each
     * element of the transposed-and-packed B would serve only that many multiply-adds (a conv weight gradient
     * with 9 to 32 rows: the first conv's, ResNet's 16- and 32-channel stages).
     */
    static final int DOT_MAX_M = 32;
    /** ... and the dot products are at least this long, so the 16-lane sums amortize their final reduction. */
    static final int DOT_MIN_K = 256;

    /**
     * {@code C = alpha A B^T + beta C} for row-major {@code A} ({@code m x k}) and {@code B} ({@code n x k}) as dot
     * products along {@code k}, 3 x 4 of them at a time in vector lanes, nothing packed: for a thin product such
     * as a first conv's weight gradient ({@code 9 x 32} from {@code k} = thousands of positions) the blocked
     * kernel pads {@code n} to whole panels and transposes {@code B} into them, which costs more than the
     * products. Each result is the sum of its lanes in lane order, then the tail: a fixed order ({@code
     * reduceLanes} leaves the order open).
     */
    static void dotNT(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc, Scratch scratch) {
        float[] lanes = scratch.lanes;
        int kv = S.loopBound(k);
        for (int i0 = 0; i0 < m; i0 += 3) {
            int mi = Math.min(3, m - i0);
            for (int j0 = 0; j0 < n; j0 += 4) {
                int nj = Math.min(4, n - j0);
                if (mi == 3 && nj == 4) {
                    dotBlock(k, kv, a, aOff + i0 * lda, lda, b, bOff + j0 * ldb, ldb, c, cOff + i0 * ldc + j0, ldc,
                            alpha, beta, lanes);
                    continue;
                }
                for (int i = i0; i < i0 + mi; i++) {
                    for (int j = j0; j < j0 + nj; j++) {
                        FloatVector acc = FloatVector.zero(S);
                        int ar = aOff + i * lda, br = bOff + j * ldb;
                        for (int p = 0; p < kv; p += L) {
                            acc = FloatVector.fromArray(S, a, ar + p).fma(FloatVector.fromArray(S, b, br + p), acc);
                        }
                        store(c, cOff + i * ldc + j, finish(acc, a, ar, b, br, kv, k, lanes), alpha, beta);
                    }
                }
            }
        }
    }

    private static void dotBlock(int k, int kv, float[] a, int a0, int lda, float[] b, int b0, int ldb, float[] c,
                                 int c0, int ldc, float alpha, float beta, float[] lanes) {
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a0 + lda + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a0 + 2 * lda + p);
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y0, s00);
            s10 = x1.fma(y0, s10);
            s20 = x2.fma(y0, s20);
            FloatVector y1 = FloatVector.fromArray(S, b, b0 + ldb + p);
            s01 = x0.fma(y1, s01);
            s11 = x1.fma(y1, s11);
            s21 = x2.fma(y1, s21);
            FloatVector y2 = FloatVector.fromArray(S, b, b0 + 2 * ldb + p);
            s02 = x0.fma(y2, s02);
            s12 = x1.fma(y2, s12);
            s22 = x2.fma(y2, s22);
            FloatVector y3 = FloatVector.fromArray(S, b, b0 + 3 * ldb + p);
            s03 = x0.fma(y3, s03);
            s13 = x1.fma(y3, s13);
            s23 = x2.fma(y3, s23);
        }
        store(c, c0, finish(s00, a, a0, b, b0, kv, k, lanes), alpha, beta);
        store(c, c0 + 1, finish(s01, a, a0, b, b0 + ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + 2, finish(s02, a, a0, b, b0 + 2 * ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + 3, finish(s03, a, a0, b, b0 + 3 * ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + ldc, finish(s10, a, a0 + lda, b, b0, kv, k, lanes), alpha, beta);
        store(c, c0 + ldc + 1, finish(s11, a, a0 + lda, b, b0 + ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + ldc + 2, finish(s12, a, a0 + lda, b, b0 + 2 * ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + ldc + 3, finish(s13, a, a0 + lda, b, b0 + 3 * ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + 2 * ldc, finish(s20, a, a0 + 2 * lda, b, b0, kv, k, lanes), alpha, beta);
        store(c, c0 + 2 * ldc + 1, finish(s21, a, a0 + 2 * lda, b, b0 + ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + 2 * ldc + 2, finish(s22, a, a0 + 2 * lda, b, b0 + 2 * ldb, kv, k, lanes), alpha, beta);
        store(c, c0 + 2 * ldc + 3, finish(s23, a, a0 + 2 * lda, b, b0 + 3 * ldb, kv, k, lanes), alpha, beta);
    }

    /** The lanes summed in order, then the scalar tail {@code [kv, k)}. */
    private static float finish(FloatVector acc, float[] a, int ar, float[] b, int br, int kv, int k, float[] lanes) {
        acc.intoArray(lanes, 0);
        float s = 0f;
        for (int l = 0; l < L; l++) s += lanes[l];
        for (int p = kv; p < k; p++) s += a[ar + p] * b[br + p];
        return s;
    }

    private static void store(float[] c, int at, float dot, float alpha, float beta) {
        c[at] = beta == 0f ? alpha * dot : alpha * dot + beta * c[at];
    }
}

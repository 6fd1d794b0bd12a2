package org.muonscope.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Blocked double GEMM (the twin of {@link GemmVectorF}) on the Vector API, GotoBLAS style: {@code op(B)} is packed into panels {@code NR} columns
 * wide, {@code alpha op(A)} into panels {@code MR} rows tall, and a register-blocked {@code MR x NR} kernel
 * runs over them. Packing makes all four transpose cases one kernel. Edge panels are zero-padded so edges run
 * the same arithmetic as the interior: each element of C sees the same sum order whatever the tile split.
 * Only loaded when {@code jdk.incubator.vector} is present (see {@link Gemm}).
 */
final class GemmVectorD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;
    /** k-block: an A panel (MR x KC) and a B panel (KC x NR) stay in L1. */
    static final int KC = 256;
    /** m-block: the packed A block (MC x KC doubles = 192 KiB) stays in L2. */
    static final int MC = 96;
    /** n-block: the packed B block (KC x NC doubles = 512 KiB) stays in L2 / L3. */
    static final int NC = 256;

    private GemmVectorD() { }

    /** Scratch owned by one thread: packed A and B blocks and an edge tile. */
    static final class Scratch {
        final double[] ap = new double[MC * KC];
        final double[] bp = new double[KC * NC];
        final double[] tile = new double[MR * NR];
    }

    /** {@code C[m0:m1, n0:n1] = alpha op(A) op(B) + beta C[m0:m1, n0:n1]} over the full inner dimension k. */
    static void block(boolean ta, boolean tb, int m0, int m1, int n0, int n1, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
                      double[] c, int cOff, int ldc, Scratch s) {
        GemmScalar.scale(m0, m1, n0, n1, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0.0) return;
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(tb, b, bOff, ldb, pc, kc, jc, nc, s.bp);
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    packA(ta, a, aOff, lda, ic, mc, pc, kc, alpha, s.ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bo = (jr / NR) * kc * NR;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int ao = (ir / MR) * kc * MR;
                            kernel(kc, s.ap, ao, s.bp, bo, c, cOff + (ic + ir) * ldc + jc + jr, ldc, mr, nr, s.tile);
                        }
                    }
                }
            }
        }
    }

    /** bp[(panel * kc + p) * NR + j] = op(B)[pc + p, jc + panel*NR + j], zero past nc. */
    private static void packB(boolean tb, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, double[] bp) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int w = Math.min(NR, nc - j0);
            int base = (j0 / NR) * kc * NR;
            for (int p = 0; p < kc; p++) {
                int dst = base + p * NR;
                if (!tb) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + j0, bp, dst, w);
                } else {
                    int src = bOff + (jc + j0) * ldb + pc + p;
                    for (int j = 0; j < w; j++) bp[dst + j] = b[src + j * ldb];
                }
                for (int j = w; j < NR; j++) bp[dst + j] = 0.0;
            }
        }
    }

    /** ap[(panel * kc + p) * MR + i] = alpha op(A)[ic + panel*MR + i, pc + p], zero past mc. */
    private static void packA(boolean ta, double[] a, int aOff, int lda, int ic, int mc, int pc, int kc, double alpha,
                              double[] ap) {
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int h = Math.min(MR, mc - i0);
            int base = (i0 / MR) * kc * MR;
            for (int i = 0; i < MR; i++) {
                if (i >= h) {
                    for (int p = 0; p < kc; p++) ap[base + p * MR + i] = 0.0;
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

    private static void kernel(int kc, double[] ap, int ao, double[] bp, int bo, double[] c, int co, int ldc,
                               int mr, int nr, double[] tile) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        DoubleVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ao += MR;
            bo += NR;
        }
        if (mr == MR && nr == NR) {
            add(c, co, c00, c01);
            add(c, co + ldc, c10, c11);
            add(c, co + 2 * ldc, c20, c21);
            add(c, co + 3 * ldc, c30, c31);
            add(c, co + 4 * ldc, c40, c41);
            add(c, co + 5 * ldc, c50, c51);
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
            for (int j = 0; j < nr; j++) c[co + i * ldc + j] += tile[i * NR + j];
        }
    }

    private static void add(double[] c, int at, DoubleVector lo, DoubleVector hi) {
        DoubleVector.fromArray(S, c, at).add(lo).intoArray(c, at);
        DoubleVector.fromArray(S, c, at + L).add(hi).intoArray(c, at + L);
    }
}

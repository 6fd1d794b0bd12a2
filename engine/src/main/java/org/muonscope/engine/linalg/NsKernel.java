package org.muonscope.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels for one Newton-Schulz step on a dense {@code p x q} matrix ({@code p <= q}): the two symmetric
 * products {@code A = X X^T} and {@code A A} computed as 4 x 4 blocks of dot products over the upper triangle only,
 * and {@code Y = a X + B X} as 4-row x 3-vector register tiles. Rows are stored with a stride that is a multiple of
 * the vector length and zero-padded, and the row count is padded to a multiple of 4, so no loop has a tail. About
 * two thirds of the work of three general products. Only loaded when {@code jdk.incubator.vector} is present.
 */
final class NsKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final int RB = 4;
    private static final int CB = 3;

    private NsKernel() {
    }

    static int padRows(int p) {
        return (p + RB - 1) / RB * RB;
    }

    static int padCols(int q) {
        return (q + L - 1) / L * L;
    }

    /**
     * {@code out[i][j] = dot(x_i, x_j)} for all {@code i, j < pp}, rows of {@code x} at stride {@code ld};
     * {@code out} has stride {@code ldo}. {@code pp} must be a multiple of 4, {@code ld} of the vector length.
     */
    static void gram(double[] x, int pp, int ld, double[] out, int ldo) {
        for (int i = 0; i < pp; i += RB) {
            int r0 = i * ld;
            int r1 = r0 + ld;
            int r2 = r1 + ld;
            int r3 = r2 + ld;
            for (int j = i; j < pp; j += RB) {
                int s0 = j * ld;
                int s1 = s0 + ld;
                int s2 = s1 + ld;
                int s3 = s2 + ld;
                DoubleVector a00 = DoubleVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
                DoubleVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                DoubleVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
                DoubleVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
                for (int t = 0; t < ld; t += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, x, r0 + t);
                    DoubleVector x1 = DoubleVector.fromArray(S, x, r1 + t);
                    DoubleVector x2 = DoubleVector.fromArray(S, x, r2 + t);
                    DoubleVector x3 = DoubleVector.fromArray(S, x, r3 + t);
                    DoubleVector y0 = DoubleVector.fromArray(S, x, s0 + t);
                    DoubleVector y1 = DoubleVector.fromArray(S, x, s1 + t);
                    DoubleVector y2 = DoubleVector.fromArray(S, x, s2 + t);
                    DoubleVector y3 = DoubleVector.fromArray(S, x, s3 + t);
                    a00 = x0.fma(y0, a00);
                    a01 = x0.fma(y1, a01);
                    a02 = x0.fma(y2, a02);
                    a03 = x0.fma(y3, a03);
                    a10 = x1.fma(y0, a10);
                    a11 = x1.fma(y1, a11);
                    a12 = x1.fma(y2, a12);
                    a13 = x1.fma(y3, a13);
                    a20 = x2.fma(y0, a20);
                    a21 = x2.fma(y1, a21);
                    a22 = x2.fma(y2, a22);
                    a23 = x2.fma(y3, a23);
                    a30 = x3.fma(y0, a30);
                    a31 = x3.fma(y1, a31);
                    a32 = x3.fma(y2, a32);
                    a33 = x3.fma(y3, a33);
                }
                store(out, ldo, i, j, 0, 0, a00);
                store(out, ldo, i, j, 0, 1, a01);
                store(out, ldo, i, j, 0, 2, a02);
                store(out, ldo, i, j, 0, 3, a03);
                store(out, ldo, i, j, 1, 0, a10);
                store(out, ldo, i, j, 1, 1, a11);
                store(out, ldo, i, j, 1, 2, a12);
                store(out, ldo, i, j, 1, 3, a13);
                store(out, ldo, i, j, 2, 0, a20);
                store(out, ldo, i, j, 2, 1, a21);
                store(out, ldo, i, j, 2, 2, a22);
                store(out, ldo, i, j, 2, 3, a23);
                store(out, ldo, i, j, 3, 0, a30);
                store(out, ldo, i, j, 3, 1, a31);
                store(out, ldo, i, j, 3, 2, a32);
                store(out, ldo, i, j, 3, 3, a33);
            }
        }
    }

    private static void store(double[] out, int ldo, int i, int j, int di, int dj, DoubleVector acc) {
        double v = acc.reduceLanes(VectorOperators.ADD);
        out[(i + di) * ldo + j + dj] = v;
        out[(j + dj) * ldo + i + di] = v;
    }

    /**
     * {@code y_i = a x_i + sum_j b[i][j] x_j} for {@code i < pp}, rows at stride {@code ld}, {@code b} at stride
     * {@code ldb} (its padded rows and columns zero).
     */
    static void combine(double a, double[] b, int ldb, double[] x, int pp, int ld, double[] y) {
        int nv = ld / L;
        DoubleVector va = DoubleVector.broadcast(S, a);
        for (int i = 0; i < pp; i += RB) {
            int bi0 = i * ldb;
            int bi1 = bi0 + ldb;
            int bi2 = bi1 + ldb;
            int bi3 = bi2 + ldb;
            for (int cv = 0; cv < nv; cv += CB) {
                int w = Math.min(CB, nv - cv);
                if (w == CB) {
                    int c0 = cv * L;
                    int c1 = c0 + L;
                    int c2 = c1 + L;
                    DoubleVector y00 = va.mul(DoubleVector.fromArray(S, x, i * ld + c0));
                    DoubleVector y01 = va.mul(DoubleVector.fromArray(S, x, i * ld + c1));
                    DoubleVector y02 = va.mul(DoubleVector.fromArray(S, x, i * ld + c2));
                    DoubleVector y10 = va.mul(DoubleVector.fromArray(S, x, (i + 1) * ld + c0));
                    DoubleVector y11 = va.mul(DoubleVector.fromArray(S, x, (i + 1) * ld + c1));
                    DoubleVector y12 = va.mul(DoubleVector.fromArray(S, x, (i + 1) * ld + c2));
                    DoubleVector y20 = va.mul(DoubleVector.fromArray(S, x, (i + 2) * ld + c0));
                    DoubleVector y21 = va.mul(DoubleVector.fromArray(S, x, (i + 2) * ld + c1));
                    DoubleVector y22 = va.mul(DoubleVector.fromArray(S, x, (i + 2) * ld + c2));
                    DoubleVector y30 = va.mul(DoubleVector.fromArray(S, x, (i + 3) * ld + c0));
                    DoubleVector y31 = va.mul(DoubleVector.fromArray(S, x, (i + 3) * ld + c1));
                    DoubleVector y32 = va.mul(DoubleVector.fromArray(S, x, (i + 3) * ld + c2));
                    for (int j = 0; j < pp; j++) {
                        int xj = j * ld;
                        DoubleVector x0 = DoubleVector.fromArray(S, x, xj + c0);
                        DoubleVector x1 = DoubleVector.fromArray(S, x, xj + c1);
                        DoubleVector x2 = DoubleVector.fromArray(S, x, xj + c2);
                        DoubleVector b0 = DoubleVector.broadcast(S, b[bi0 + j]);
                        DoubleVector b1 = DoubleVector.broadcast(S, b[bi1 + j]);
                        DoubleVector b2 = DoubleVector.broadcast(S, b[bi2 + j]);
                        DoubleVector b3 = DoubleVector.broadcast(S, b[bi3 + j]);
                        y00 = x0.fma(b0, y00);
                        y01 = x1.fma(b0, y01);
                        y02 = x2.fma(b0, y02);
                        y10 = x0.fma(b1, y10);
                        y11 = x1.fma(b1, y11);
                        y12 = x2.fma(b1, y12);
                        y20 = x0.fma(b2, y20);
                        y21 = x1.fma(b2, y21);
                        y22 = x2.fma(b2, y22);
                        y30 = x0.fma(b3, y30);
                        y31 = x1.fma(b3, y31);
                        y32 = x2.fma(b3, y32);
                    }
                    y00.intoArray(y, i * ld + c0);
                    y01.intoArray(y, i * ld + c1);
                    y02.intoArray(y, i * ld + c2);
                    y10.intoArray(y, (i + 1) * ld + c0);
                    y11.intoArray(y, (i + 1) * ld + c1);
                    y12.intoArray(y, (i + 1) * ld + c2);
                    y20.intoArray(y, (i + 2) * ld + c0);
                    y21.intoArray(y, (i + 2) * ld + c1);
                    y22.intoArray(y, (i + 2) * ld + c2);
                    y30.intoArray(y, (i + 3) * ld + c0);
                    y31.intoArray(y, (i + 3) * ld + c1);
                    y32.intoArray(y, (i + 3) * ld + c2);
                } else {
                    for (int c = cv; c < cv + w; c++) {
                        int off = c * L;
                        for (int r = 0; r < RB; r++) {
                            int bi = (i + r) * ldb;
                            DoubleVector acc = va.mul(DoubleVector.fromArray(S, x, (i + r) * ld + off));
                            for (int j = 0; j < pp; j++) {
                                acc = DoubleVector.fromArray(S, x, j * ld + off).fma(DoubleVector.broadcast(S, b[bi + j]), acc);
                            }
                            acc.intoArray(y, (i + r) * ld + off);
                        }
                    }
                }
            }
        }
    }
}

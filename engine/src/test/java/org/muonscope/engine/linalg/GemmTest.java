package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GemmTest {
    private static final GemmThreads ONE = GemmThreads.of(1);
    private static final GemmThreads THREE = GemmThreads.of(3);
    /** Odd sizes straddle every block edge: MR = 6, NR = 16 or 32, KC = 256, MC = 96. */
    private static final int[][] SIZES = {{1, 1, 1}, {1, 7, 3}, {5, 1, 9}, {7, 33, 5}, {13, 17, 259},
            {97, 35, 70}, {31, 600, 11}, {200, 3, 300}, {0, 4, 3}, {4, 5, 0}};

    @AfterAll
    static void close() {
        ONE.close();
        THREE.close();
    }

    @Test
    void floatGemmMatchesNaiveLoopInEveryTransposeCase() {
        Random r = new Random(1);
        for (Gemm g : new Gemm[]{Gemm.on(ONE), Gemm.on(THREE), Gemm.scalarOn(ONE), Gemm.scalarOn(THREE)}) {
            for (int[] s : SIZES) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    int m = s[0], n = s[1], k = s[2];
                    // padded strides and offsets check the indexing, not just packed layouts
                    int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
                    float[] a = rnd(r, 3 + (ta ? k : m) * lda), b = rnd(r, 1 + (tb ? n : k) * ldb);
                    float[] c = rnd(r, 2 + m * ldc);
                    float[] want = c.clone();
                    float alpha = 0.7f, beta = -0.5f;
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = 0;
                            for (int p = 0; p < k; p++) {
                                double av = ta ? a[3 + p * lda + i] : a[3 + i * lda + p];
                                double bv = tb ? b[1 + j * ldb + p] : b[1 + p * ldb + j];
                                sum += av * bv;
                            }
                            want[2 + i * ldc + j] = (float) (alpha * sum + beta * c[2 + i * ldc + j]);
                        }
                    }
                    g.sgemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 1, ldb, beta, c, 2, ldc);
                    // float sums of k terms of size ~1: relative error ~ k * 6e-8; 1e-4 * sqrt(k) is generous
                    float tol = (float) (1e-4 * Math.sqrt(k + 1));
                    for (int i = 0; i < c.length; i++) {
                        assertEquals(want[i], c[i], tol, "m,n,k=" + m + "," + n + "," + k + " ta=" + ta + " tb=" + tb);
                    }
                }
            }
        }
    }

    @Test
    void doubleGemmMatchesNaiveLoopInEveryTransposeCase() {
        Random r = new Random(2);
        for (Gemm g : new Gemm[]{Gemm.on(ONE), Gemm.on(THREE), Gemm.scalarOn(THREE)}) {
            for (int[] s : SIZES) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    int m = s[0], n = s[1], k = s[2];
                    int lda = (ta ? m : k) + 1, ldb = (tb ? k : n) + 2, ldc = n + 1;
                    double[] a = rndD(r, (ta ? k : m) * lda), b = rndD(r, (tb ? n : k) * ldb), c = rndD(r, m * ldc);
                    double[] want = c.clone();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = 0;
                            for (int p = 0; p < k; p++) {
                                sum += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
                            }
                            want[i * ldc + j] = 1.5 * sum + 2.0 * c[i * ldc + j];
                        }
                    }
                    g.dgemm(ta, tb, m, n, k, 1.5, a, 0, lda, b, 0, ldb, 2.0, c, 0, ldc);
                    // double rounding: k * 1e-16 relative, 1e-12 absolute is far above it
                    assertArrayEquals(want, c, 1e-12 * (k + 1));
                }
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        Random r = new Random(3);
        int m = 64, n = 700, k = 300;
        float[] a = rnd(r, m * k), b = rnd(r, n * k);
        float[] c1 = new float[m * n], c3 = new float[m * n];
        Gemm.on(ONE).sgemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, c1, 0, n);
        Gemm.on(THREE).sgemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, c3, 0, n);
        assertArrayEquals(c1, c3, 0f);
    }

    @Test
    void ejmlMultMatchesCommonOps() {
        Random r = new Random(4);
        DMatrixRMaj x = new DMatrixRMaj(37, 211);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        DMatrixRMaj want = new DMatrixRMaj(37, 37), got = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransB(x, x, want);
        Gemm.on(THREE).mult(x, false, x, true, got);
        assertEquals(37, got.numRows);
        assertEquals(37, got.numCols);
        assertArrayEquals(want.data, got.data, 1e-10);
        assertThrows(IllegalArgumentException.class, () -> Gemm.on(ONE).mult(x, false, x, false, got));
    }

    @Test
    void rejectsArraysTooSmallForTheShape() {
        float[] small = new float[5];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.on(ONE).sgemm(false, false, 2, 3, 4, 1f, small, 0, 4, new float[12], 0, 3, 0f, new float[6], 0, 3));
        assertTrue(e.getMessage().startsWith("A:"), e.getMessage());
    }

    @Test
    void currentIsTheScopedGemmInsideRunScoped() {
        Gemm g = Gemm.on(ONE);
        Gemm[] seen = new Gemm[1];
        g.runScoped(() -> seen[0] = Gemm.current());
        assertTrue(seen[0] == g);
        assertTrue(Gemm.current() != g);
    }

    private static float[] rnd(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    private static double[] rndD(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        return x;
    }

    /** Thin A B^T products on one thread take the dot-product path: against a double loop, edges and tails included. */
    @Test
    void serialThinProductsMatchTheNaiveLoop() {
        Random r = new Random(21);
        for (int[] s : new int[][]{{9, 32, 1500}, {7, 5, 1031}, {3, 4, 2048}, {2, 40, 1100}, {16, 144, 784}, {32, 7, 300}}) {
            int m = s[0], n = s[1], k = s[2], lda = k + 3, ldb = k + 1, ldc = n + 2;
            float[] a = rnd(r, 5 + m * lda), b = rnd(r, 2 + n * ldb), c = rnd(r, 1 + m * ldc), want = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) sum += (double) a[5 + i * lda + p] * b[2 + j * ldb + p];
                    want[1 + i * ldc + j] = (float) (0.5 * sum + 0.25 * c[1 + i * ldc + j]);
                }
            }
            Gemm.on(ONE).sgemmSerial(false, true, m, n, k, 0.5f, a, 5, lda, b, 2, ldb, 0.25f, c, 1, ldc);
            // float sums of k products of size ~1: relative error ~ sqrt(k) * 6e-8; 1e-4 * sqrt(k) is generous
            for (int i = 0; i < c.length; i++) assertEquals(want[i], c[i], (float) (1e-4 * Math.sqrt(k)), m + "x" + n + "x" + k);
        }
    }
}

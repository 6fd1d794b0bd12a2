package org.muonscope.engine.linalg;

/**
 * Plain-Java GEMM used when the Vector API module is absent (or forced off): rows of C are accumulated
 * with contiguous inner loops where the layout allows. Same contract as {@link GemmVectorF#block}.
 */
final class GemmScalar {
    private GemmScalar() { }

    static void scale(int m0, int m1, int n0, int n1, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        for (int i = m0; i < m1; i++) {
            int row = cOff + i * ldc;
            for (int j = n0; j < n1; j++) c[row + j] = beta == 0f ? 0f : beta * c[row + j];
        }
    }

    static void scale(int m0, int m1, int n0, int n1, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1.0) return;
        for (int i = m0; i < m1; i++) {
            int row = cOff + i * ldc;
            for (int j = n0; j < n1; j++) c[row + j] = beta == 0.0 ? 0.0 : beta * c[row + j];
        }
    }

    static void block(boolean ta, boolean tb, int m0, int m1, int n0, int n1, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                      float[] c, int cOff, int ldc) {
        scale(m0, m1, n0, n1, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0f) return;
        for (int i = m0; i < m1; i++) {
            int row = cOff + i * ldc;
            for (int p = 0; p < k; p++) {
                float av = alpha * (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (!tb) {
                    int br = bOff + p * ldb;
                    for (int j = n0; j < n1; j++) c[row + j] += av * b[br + j];
                } else {
                    for (int j = n0; j < n1; j++) c[row + j] += av * b[bOff + j * ldb + p];
                }
            }
        }
    }

    static void block(boolean ta, boolean tb, int m0, int m1, int n0, int n1, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
                      double[] c, int cOff, int ldc) {
        scale(m0, m1, n0, n1, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0.0) return;
        for (int i = m0; i < m1; i++) {
            int row = cOff + i * ldc;
            for (int p = 0; p < k; p++) {
                double av = alpha * (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (!tb) {
                    int br = bOff + p * ldb;
                    for (int j = n0; j < n1; j++) c[row + j] += av * b[br + j];
                } else {
                    for (int j = n0; j < n1; j++) c[row + j] += av * b[bOff + j * ldb + p];
                }
            }
        }
    }
}

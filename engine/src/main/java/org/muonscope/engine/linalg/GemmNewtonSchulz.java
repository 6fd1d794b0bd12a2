package org.muonscope.engine.linalg;

/**
 * A hook for Muon's quintic Newton-Schulz on big matrices: one iteration
 * {@code dst = a X + (b A + c A A) X} with {@code A = X X^T}, for a wide {@code p x q} row-major {@code X}
 * ({@code p <= q}), done as three GEMMs on {@link Gemm#current()} (vectorized, multi-threaded). For the paper
 * CNN's {@code 128 x 7744} dense layer this is about {@code 4 p^2 q = 0.5} GFLOP per iteration, which scalar
 * loops take a tenth of a second for. Same arithmetic as the textbook loop up to summation order.
 */
public final class GemmNewtonSchulz {
    /** Below this many elements of X the scalar loop is as fast: the GEMM's packing would dominate. */
    public static final int MIN_ELEMENTS = 1 << 14;

    private GemmNewtonSchulz() { }

    /**
     * @param src  X, {@code p x q}. Not modified.
     * @param dst  Modified: the next X, {@code p x q}; must not alias src.
     * @param gram Modified: workspace of at least {@code p*p}.
     * @param poly Modified: workspace of at least {@code p*p}.
     */
    public static void iterate(double[] src, double[] dst, int p, int q, double a, double b, double c,
                               double[] gram, double[] poly) {
        if (src == dst) throw new IllegalArgumentException("dst must not alias src");
        Gemm g = Gemm.current();
        g.dgemm(false, true, p, p, q, 1.0, src, 0, q, src, 0, q, 0.0, gram, 0, p);
        g.dgemm(false, false, p, p, p, c, gram, 0, p, gram, 0, p, 0.0, poly, 0, p);
        for (int i = 0; i < p * p; i++) poly[i] += b * gram[i];
        for (int i = 0; i < p * q; i++) dst[i] = a * src[i];
        g.dgemm(false, false, p, q, p, 1.0, poly, 0, p, src, 0, q, 1.0, dst, 0, q);
    }
}

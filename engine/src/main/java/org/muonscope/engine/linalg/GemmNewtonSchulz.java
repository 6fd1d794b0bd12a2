package org.muonscope.engine.linalg;

/**
 * Muon's quintic Newton-Schulz on big matrices, iterated in the Gram space with the multi-threaded GEMM of
 * {@link Gemm#current()}. Every iterate is {@code X_k = M_k X_0} with {@code M_k} a {@code p x p} polynomial in
 * {@code A_0 = X_0 X_0^T}: {@code X_{k+1} = P_k X_k} with {@code P_k = a I + b A_k + c A_k^2}, so
 * {@code M_{k+1} = P_k M_k} and {@code A_{k+1} = P_k A_k P_k}. One Gram product, {@code p x p} work per step and
 * one final product replace the textbook's two {@code p x q} products per step: for the paper CNN's
 * {@code 128 x 7744} dense layer 0.6 GFLOP instead of 2.5 per optimizer step (decision 0504).
 *
 * <p>Same result in exact arithmetic. In double precision {@code M_k} stays bounded ({@code <= a^5 ~ 490} in
 * norm after five steps), so the rounding is that of the Gram products amplified by at most that: about
 * {@code 1e-12} absolute on outputs of size 1, against {@code 1e-13} for the textbook loop; Muon's iteration is
 * an approximation to the polar factor (singular values land in about {@code [0.68, 1.13]}), so neither is
 * visible. The GEMM never splits its inner dimension, so the result does not depend on the thread count.
 */
public final class GemmNewtonSchulz {
    /** Below this many elements of X the single-threaded loops are as fast: the GEMM's packing would dominate. */
    public static final int MIN_ELEMENTS = 1 << 14;

    private double[] a = new double[0];
    private double[] a2 = new double[0];
    private double[] poly = new double[0];
    private double[] mk = new double[0];
    private double[] next = new double[0];
    private double[] t = new double[0];
    private double[] result = new double[0];

    /**
     * {@code out = NS_steps(g)} for an {@code m x n} row-major {@code g}, the normalization included: the Frobenius
     * norm is the square root of the Gram matrix's trace, and {@code 1 / (norm + eps)} rides on the GEMMs' alpha,
     * so {@code g} is read by two products only (no copy, no transpose, no separate passes).
     *
     * @param g   Not modified.
     * @param out Modified; may be {@code g} itself.
     */
    public void orthogonalize(double[] g, int m, int n, int steps, double ca, double cb, double cc, double normEps,
                              double[] out) {
        boolean tall = m > n;
        int p = tall ? n : m, q = tall ? m : n;
        ensure(p);
        Gemm gm = Gemm.current();
        // A_0 (unscaled) = X X^T with X = g, or g^T when tall
        gm.dgemm(tall, !tall, p, p, q, 1.0, g, 0, n, g, 0, n, 0.0, a, 0, p);
        double trace = 0;
        for (int i = 0; i < p; i++) trace += a[i * p + i];
        double inv = 1.0 / (Math.sqrt(trace) + normEps);
        if (!Double.isFinite(inv) || !Double.isFinite(trace)) {
            java.util.Arrays.fill(out, 0, m * n, Double.NaN);
            return;
        }
        for (int i = 0; i < p * p; i++) a[i] *= inv * inv;
        polynomial(gm, p, steps, ca, cb, cc);
        double[] dst = out == g ? grow(m * n) : out;
        if (tall) {
            // out = (inv M X)^T = inv g M^T
            gm.dgemm(false, true, m, n, n, inv, g, 0, n, mk, 0, n, 0.0, dst, 0, n);
        } else {
            gm.dgemm(false, false, m, n, m, inv, mk, 0, m, g, 0, n, 0.0, dst, 0, n);
        }
        if (dst != out) System.arraycopy(dst, 0, out, 0, m * n);
    }

    /** From {@code A_0} in {@code a}, leaves {@code M_steps} in {@code mk} (the identity for no steps). */
    private void polynomial(Gemm g, int p, int steps, double ca, double cb, double cc) {
        int pp = p * p;
        symmetrize(a, p);
        java.util.Arrays.fill(mk, 0, pp, 0.0);
        for (int i = 0; i < p; i++) mk[i * p + i] = 1.0;
        for (int s = 0; s < steps; s++) {
            g.dgemm(false, false, p, p, p, 1.0, a, 0, p, a, 0, p, 0.0, a2, 0, p);
            for (int i = 0; i < pp; i++) poly[i] = cb * a[i] + cc * a2[i];
            for (int i = 0; i < p; i++) poly[i * p + i] += ca;
            symmetrize(poly, p);
            if (s == 0) {
                System.arraycopy(poly, 0, mk, 0, pp);
            } else {
                g.dgemm(false, false, p, p, p, 1.0, poly, 0, p, mk, 0, p, 0.0, next, 0, p);
                System.arraycopy(next, 0, mk, 0, pp);
            }
            if (s + 1 < steps) {
                g.dgemm(false, false, p, p, p, 1.0, a, 0, p, poly, 0, p, 0.0, t, 0, p);
                g.dgemm(false, false, p, p, p, 1.0, poly, 0, p, t, 0, p, 0.0, a, 0, p);
                symmetrize(a, p);
            }
        }
    }

    private void ensure(int p) {
        int pp = p * p;
        if (a.length < pp) {
            a = new double[pp];
            a2 = new double[pp];
            poly = new double[pp];
            mk = new double[pp];
            next = new double[pp];
            t = new double[pp];
        }
    }

    private double[] grow(int len) {
        if (result.length < len) result = new double[len];
        return result;
    }

    /** The products are symmetric in exact arithmetic; averaging keeps rounding from building an asymmetric part. */
    private static void symmetrize(double[] s, int p) {
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double v = 0.5 * (s[i * p + j] + s[j * p + i]);
                s[i * p + j] = v;
                s[j * p + i] = v;
            }
        }
    }
}

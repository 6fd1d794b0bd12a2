package org.muonscope.engine.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Muon's quintic Newton-Schulz orthogonalization (Jordan et al. 2024, {@code zeropower_via_newtonschulz5}):
 * transpose if {@code rows > cols}; {@code X = G / (||G||_F + 1e-7)}; repeat
 * {@code A = X X^T; B = b A + c A A; X = a X + B X}; transpose back. The coefficients push singular values
 * into about {@code [0.68, 1.13]} fast rather than to 1 exactly: the output is approximately orthogonal on purpose.
 *
 * <p>An instance keeps its workspaces so repeated calls on one shape do not allocate; the work is done on the
 * short (Gram) side, {@code O(p^2 q)} per iteration for a {@code p x q} matrix with {@code p <= q}. When the short
 * side exceeds 16 and the matrix has rank at most a quarter of it, the iteration runs on the pivoted-QR reduction
 * {@code C = M Q^T} ({@code NS(C) = NS(M) Q^T} exactly, decision 0101).
 *
 * <p>Inside a {@link Gemm#runScoped} scope (a CNN run binds its team around every optimizer step), a matrix of
 * at least {@link GemmNewtonSchulz#MIN_ELEMENTS} elements iterates in the Gram space on the multi-threaded GEMM
 * instead ({@link GemmNewtonSchulz}; decisions 0502, 0504), without the low-rank attempt (the Gram-space
 * iteration costs less than the rank-revealing QR of a dense momentum). Outside a scope the single-threaded
 * kernels below run, so the theory models keep their paths and their last bits.
 */
public final class NewtonSchulz {
    /** The quintic's coefficients, tuned by Jordan et al. to maximise the slope at zero while staying bounded. */
    public static final double A = 3.4445;
    public static final double B = -4.7750;
    public static final double C = 2.0315;
    /** Added to the Frobenius norm so that a zero gradient gives a zero step instead of 0/0. */
    public static final double NORM_EPS = 1e-7;

    /** Below this short side the scalar loops win (padding to vector width would waste most lanes). */
    static final int VECTOR_MIN = 17;
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equalsIgnoreCase(System.getProperty("muonscope.ns", ""));

    /** Calls that skip the low-rank attempt after it found a dense matrix. */
    private static final int DENSE_BACKOFF = 16;

    private final LowRank lowRank = new LowRank();
    private GemmNewtonSchulz gramSpace;
    private int denseSkip;
    private double[] vx = new double[0];
    private double[] vy = new double[0];
    private double[] va = new double[0];
    private double[] vaa = new double[0];
    private int vpp = -1;
    private int vld = -1;
    private double[] c = new double[0];
    private double[] c2 = new double[0];
    private double[] x = new double[0];
    private double[] y = new double[0];
    private double[] gram = new double[0];
    private double[] poly = new double[0];

    /** Orthogonalizes with a fresh workspace; see {@link #apply}. */
    public static void orthogonalize(DMatrixRMaj g, int steps, DMatrixRMaj out) {
        new NewtonSchulz().apply(g, steps, out);
    }

    /**
     * {@code out = NS_steps(g)}.
     *
     * @param g     Not modified.
     * @param steps number of quintic iterations, {@code >= 0}
     * @param out   Modified. Reshaped to {@code g}'s shape; may be {@code g} itself.
     */
    public void apply(DMatrixRMaj g, int steps, DMatrixRMaj out) {
        int m = g.numRows;
        int n = g.numCols;
        if ((long) m * n >= GemmNewtonSchulz.MIN_ELEMENTS && Gemm.scoped() != null) {
            // a CNN's big matrix: the Gram-space iteration on the run's team, straight from g (decision 0504)
            if (gramSpace == null) gramSpace = new GemmNewtonSchulz();
            out.reshape(m, n);
            gramSpace.orthogonalize(g.data, m, n, steps, A, B, C, NORM_EPS, out.data);
            return;
        }
        boolean tall = m > n;
        int p = tall ? n : m;
        int q = tall ? m : n;
        c = grow(c, p * q);
        double[] gd = g.data;
        if (tall) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[j * q + i] = gd[i * n + j];
                }
            }
        } else {
            System.arraycopy(gd, 0, c, 0, p * q);
        }
        double norm = frobenius(c, p * q);
        if (!Double.isFinite(norm)) {
            out.reshape(m, n);
            Arrays.fill(out.data, 0, m * n, Double.NaN);
            return;
        }
        double[] result;
        boolean reduced = false;
        if (p > PolarSolver.SMALL && denseSkip == 0) {
            reduced = lowRank.reduce(c, p, q, Math.max(1, p / 4));
            // A dense gradient (Muon's momentum usually is) stays dense: skip the wasted QR for a while.
            denseSkip = reduced ? 0 : DENSE_BACKOFF;
        } else if (denseSkip > 0) {
            denseSkip--;
        }
        if (reduced) {
            // NS(C) = NS(M) Q^T exactly (the normalization sees ||M||_F = ||C||_F), and NS(M) = NS(M^T)^T.
            int r = lowRank.rank;
            c2 = grow(c2, p * q);
            Arrays.fill(c2, 0, p * q, 0.0);
            if (r > 0) {
                double[] ft = run(lowRank.mt, r, p, steps);
                for (int i = 0; i < r; i++) {
                    for (int a = 0; a < p; a++) {
                        double f = ft[i * p + a];
                        int ca = a * q;
                        int qi = i * q;
                        for (int t = 0; t < q; t++) {
                            c2[ca + t] += f * lowRank.qt[qi + t];
                        }
                    }
                }
            }
            result = c2;
        } else {
            result = run(c, p, q, steps);
        }
        out.reshape(m, n);
        double[] od = out.data;
        if (tall) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    od[i * n + j] = result[j * q + i];
                }
            }
        } else {
            System.arraycopy(result, 0, od, 0, p * q);
        }
    }

    /** Writes the path-choice state (whether the low-rank attempt is being skipped): it decides the rounding. */
    public void writeState(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(denseSkip);
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(java.io.DataInput in) throws java.io.IOException {
        denseSkip = in.readInt();
    }

    /** Normalizes the wide {@code p x q} matrix {@code src} and iterates; returns the buffer holding the result. */
    private double[] run(double[] src, int p, int q, int steps) {
        ensure(p, q);
        double inv = 1.0 / (frobenius(src, p * q) + NORM_EPS);
        if (VECTOR && p >= VECTOR_MIN) {
            return runVector(src, inv, p, q, steps);
        }
        for (int i = 0; i < p * q; i++) {
            x[i] = src[i] * inv;
        }
        double[] cur = x;
        double[] next = y;
        for (int s = 0; s < steps; s++) {
            iterate(cur, next, p, q);
            double[] t = cur;
            cur = next;
            next = t;
        }
        return cur;
    }

    /** The same iteration on zero-padded, vector-aligned buffers with the {@link NsKernel} products. */
    private double[] runVector(double[] src, double inv, int p, int q, int steps) {
        int pp = NsKernel.padRows(p);
        int ld = NsKernel.padCols(q);
        int ldp = NsKernel.padCols(pp);
        if (pp != vpp || ld != vld) {
            // Fresh (zeroed) buffers: the kernels rely on the padding staying zero.
            vx = new double[pp * ld];
            vy = new double[pp * ld];
            va = new double[pp * ldp];
            vaa = new double[pp * ldp];
            vpp = pp;
            vld = ld;
        }
        for (int i = 0; i < p; i++) {
            for (int t = 0; t < q; t++) {
                vx[i * ld + t] = src[i * q + t] * inv;
            }
        }
        double[] cur = vx;
        double[] next = vy;
        for (int s = 0; s < steps; s++) {
            NsKernel.gram(cur, pp, ld, va, ldp);
            NsKernel.gram(va, pp, ldp, vaa, ldp);
            for (int i = 0; i < pp; i++) {
                for (int j = 0; j < pp; j++) {
                    int o = i * ldp + j;
                    vaa[o] = B * va[o] + C * vaa[o];
                }
            }
            NsKernel.combine(A, vaa, ldp, cur, pp, ld, next);
            double[] t = cur;
            cur = next;
            next = t;
        }
        for (int i = 0; i < p; i++) {
            System.arraycopy(cur, i * ld, x, i * q, q);
        }
        return x;
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }

    /** One quintic step {@code dst = a X + (b A + c A^2) X} with {@code A = X X^T}, on a {@code p x q} X. */
    private void iterate(double[] src, double[] dst, int p, int q) {
        double[] a = gram;
        for (int i = 0; i < p; i++) {
            int ri = i * q;
            for (int j = i; j < p; j++) {
                int rj = j * q;
                double s = 0;
                for (int k = 0; k < q; k++) {
                    s += src[ri + k] * src[rj + k];
                }
                a[i * p + j] = s;
                a[j * p + i] = s;
            }
        }
        double[] bm = poly;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += a[i * p + k] * a[k * p + j];
                }
                double v = B * a[i * p + j] + C * s;
                bm[i * p + j] = v;
                bm[j * p + i] = v;
            }
        }
        for (int i = 0; i < p; i++) {
            int ri = i * q;
            for (int k = 0; k < q; k++) {
                dst[ri + k] = A * src[ri + k];
            }
            for (int j = 0; j < p; j++) {
                double b = bm[i * p + j];
                int rj = j * q;
                for (int k = 0; k < q; k++) {
                    dst[ri + k] += b * src[rj + k];
                }
            }
        }
    }

    private void ensure(int p, int q) {
        if (x.length < p * q) {
            x = new double[p * q];
            y = new double[p * q];
        }
        if (gram.length < p * p) {
            gram = new double[p * p];
            poly = new double[p * p];
        }
    }

    static double frobenius(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * a[i];
        }
        return Math.sqrt(s);
    }
}

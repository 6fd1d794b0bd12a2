package org.muonscope.engine.linalg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A reusable polar-factor solver for one parameter: workspaces and a warm start live here, so repeated calls on a
 * slowly changing gradient neither allocate nor start from scratch (decision 0101).
 *
 * <ul>
 *   <li>short side {@code <= 16}: one-sided Jacobi on the short side's columns, warm-started from the last V;</li>
 *   <li>longer: pivoted-QR reduction {@code C = M Q^T} ({@link LowRank}); if the rank is at most a quarter of the
 *       short side (the deep linear model's factor gradients), Jacobi on the small {@code M};</li>
 *   <li>otherwise (a dense large gradient): EJML's SVD, {@link Polar#polarSvd}.</li>
 * </ul>
 * The result equals {@link Polar#polarSvd} to rounding (about {@code 1e-13} relative).
 */
public final class PolarSolver {
    /** Up to this short side, Jacobi on the whole matrix beats any reduction. */
    static final int SMALL = 16;
    /** Every this many calls the warm-start V is re-orthonormalized so that rounding cannot build up. */
    private static final int REORTHO_EVERY = 32;
    /** After a dense gradient, skip the QR attempt for this many calls (its work would be wasted again). */
    private static final int DENSE_BACKOFF = 16;

    private final LowRank lowRank = new LowRank();
    private double[] c = new double[0];
    private double[] work = new double[0];
    private double[] tmp = new double[0];
    private double[] norm = new double[0];
    private double[] vt = new double[0];
    private int warmSize = -1;
    private long calls;
    private int denseSkip;
    private int lastSweeps;

    /**
     * {@code out = U V^T} of {@code g}; see {@link Polar}.
     *
     * @param g   Not modified.
     * @param out Modified. Reshaped to {@code g}'s shape; may be {@code g}.
     */
    public void compute(DMatrixRMaj g, DMatrixRMaj out) {
        int m = g.numRows;
        int n = g.numCols;
        boolean wide = m <= n;
        int q = wide ? m : n;
        int p = wide ? n : m;
        calls++;
        double scale = 0;
        for (int i = 0; i < m * n; i++) {
            scale = Math.max(scale, Math.abs(g.data[i]));
        }
        if (!Double.isFinite(scale)) {
            out.reshape(m, n);
            Arrays.fill(out.data, 0, m * n, Double.NaN);
            return;
        }
        if (scale == 0) {
            out.reshape(m, n);
            Arrays.fill(out.data, 0, m * n, 0.0);
            return;
        }
        // C (q x p, rows = the short side) scaled to max |entry| 1: the polar factor is scale-free, and squares of
        // tiny or huge gradients must neither underflow nor overflow.
        c = grow(c, q * p);
        double inv = 1 / scale;
        if (wide) {
            for (int i = 0; i < q * p; i++) {
                c[i] = g.data[i] * inv;
            }
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[j * p + i] = g.data[i * n + j] * inv;
                }
            }
        }
        work = grow(work, q * p);
        if (q <= SMALL) {
            jacobiPolar(c, q, p);
            System.arraycopy(tmp, 0, work, 0, q * p);
        } else if (denseSkip == 0 && lowRank.reduce(c, q, p, Math.max(1, q / 4))) {
            int r = lowRank.rank;
            if (r == 0) {
                Arrays.fill(work, 0, q * p, 0.0);
            } else {
                jacobiPolar(lowRank.mt, r, q);
                // polar(C) = polar(M) Q^T and polar(M) = (tmp)^T with tmp = V U^T (r x q): C-row a = sum_i tmp[i][a] Qt_i.
                Arrays.fill(work, 0, q * p, 0.0);
                for (int i = 0; i < r; i++) {
                    for (int a = 0; a < q; a++) {
                        double f = tmp[i * q + a];
                        if (f == 0) {
                            continue;
                        }
                        int wa = a * p;
                        int qi = i * p;
                        for (int t = 0; t < p; t++) {
                            work[wa + t] += f * lowRank.qt[qi + t];
                        }
                    }
                }
            }
        } else {
            denseSkip = denseSkip == 0 ? DENSE_BACKOFF : denseSkip - 1;
            Polar.polarSvd(g, out);
            return;
        }
        out.reshape(m, n);
        if (wide) {
            System.arraycopy(work, 0, out.data, 0, q * p);
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    out.data[i * n + j] = work[j * p + i];
                }
            }
        }
    }

    /**
     * Polar factor of the {@code len x k} matrix A whose columns are the rows of {@code cols} ({@code k x len});
     * leaves {@code polar(A)^T = V U^T} ({@code k x len}) in {@code tmp}. Modifies {@code cols}.
     */
    private void jacobiPolar(double[] cols, int k, int len) {
        tmp = grow(tmp, k * len);
        norm = grow(norm, k);
        if (warmSize != k) {
            vt = new double[k * k];
            for (int i = 0; i < k; i++) {
                vt[i * k + i] = 1;
            }
            warmSize = k;
        } else if (calls % REORTHO_EVERY == 0) {
            Jacobi.reorthonormalize(vt, k);
        }
        // Warm start: columns of A V_prev are nearly orthogonal when the gradient changed little.
        Jacobi.combineRows(vt, k, k, cols, len, tmp);
        System.arraycopy(tmp, 0, cols, 0, k * len);
        lastSweeps = Jacobi.orthogonalize(cols, k, len, vt, norm);
        Jacobi.normalize(cols, k, len, norm, Polar.RANK_CUTOFF);
        // V U^T: row a = sum_j V[a][j] U_j = sum_j vt[j][a] U_j.
        Arrays.fill(tmp, 0, k * len, 0.0);
        for (int j = 0; j < k; j++) {
            int uj = j * len;
            for (int a = 0; a < k; a++) {
                double f = vt[j * k + a];
                int ta = a * len;
                for (int t = 0; t < len; t++) {
                    tmp[ta + t] += f * cols[uj + t];
                }
            }
        }
    }

    /** Sweeps the last Jacobi solve needed (for benchmarks and tests). */
    public int lastSweeps() {
        return lastSweeps;
    }

    /** Writes the warm start (it changes results in the last bits, so a bit-exact resume needs it). */
    public void writeWarmStart(DataOutput out) throws IOException {
        out.writeLong(calls);
        out.writeInt(denseSkip);
        out.writeInt(warmSize);
        for (int i = 0; i < Math.max(warmSize, 0) * Math.max(warmSize, 0); i++) {
            out.writeDouble(vt[i]);
        }
    }

    /** Restores what {@link #writeWarmStart} wrote. */
    public void readWarmStart(DataInput in) throws IOException {
        calls = in.readLong();
        denseSkip = in.readInt();
        int k = in.readInt();
        if (k < -1 || k > 1 << 15) {
            throw new IOException("corrupt polar warm start (size " + k + ")");
        }
        warmSize = k;
        vt = new double[Math.max(k, 0) * Math.max(k, 0)];
        for (int i = 0; i < vt.length; i++) {
            vt[i] = in.readDouble();
        }
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}

package org.muonscope.engine.linalg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.svd.SvdImplicitQrDecompose_DDRM;

/**
 * A reusable polar-factor solver for one parameter: workspaces and a warm start live here, so repeated calls on a
 * slowly changing gradient neither allocate nor start from scratch (decision 0101).
 *
 * <ul>
 *   <li>short side {@code <= 16}: one-sided Jacobi on the short side's columns, warm-started from the V of one or
 *       two calls ago, handing over to a reused EJML SVD for a while when the warm start stops paying;</li>
 *   <li>longer: pivoted-QR reduction {@code C = M Q^T} ({@link LowRank}); if the rank is at most a quarter of the
 *       short side (the deep linear model's factor gradients), Jacobi on the small {@code M};</li>
 *   <li>otherwise (a dense large gradient): a reused EJML SVD (the same algorithm as {@link Polar#polarSvd}).</li>
 * </ul>
 * The result equals {@link Polar#polarSvd} to rounding (about {@code 1e-13} relative).
 */
public final class PolarSolver {
    /** Up to this short side, Jacobi on the whole matrix beats any reduction. */
    static final int SMALL = 16;
    /** Every this many calls the warm-start V is re-orthonormalized so that rounding cannot build up. */
    private static final int REORTHO_EVERY = 32;
    /** A warm Jacobi needing more sweeps than this is no cheaper than an SVD. */
    private static final int WARM_SWEEPS = 3;
    /** Calls that then go to the SVD before Jacobi is tried again from the SVD's V (doubling up to the max). */
    private static final int SVD_RUN = 8;
    private static final int SVD_RUN_MAX = 128;
    /** Per call, the unused warm-start lag's sweep record drops by this, so it is retried every ~16 calls. */
    private static final double LAG_DECAY = 0.125;
    /** After a dense gradient, skip the QR attempt for this many calls (its work would be wasted again). */
    private static final int DENSE_BACKOFF = 16;

    private final LowRank lowRank = new LowRank();
    private double[] c = new double[0];
    private double[] work = new double[0];
    private double[] tmp = new double[0];
    private double[] norm = new double[0];
    private double[] vt = new double[0];
    /** Two warm starts used on alternate calls: see {@link #smallPolar}. */
    private final double[][] warm = {new double[0], new double[0]};
    /** Recent sweeps a Jacobi solve took from the lag-1 and lag-2 warm starts (index 1, 2); see smallPolar. */
    private final double[] lagCost = {0, 1, 1};
    private int warmSize = -1;
    private long calls;
    private int denseSkip;
    private int lastSweeps;
    private int svdFor;
    private int svdRun = SVD_RUN;
    private DMatrixRMaj svdWork = new DMatrixRMaj(0, 0);
    private DMatrixRMaj svdU;
    private DMatrixRMaj svdV;
    private SvdImplicitQrDecompose_DDRM svd;

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
            smallPolar(c, q, p);
            System.arraycopy(tmp, 0, work, 0, q * p);
        } else if (denseSkip == 0 && lowRank.reduce(c, q, p, Math.max(1, q / 4))) {
            int r = lowRank.rank;
            if (r == 0) {
                Arrays.fill(work, 0, q * p, 0.0);
            } else {
                smallPolar(lowRank.mt, r, q);
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
            svdPolar(c, q, p, false);
            System.arraycopy(tmp, 0, work, 0, q * p);
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
     * Polar factor of the wide {@code k x len} matrix in {@code cols} (row-major), left in {@code tmp}. Jacobi on its
     * rows (the columns of its transpose), warm-started from the last V, while that converges in a few sweeps; when
     * the warm start stops paying (the gradient turns fast, as SpecGD's does at saturation) a reused EJML SVD, which
     * costs about a third of a cold Jacobi, takes over for a while and hands its V back as the next warm start.
     * Modifies {@code cols}.
     */
    private void smallPolar(double[] cols, int k, int len) {
        tmp = grow(tmp, k * len);
        norm = grow(norm, k);
        if (warmSize != k) {
            for (int w = 0; w < 2; w++) {
                warm[w] = new double[k * k];
                for (int i = 0; i < k; i++) {
                    warm[w][i * k + i] = 1;
                }
            }
            warmSize = k;
            svdFor = 0;
            svdRun = SVD_RUN;
            lagCost[1] = 1;
            lagCost[2] = 1;
        }
        // Warm start from the last call's V, or from the one two calls ago: a constant-size step (SpecGD at
        // saturation) makes the gradient alternate between two states, so the last V is poor and the one before
        // exact. The lag with fewer recent sweeps is used; the other's record decays so it gets retried now and then.
        int lag = lagCost[2] < lagCost[1] ? 2 : 1;
        vt = warm[(int) (calls & 1)];
        if (lag == 1) {
            System.arraycopy(warm[(int) ((calls + 1) & 1)], 0, vt, 0, k * k);
        }
        if (svdFor > 0) {
            svdFor--;
            svdPolar(cols, k, len, true);
            return;
        }
        if (calls % REORTHO_EVERY < 2) {
            Jacobi.reorthonormalize(vt, k);
        }
        // Warm start: columns of A V_prev are nearly orthogonal when the gradient changed little.
        Jacobi.combineRows(vt, k, k, cols, len, tmp);
        System.arraycopy(tmp, 0, cols, 0, k * len);
        lastSweeps = Jacobi.orthogonalize(cols, k, len, vt, norm);
        lagCost[lag] = lastSweeps;
        lagCost[3 - lag] = Math.max(1, lagCost[3 - lag] - LAG_DECAY);
        if (lastSweeps > WARM_SWEEPS) {
            // Back off exponentially while retries keep failing, so a persistently turning gradient pays for a
            // cold Jacobi only rarely.
            svdFor = svdRun;
            svdRun = Math.min(2 * svdRun, SVD_RUN_MAX);
        } else {
            svdRun = SVD_RUN;
        }
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

    /** {@code tmp = U_cut V^T} from EJML's SVD of the wide {@code k x len} {@code cols}; optionally warm start = U^T. */
    private void svdPolar(double[] cols, int k, int len, boolean seedWarmStart) {
        tmp = grow(tmp, k * len);
        if (svdWork.numRows != k || svdWork.numCols != len) {
            svdWork = new DMatrixRMaj(k, len);
            svd = new SvdImplicitQrDecompose_DDRM(true, true, true, false);
        }
        System.arraycopy(cols, 0, svdWork.data, 0, k * len);
        if (!svd.decompose(svdWork)) {
            throw new ArithmeticException("SVD did not converge on a " + k + "x" + len + " matrix");
        }
        svdU = svd.getU(svdU, false);
        svdV = svd.getV(svdV, false);
        double[] sv = svd.getSingularValues();
        int n = svd.numberOfSingularValues();
        double smax = 0;
        for (int j = 0; j < n; j++) {
            smax = Math.max(smax, sv[j]);
        }
        Arrays.fill(tmp, 0, k * len, 0.0);
        double[] u = svdU.data;
        double[] v = svdV.data;
        for (int j = 0; j < n; j++) {
            if (!(sv[j] > Polar.RANK_CUTOFF * smax)) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                double f = u[a * n + j];
                int ta = a * len;
                for (int t = 0; t < len; t++) {
                    tmp[ta + t] += f * v[t * n + j];
                }
            }
        }
        lastSweeps = 0;
        if (seedWarmStart && n == k) {
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < k; a++) {
                    vt[j * k + a] = u[a * n + j];
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
        out.writeInt(svdFor);
        out.writeInt(svdRun);
        out.writeDouble(lagCost[1]);
        out.writeDouble(lagCost[2]);
        out.writeInt(warmSize);
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < Math.max(warmSize, 0) * Math.max(warmSize, 0); i++) {
                out.writeDouble(warm[w][i]);
            }
        }
    }

    /** Restores what {@link #writeWarmStart} wrote. */
    public void readWarmStart(DataInput in) throws IOException {
        calls = in.readLong();
        denseSkip = in.readInt();
        svdFor = in.readInt();
        svdRun = in.readInt();
        lagCost[1] = in.readDouble();
        lagCost[2] = in.readDouble();
        int k = in.readInt();
        if (k < -1 || k > 1 << 15) {
            throw new IOException("corrupt polar warm start (size " + k + ")");
        }
        warmSize = k;
        for (int w = 0; w < 2; w++) {
            warm[w] = new double[Math.max(k, 0) * Math.max(k, 0)];
            for (int i = 0; i < warm[w].length; i++) {
                warm[w][i] = in.readDouble();
            }
        }
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}

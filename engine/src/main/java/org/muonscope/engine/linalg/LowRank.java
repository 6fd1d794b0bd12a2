package org.muonscope.engine.linalg;

/**
 * Rank-revealing reduction of a wide matrix {@code C} ({@code q x p}, {@code q <= p}) by Householder QR with column
 * pivoting of {@code C^T}: {@code C ~ M Q^T} with {@code Q} ({@code p x r}) orthonormal and {@code M}
 * ({@code q x r}) small. Spectral functions commute with the orthonormal factor, {@code polar(C) = polar(M) Q^T} and
 * {@code NS(C) = NS(M) Q^T}, so a gradient of rank {@code r << q} (the deep linear model's factor gradients have
 * rank {@code <= k}) costs {@code O(q p r)} instead of an SVD or Gram products of the full matrix.
 *
 * <p>Stops when the Frobenius norm of what is left is at most {@code 1e-13 |R_00| <= 1e-13 s_max}: every dropped
 * singular value is below the {@code 1e-12} cutoff, and the kept ones move by less than that.
 */
final class LowRank {
    static final double STOP = 1e-13;

    private double[] x = new double[0];
    private double[] rem = new double[0];
    private double[] tau = new double[0];
    private int[] perm = new int[0];
    int q;
    int p;
    int rank;
    /** {@code M^T}, {@code r x q} row-major (row {@code i} = column {@code i} of M). */
    double[] mt = new double[0];
    /** {@code Q^T}, {@code r x p} row-major. */
    double[] qt = new double[0];

    /**
     * Factors {@code C}, given by rows in {@code c} ({@code q x p}, not modified).
     *
     * @return false when the rank exceeds {@code maxRank} (the caller should take its dense path)
     */
    boolean reduce(double[] c, int q, int p, int maxRank) {
        this.q = q;
        this.p = p;
        if (x.length < q * p) {
            x = new double[q * p];
        }
        if (rem.length < q) {
            rem = new double[q];
            tau = new double[q];
            perm = new int[q];
        }
        System.arraycopy(c, 0, x, 0, q * p);
        for (int j = 0; j < q; j++) {
            perm[j] = j;
            double s = 0;
            for (int t = 0; t < p; t++) {
                s += x[j * p + t] * x[j * p + t];
            }
            rem[j] = s;
        }
        double r00 = 0;
        int k = 0;
        while (k < q) {
            int best = k;
            double left = 0;
            for (int j = k; j < q; j++) {
                left += rem[j];
                if (rem[j] > rem[best]) {
                    best = j;
                }
            }
            if (left == 0 || (k > 0 && left <= STOP * STOP * r00 * r00)) {
                break;
            }
            if (k >= maxRank) {
                return false;
            }
            swap(k, best);
            householder(k);
            if (k == 0) {
                r00 = Math.abs(x[0]);
            }
            k++;
        }
        rank = k;
        buildFactors();
        return true;
    }

    private void swap(int k, int j) {
        if (j == k) {
            return;
        }
        for (int t = 0; t < p; t++) {
            double v = x[k * p + t];
            x[k * p + t] = x[j * p + t];
            x[j * p + t] = v;
        }
        double r = rem[k];
        rem[k] = rem[j];
        rem[j] = r;
        int i = perm[k];
        perm[k] = perm[j];
        perm[j] = i;
    }

    /** Reflects column k (row k of x) onto e_k and applies the reflection to the later columns. */
    private void householder(int k) {
        int rk = k * p;
        double alpha = x[rk + k];
        double sigma = 0;
        for (int t = k + 1; t < p; t++) {
            sigma += x[rk + t] * x[rk + t];
        }
        double norm = Math.sqrt(alpha * alpha + sigma);
        double diag = alpha >= 0 ? -norm : norm;
        double v0 = alpha - diag;
        if (sigma == 0 && alpha >= 0) {
            // Already a non-negative multiple of e_k: H = I (tau 0), which also avoids v0 = 0.
            tau[k] = 0;
        } else {
            double inv = 1 / v0;
            for (int t = k + 1; t < p; t++) {
                x[rk + t] *= inv;
            }
            tau[k] = (diag - alpha) / diag;
            x[rk + k] = diag;
        }
        for (int j = k + 1; j < q; j++) {
            int rj = j * p;
            double w = x[rj + k];
            for (int t = k + 1; t < p; t++) {
                w += x[rk + t] * x[rj + t];
            }
            w *= tau[k];
            x[rj + k] -= w;
            double s = 0;
            for (int t = k + 1; t < p; t++) {
                double v = x[rj + t] - w * x[rk + t];
                x[rj + t] = v;
                s += v * v;
            }
            rem[j] = s;
        }
    }

    /** M^T[i][perm[j]] = R[i][j] and Q^T rows {@code H_0 ... H_i e_i}. */
    private void buildFactors() {
        int r = rank;
        if (mt.length < r * q) {
            mt = new double[Math.max(r, 1) * q];
        }
        if (qt.length < r * p) {
            qt = new double[Math.max(r, 1) * p];
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < q; j++) {
                mt[i * q + perm[j]] = j >= i ? x[j * p + i] : 0;
            }
        }
        for (int i = 0; i < r; i++) {
            int ri = i * p;
            for (int t = 0; t < p; t++) {
                qt[ri + t] = 0;
            }
            qt[ri + i] = 1;
            for (int l = i; l >= 0; l--) {
                if (tau[l] == 0) {
                    continue;
                }
                int rl = l * p;
                double w = qt[ri + l];
                for (int t = l + 1; t < p; t++) {
                    w += x[rl + t] * qt[ri + t];
                }
                w *= tau[l];
                qt[ri + l] -= w;
                for (int t = l + 1; t < p; t++) {
                    qt[ri + t] -= w * x[rl + t];
                }
            }
        }
    }
}

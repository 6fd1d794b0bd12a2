package org.muonscope.engine.linalg;

/**
 * One-sided (Hestenes) Jacobi on a matrix stored by columns: rotates pairs of columns until all are mutually
 * orthogonal, accumulating the rotations. On exit column {@code j} is {@code s_j u_j}, so the polar factor is
 * {@code U V^T} with {@code U} the normalized columns. Accurate to rounding in every singular value, which is what
 * the {@code 1e-12} rank cutoff needs; warm-started from the previous {@code V} it converges in one or two sweeps.
 */
final class Jacobi {
    /** Columns whose cosine is below this count as orthogonal (a few ulps, above dot-product rounding). */
    static final double ORTHO_TOL = 1e-14;
    static final int MAX_SWEEPS = 60;

    private Jacobi() {
    }

    /**
     * @param cols Modified. {@code k} columns of length {@code len}, column {@code j} at {@code j * len}.
     * @param vt   Modified. {@code V^T} ({@code k x k}, row {@code j} = column {@code j} of V). On entry an orthogonal
     *             warm start already applied to {@code cols} (identity when cold); on exit the accumulated one.
     * @param norm Modified. On exit the column norms (the singular values, unsorted).
     * @return the number of sweeps
     */
    static int orthogonalize(double[] cols, int k, int len, double[] vt, double[] norm) {
        double total = 0;
        for (int i = 0; i < k * len; i++) {
            total += cols[i] * cols[i];
        }
        // Columns below 1e-15 of the whole matrix are rounding noise of a rank-deficient input: leave them alone.
        double floor = 1e-30 * total;
        int sweeps = 0;
        boolean rotated = true;
        while (rotated && sweeps < MAX_SWEEPS) {
            rotated = false;
            sweeps++;
            // Squared norms are recomputed once a sweep and updated exactly per rotation (a' = a - t g,
            // b' = b + t g), so each pair costs one dot product instead of three.
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int t = 0; t < len; t++) {
                    double x = cols[j * len + t];
                    s += x * x;
                }
                norm[j] = s;
            }
            for (int i = 0; i < k - 1; i++) {
                int ci = i * len;
                for (int j = i + 1; j < k; j++) {
                    double a = norm[i];
                    double b = norm[j];
                    if (a <= floor || b <= floor) {
                        continue;
                    }
                    int cj = j * len;
                    double g = 0;
                    for (int t = 0; t < len; t++) {
                        g += cols[ci + t] * cols[cj + t];
                    }
                    if (Math.abs(g) <= ORTHO_TOL * Math.sqrt(a * b)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (b - a) / (2 * g);
                    double tan = (zeta >= 0 ? 1.0 : -1.0) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + tan * tan);
                    double s = c * tan;
                    rotate(cols, ci, cj, len, c, s);
                    rotate(vt, i * k, j * k, k, c, s);
                    norm[i] = a - tan * g;
                    norm[j] = b + tan * g;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int t = 0; t < len; t++) {
                double x = cols[j * len + t];
                s += x * x;
            }
            norm[j] = Math.sqrt(s);
        }
        return sweeps;
    }

    private static void rotate(double[] a, int ci, int cj, int len, double c, double s) {
        for (int t = 0; t < len; t++) {
            double x = a[ci + t];
            double y = a[cj + t];
            a[ci + t] = c * x - s * y;
            a[cj + t] = s * x + c * y;
        }
    }

    /** Normalizes columns to unit length, zeroing those at or below {@code cutoff * max norm}; returns the rank. */
    static int normalize(double[] cols, int k, int len, double[] norm, double cutoff) {
        double max = 0;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, norm[j]);
        }
        int rank = 0;
        for (int j = 0; j < k; j++) {
            boolean keep = max > 0 && norm[j] > cutoff * max;
            double f = keep ? 1 / norm[j] : 0;
            rank += keep ? 1 : 0;
            for (int t = 0; t < len; t++) {
                cols[j * len + t] *= f;
            }
        }
        return rank;
    }

    /** {@code dst = W src}: row {@code i} of dst is {@code sum_l w[i][l] src_l} (rows of length {@code len}). */
    static void combineRows(double[] w, int rows, int k, double[] src, int len, double[] dst) {
        for (int i = 0; i < rows; i++) {
            int di = i * len;
            for (int t = 0; t < len; t++) {
                dst[di + t] = 0;
            }
            for (int l = 0; l < k; l++) {
                double f = w[i * k + l];
                if (f == 0) {
                    continue;
                }
                int sl = l * len;
                for (int t = 0; t < len; t++) {
                    dst[di + t] += f * src[sl + t];
                }
            }
        }
    }

    /** Re-orthonormalizes the rows of {@code vt} (modified Gram-Schmidt) so that rounding cannot accumulate. */
    static void reorthonormalize(double[] vt, int k) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double d = 0;
                for (int t = 0; t < k; t++) {
                    d += vt[i * k + t] * vt[j * k + t];
                }
                for (int t = 0; t < k; t++) {
                    vt[i * k + t] -= d * vt[j * k + t];
                }
            }
            double n = 0;
            for (int t = 0; t < k; t++) {
                n += vt[i * k + t] * vt[i * k + t];
            }
            double f = 1 / Math.sqrt(n);
            for (int t = 0; t < k; t++) {
                vt[i * k + t] *= f;
            }
        }
    }
}

package org.muonscope.engine.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The standard normal distribution, tuned for the class-accuracy integrals, which evaluate the CDF hundreds of
 * times per call.
 */
final class Normal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    // Phi is tabulated with its derivative on [-RANGE, RANGE] at spacing 1/CELLS and read back by cubic Hermite
    // interpolation: error at most max|Phi^(4)| / 384 * CELLS^-4 ~ 0.55 / 384 / 64^4 < 1e-10, for the price of
    // four table reads instead of an exp. Outside the range Phi is 0 or 1 to within 1e-17.
    private static final double RANGE = 8.5;
    private static final int CELLS = 64;
    private static final int SIZE = (int) (2 * RANGE * CELLS);
    private static final double[] VALUE = new double[SIZE + 2];
    private static final double[] SLOPE = new double[SIZE + 2]; // pdf times the cell width

    static {
        double[][] gl = gaussLegendre(8);
        int mid = SIZE / 2;
        double h = 1.0 / CELLS;
        double acc = 0.5;
        VALUE[mid] = 0.5;
        for (int i = mid; i < SIZE; i++) {
            // pdf over [x_i, x_i + h] by 8-point Gauss-Legendre: exact to rounding on a cell this small
            double a = (i - mid) * h;
            double part = 0;
            for (int q = 0; q < 8; q++) part += gl[1][q] * pdf(a + 0.5 * h * (1 + gl[0][q]));
            acc += 0.5 * h * part;
            VALUE[i + 1] = acc;
            VALUE[2 * mid - i - 1] = 1 - acc;
        }
        VALUE[SIZE + 1] = 1;
        for (int i = 0; i <= SIZE + 1; i++) SLOPE[i] = h * pdf(-RANGE + i * h);
    }

    private Normal() {
    }

    static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code Phi(x)}, absolute error below 1e-10 (see the table above). */
    static double cdf(double x) {
        if (!(x > -RANGE)) return x != x ? Double.NaN : 0;
        if (x >= RANGE) return 1;
        double u = (x + RANGE) * CELLS;
        int i = (int) u;
        double t = u - i;
        double s = 1 - t;
        return s * s * ((1 + 2 * t) * VALUE[i] + t * SLOPE[i]) + t * t * ((3 - 2 * t) * VALUE[i + 1] - s * SLOPE[i + 1]);
    }

    /** Gauss-Legendre rule on {@code [-1, 1]}: Jacobi off-diagonal {@code i / sqrt(4 i^2 - 1)}, weights sum to 2. */
    static double[][] gaussLegendre(int n) {
        double[] off = new double[n];
        for (int i = 1; i < n; i++) off[i] = i / Math.sqrt(4.0 * i * i - 1);
        return golubWelsch(off, 2);
    }

    /** Nodes and weights of the symmetric Jacobi matrix with zero diagonal and {@code off[i]} at (i-1, i). */
    private static double[][] golubWelsch(double[] off, double mass) {
        int n = off.length;
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int i = 1; i < n; i++) {
            j.set(i - 1, i, off[i]);
            j.set(i, i - 1, off[i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(j)) throw new IllegalStateException("Golub-Welsch eigen-decomposition failed");
        double[][] pairs = new double[n][2];
        for (int i = 0; i < n; i++) {
            DMatrixRMaj v = (DMatrixRMaj) eig.getEigenVector(i);
            double norm = 0;
            for (int q = 0; q < n; q++) norm += v.data[q] * v.data[q];
            pairs[i][0] = eig.getEigenvalue(i).real;
            pairs[i][1] = v.data[0] * v.data[0] / norm;
        }
        java.util.Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        double[][] out = new double[2][n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // The rule is symmetric; averaging mirrored pairs removes the eigen-solver's rounding asymmetry.
            out[0][i] = 0.5 * (pairs[i][0] - pairs[n - 1 - i][0]);
            out[1][i] = 0.5 * (pairs[i][1] + pairs[n - 1 - i][1]);
            sum += out[1][i];
        }
        for (int i = 0; i < n; i++) out[1][i] *= mass / sum;
        return out;
    }
}

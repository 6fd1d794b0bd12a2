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
    // Abramowitz & Stegun 26.2.17 (Hastings): |error| < 7.5e-8 on the whole line; one exp per call.
    private static final double P = 0.2316419;
    private static final double B1 = 0.319381530;
    private static final double B2 = -0.356563782;
    private static final double B3 = 1.781477937;
    private static final double B4 = -1.821255978;
    private static final double B5 = 1.330274429;

    private Normal() {
    }

    static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code Phi(x)} with absolute error below {@code 7.5e-8} (A&amp;S 26.2.17). */
    static double cdf(double x) {
        double a = Math.abs(x);
        if (a > 38) return x > 0 ? 1 : 0;
        double t = 1 / (1 + P * a);
        double tail = pdf(a) * t * (B1 + t * (B2 + t * (B3 + t * (B4 + t * B5))));
        return x > 0 ? 1 - tail : tail;
    }

    /**
     * Gauss-Hermite rule for the weight {@code phi(z)}: {@code E f(Z) ~ sum_i w_i f(z_i)}, exact for polynomials
     * of degree {@code < 2n}. Golub-Welsch: the nodes are the eigenvalues of the Jacobi matrix of the
     * probabilists' Hermite polynomials (off-diagonal {@code sqrt(i)}), the weights the squared first components
     * of its unit eigenvectors.
     *
     * @return {@code {nodes, weights}}, nodes ascending
     */
    static double[][] gaussHermite(int n) {
        double[] off = new double[n];
        for (int i = 1; i < n; i++) off[i] = Math.sqrt(i);
        return golubWelsch(off, 1);
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

package org.muonscope.engine.experiments.cnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.optim.Param;

/**
 * The singular values of a network's weight matrices, as each evaluation records them ({@link CnnFields#SINGULAR_VALUES}).
 *
 * <p>Two routes, by size (decision 1101). A matrix of at most {@link #GRAM_ABOVE} entries goes through the SVD
 * ({@link Spectra#singularValues}). A bigger one (the paper CNN's {@code fc1}, 128 x 7744 on 28 x 28 images; the
 * MLP's {@code fc1}, 256 x 784) goes through its Gram matrix: the eigenvalues of the smaller of {@code W W^T} and
 * {@code W^T W}, clamped at 0, square roots. On two loaded cores EJML's SVD of the paper CNN's {@code fc1} took
 * 170-390 ms, the Gram route 9-21 ms (the product runs on the engine's GEMM), while the evaluation itself, the
 * forward passes over the bundled 1,000 test images, took 240-480 ms. The price is the squared condition number: an
 * eigenvalue carries an absolute error of about {@code eps s_1^2} times a modest factor, so {@code s_i} is off by
 * about {@code eps s_1^2 / s_i}, and a value {@code 1e-4 s_1} keeps about eight digits. Trained layers are far better
 * conditioned than that: on the Fashion-MNIST runs' trained {@code fc1} ({@code s_min / s_1} about 0.2) the two
 * routes agreed within {@code 2e-14 s_1}, their effective ranks to twelve digits. The GEMM never splits a sum across
 * threads, so both routes give the same bits whatever the thread count.
 */
final class LayerSpectra {
    /** Matrices with more entries than this take the Gram route. */
    static final int GRAM_ABOVE = 1 << 16;

    private LayerSpectra() { }

    /** The parameters that are matrices (more than one row and one column), in network order: biases drop out. */
    static List<Param> matrices(List<Param> params) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) if (p.value().numRows > 1 && p.value().numCols > 1) out.add(p);
        return out;
    }

    static String[] names(List<Param> matrices) {
        String[] out = new String[matrices.size()];
        for (int i = 0; i < out.length; i++) out[i] = matrices.get(i).name();
        return out;
    }

    /** One row per matrix: its {@code min(rows, cols)} singular values, descending. */
    static double[][] singularValues(List<Param> matrices, Gemm gemm) {
        double[][] out = new double[matrices.size()][];
        for (int i = 0; i < out.length; i++) out[i] = singularValues(matrices.get(i).value(), gemm);
        return out;
    }

    /** The entropy effective rank of each row ({@link Spectra#effectiveRank}). */
    static double[] effectiveRanks(double[][] singularValues) {
        double[] out = new double[singularValues.length];
        for (int i = 0; i < out.length; i++) out[i] = Spectra.effectiveRank(singularValues[i]);
        return out;
    }

    /** The singular values of {@code w}, descending, by the route its size picks. {@code w} is not modified. */
    static double[] singularValues(DMatrixRMaj w, Gemm gemm) {
        return (long) w.numRows * w.numCols > GRAM_ABOVE ? viaGram(w, gemm) : Spectra.singularValues(w);
    }

    /** Square roots of the eigenvalues of the smaller Gram matrix of {@code w}, descending. */
    static double[] viaGram(DMatrixRMaj w, Gemm gemm) {
        boolean wide = w.numRows <= w.numCols;
        int n = wide ? w.numRows : w.numCols;
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        gemm.mult(w, !wide, w, wide, g);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(g)) throw new ArithmeticException("eigenvalues did not converge on a " + n + "x" + n + " Gram matrix");
        double[] s = new double[n];
        // rounding can leave the eigenvalue of a zero singular value slightly negative: that value is 0
        for (int i = 0; i < n; i++) s[i] = Math.sqrt(Math.max(0, eig.getEigenvalue(i).real));
        Arrays.sort(s);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }
}

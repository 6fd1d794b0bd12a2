package org.muonscope.engine.theory;

import org.muonscope.engine.linalg.Spectra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Deep linear regression of docs/theory.md section 3: {@code x ~ N(0, I_D)}, {@code y = A x + noise} with
 * {@code A = Q diag(s) R^T}, {@code Q} and {@code R} Haar-random orthogonal. The population moments are exact:
 * {@code Sxx = I}, {@code Syx = A}; the noise (standard deviation {@code noise} per output) only adds
 * {@code noise^2 D / 2} to the loss. With {@code s = null} the regression weights are standard normal entries
 * (the paper's Figure 1) and {@code s} are their singular values.
 */
public final class DlnTask {
    private final int dim;
    private final double noise;
    private final DMatrixRMaj a;
    private final DMatrixRMaj q;
    private final DMatrixRMaj r;
    private final double[] s;

    private DlnTask(int dim, double noise, DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r, double[] s) {
        this.dim = dim;
        this.noise = noise;
        this.a = a;
        this.q = q;
        this.r = r;
        this.s = s;
    }

    /**
     * @param singularValues the singular values of {@code A} in any order (sorted descending here), or null for a
     *                       standard-normal {@code A}
     */
    public static DlnTask create(int dim, double[] singularValues, double noise, Random rng) {
        if (singularValues == null) {
            DMatrixRMaj a = Spectra.gaussian(dim, dim, 1.0, rng);
            var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(dim, dim, true, true, false);
            if (!svd.decompose(a.copy())) throw new ArithmeticException("SVD failed");
            DMatrixRMaj u = svd.getU(null, false);
            DMatrixRMaj v = svd.getV(null, false);
            double[] sv = svd.getSingularValues();
            org.ejml.dense.row.SingularOps_DDRM.descendingOrder(u, false, sv, dim, v, false);
            return new DlnTask(dim, noise, a, u, v, Arrays.copyOf(sv, dim));
        }
        if (singularValues.length != dim) {
            throw new IllegalArgumentException("need " + dim + " singular values, got " + singularValues.length);
        }
        double[] s = singularValues.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        DMatrixRMaj q = Spectra.randomOrthogonal(dim, rng);
        DMatrixRMaj r = Spectra.randomOrthogonal(dim, rng);
        DMatrixRMaj qs = q.copy();
        for (int i = 0; i < dim; i++) for (int k = 0; k < dim; k++) qs.set(i, k, q.get(i, k) * s[k]);
        DMatrixRMaj a = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransB(qs, r, a);
        return new DlnTask(dim, noise, a, q, r, s);
    }

    public int dim() { return dim; }

    /** {@code A} (= {@code Syx}). */
    public DMatrixRMaj a() { return a; }

    /** Left singular vectors of {@code A} (columns), in the order of {@link #singularValues()}. */
    public DMatrixRMaj q() { return q; }

    /** Right singular vectors of {@code A} (columns). */
    public DMatrixRMaj r() { return r; }

    /** Singular values of {@code A}, descending. */
    public double[] singularValues() { return s.clone(); }

    /** The population loss {@code 1/2 E||W x - y||^2 = 1/2 ||W - A||_F^2 + noise^2 D / 2}. */
    public double loss(DMatrixRMaj w) {
        double sq = 0;
        for (int i = 0; i < a.data.length; i++) {
            double d = w.data[i] - a.data[i];
            sq += d * d;
        }
        return 0.5 * sq + 0.5 * noise * noise * dim;
    }

    /** The exact population moments {@code Sxx = I}, {@code Syx = A} (fresh copies, owned by the caller). */
    public Moments moments() {
        return new Moments(CommonOps_DDRM.identity(dim), a.copy());
    }

    /**
     * The initial factors {@code W_1 .. W_L} of a deep linear model for this task: {@code W_1} is {@code h x D}, the
     * middle ones {@code h x h}, {@code W_L} is {@code D x h} (depth 1: one {@code D x D} factor). Two inits:
     * {@code random}, Gaussian entries of standard deviation {@code init} (the paper's); {@code aligned}, the balanced
     * init of the closed forms, every factor with singular values {@code init} along the task's singular vectors
     * ({@code W_1 = init [I; 0] R^T}, middle {@code init I}, {@code W_L = init Q [I 0]}), so {@code W(0) = init^L Q R^T}
     * and each mode follows its scalar dynamics exactly.
     */
    public List<DMatrixRMaj> initialFactors(int depth, int hidden, double init, boolean aligned, Random rng) {
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1");
        int h = depth == 1 ? dim : hidden;
        if (aligned && h < dim) throw new IllegalArgumentException("aligned init needs hidden >= dim");
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            int rows = i == depth - 1 ? dim : h;
            int cols = i == 0 ? dim : h;
            out.add(aligned ? alignedFactor(i, depth, rows, cols, init) : Spectra.gaussian(rows, cols, init, rng));
        }
        return out;
    }

    private DMatrixRMaj alignedFactor(int i, int depth, int rows, int cols, double init) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        if (depth == 1) {
            CommonOps_DDRM.multTransB(q, r, m);
            CommonOps_DDRM.scale(init, m);
            return m;
        }
        if (i == 0) {
            // init [I_d; 0] R^T: row k is init r_k^T
            for (int k = 0; k < dim; k++) for (int c = 0; c < cols; c++) m.set(k, c, init * r.get(c, k));
        } else if (i == depth - 1) {
            // init Q [I_d 0]: column k is init q_k
            for (int k = 0; k < dim; k++) for (int rr = 0; rr < rows; rr++) m.set(rr, k, init * q.get(rr, k));
        } else {
            for (int k = 0; k < Math.min(rows, cols); k++) m.set(k, k, init);
        }
        return m;
    }

    /** The gradient of the loss in the end-to-end matrix, {@code G = W Sxx - Syx = W - A}. */
    public void endToEndGradient(DMatrixRMaj w, DMatrixRMaj out) {
        CommonOps_DDRM.subtract(w, a, out);
    }
}

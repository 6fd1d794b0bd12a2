package org.muonscope.engine.simplicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;

/**
 * A depth-{@code L} linear network {@code W = W_L ... W_1} for {@link DlnTask}: {@code W_1} is
 * {@code h x D}, the middle factors {@code h x h}, {@code W_L} is {@code D x h} ({@code L = 1}: one
 * {@code D x D} factor). Each factor's gradient is {@code (W_L..W_{i+1})^T G (W_{i-1}..W_1)^T} with
 * {@code G = W - A}. Every factor has {@link Role#MATRIX} (each is orthogonalized separately, THEORY.md).
 *
 * <p>Two initializations: {@code random}, Gaussian entries of standard deviation {@code init} (the paper's);
 * {@code aligned}, the balanced init of the closed forms: every factor has singular values {@code init} along
 * the task's singular vectors ({@code W_1 = init [I; 0] R^T}, middle {@code init I}, {@code W_L = init Q [I 0]}),
 * so {@code W(0) = init^L Q R^T} and each mode follows its scalar dynamics exactly.
 */
public final class DeepLinearNet {
    private final DlnTask task;
    private final List<Param> params = new ArrayList<>();
    private final DMatrixRMaj product;
    private final DMatrixRMaj g;

    public DeepLinearNet(DlnTask task, int depth, int hidden, double init, boolean aligned, Random rng) {
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1");
        int d = task.dim();
        int h = depth == 1 ? d : hidden;
        if (aligned && h < d) throw new IllegalArgumentException("aligned init needs hidden >= dim");
        this.task = task;
        for (int i = 0; i < depth; i++) {
            int rows = i == depth - 1 ? d : h;
            int cols = i == 0 ? d : h;
            DMatrixRMaj w = aligned ? alignedFactor(i, depth, rows, cols, init) : Spectra.gaussian(rows, cols, init, rng);
            params.add(Param.of("W" + (i + 1), w, Role.MATRIX));
        }
        product = new DMatrixRMaj(d, d);
        g = new DMatrixRMaj(d, d);
    }

    private DMatrixRMaj alignedFactor(int i, int depth, int rows, int cols, double init) {
        int d = task.dim();
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        if (depth == 1) {
            CommonOps_DDRM.multTransB(task.q(), task.r(), m);
            CommonOps_DDRM.scale(init, m);
            return m;
        }
        if (i == 0) {
            // init [I_d; 0] R^T: row k is init r_k^T
            for (int k = 0; k < d; k++) for (int c = 0; c < cols; c++) m.set(k, c, init * task.r().get(c, k));
        } else if (i == depth - 1) {
            // init Q [I_d 0]: column k is init q_k
            for (int k = 0; k < d; k++) for (int rr = 0; rr < rows; rr++) m.set(rr, k, init * task.q().get(rr, k));
        } else {
            for (int k = 0; k < Math.min(rows, cols); k++) m.set(k, k, init);
        }
        return m;
    }

    public DlnTask task() { return task; }

    /** {@code W_1 .. W_L}, in that order. */
    public List<Param> params() { return params; }

    /** The end-to-end matrix {@code W_L ... W_1} (a fresh copy). */
    public DMatrixRMaj endToEnd() {
        return chain(params.size() - 1, 0);
    }

    /** Fills every factor's gradient and returns the population loss at the current weights. */
    public double gradient() {
        int depth = params.size();
        product.setTo(endToEnd());
        task.endToEndGradient(product, g);
        for (int i = 0; i < depth; i++) {
            DMatrixRMaj left = i + 1 <= depth - 1 ? chain(depth - 1, i + 1) : null;   // W_L..W_{i+2} (0-based i+1)
            DMatrixRMaj right = i - 1 >= 0 ? chain(i - 1, 0) : null;                // W_{i}..W_1
            DMatrixRMaj t = g;
            if (left != null) {
                DMatrixRMaj lt = new DMatrixRMaj(left.numCols, t.numCols);
                CommonOps_DDRM.multTransA(left, t, lt);
                t = lt;
            }
            if (right != null) {
                DMatrixRMaj tr = new DMatrixRMaj(t.numRows, right.numRows);
                CommonOps_DDRM.multTransB(t, right, tr);
                t = tr;
            }
            params.get(i).grad().setTo(t);
        }
        return task.loss(product);
    }

    /** {@code W_hi ... W_lo} (0-based, {@code hi >= lo}). */
    private DMatrixRMaj chain(int hi, int lo) {
        DMatrixRMaj acc = params.get(lo).value().copy();
        for (int i = lo + 1; i <= hi; i++) acc = Spectra.mult(params.get(i).value(), acc);
        return acc;
    }
}

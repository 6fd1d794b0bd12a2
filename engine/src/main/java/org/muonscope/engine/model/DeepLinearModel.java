package org.muonscope.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;
import org.muonscope.engine.theory.Moments;

/**
 * Depth {@code L > 1}: {@code W = W_L ... W_1} with {@code W_1} ({@code h x d}), {@code W_2 .. W_{L-1}}
 * ({@code h x h}) and {@code W_L} ({@code k x h}). With {@code G = W Sxx - Syx}, the factor gradients are
 * {@code grad_i = (W_L .. W_{i+1})^T G (W_{i-1} .. W_1)^T}.
 *
 * <p>Every product is kept on the {@code k}-row side: the left products {@code A_i = W_L .. W_{i+1}} and the
 * right products {@code C_i = G W_1^T .. W_{i-1}^T} are all {@code k x h}, so a step costs {@code O(L k h^2)}
 * rather than the {@code O(L h^3)} of forming {@code W_{i-1} .. W_1}. All buffers are allocated once.
 */
public final class DeepLinearModel implements MatrixModel {
    private final int k;
    private final int d;
    private final int depth;
    private final List<Param> params;
    private final DMatrixRMaj[] w;      // w[0] = W_1 .. w[L-1] = W_L
    private final DMatrixRMaj[] left;   // left[i] = W_L .. W_{i+2} (k x rows(w[i])); left[L-1] unused (identity)
    private final DMatrixRMaj[] right;  // right[i] = G W_1^T .. W_i^T (k x cols(w[i])); right[0] = G
    private final DMatrixRMaj end;

    /**
     * @param factors Modified (they are the parameters). {@code W_1 .. W_L}, {@code L >= 2}, each one's rows the
     *                next one's columns; {@code W_1} is {@code h x d}, {@code W_L} is {@code k x h}.
     */
    DeepLinearModel(List<DMatrixRMaj> factors) {
        int depth = factors.size();
        if (depth < 2) throw new IllegalArgumentException("depth must be >= 2, got " + depth);
        for (int i = 1; i < depth; i++) {
            if (factors.get(i).numCols != factors.get(i - 1).numRows) {
                throw new IllegalArgumentException("factor " + (i + 1) + " has " + factors.get(i).numCols
                        + " columns, factor " + i + " has " + factors.get(i - 1).numRows + " rows");
            }
        }
        int classes = factors.get(depth - 1).numRows;
        this.k = classes;
        this.d = factors.get(0).numCols;
        this.depth = depth;
        this.w = new DMatrixRMaj[depth];
        this.left = new DMatrixRMaj[depth];
        this.right = new DMatrixRMaj[depth];
        List<Param> ps = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            w[i] = factors.get(i);
            ps.add(Param.of("W" + (i + 1), w[i], Role.MATRIX));
            left[i] = new DMatrixRMaj(classes, w[i].numRows);
            right[i] = new DMatrixRMaj(classes, w[i].numCols);
        }
        this.params = List.copyOf(ps);
        this.end = new DMatrixRMaj(classes, d);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    /** Recomputes the left products and {@code end} from the current factors. */
    private void forward() {
        int last = depth - 1;
        left[last - 1].setTo(w[last]);
        for (int i = last - 2; i >= 0; i--) CommonOps_DDRM.mult(left[i + 1], w[i + 1], left[i]);
        CommonOps_DDRM.mult(left[0], w[0], end);
    }

    @Override
    public double gradient(Moments m) {
        forward();
        DMatrixRMaj g = right[0];
        double[] e = end.data;
        double[] gd = g.data;
        double[] syx = m.syx().data;
        if (m.sxxDiagonal()) {
            double[] s = m.sxx().data;
            for (int r = 0; r < k; r++) {
                for (int j = 0, i = r * d; j < d; j++, i++) gd[i] = e[i] * s[j * (d + 1)] - syx[i];
            }
        } else {
            CommonOps_DDRM.mult(end, m.sxx(), g);
            CommonOps_DDRM.subtractEquals(g, m.syx());
        }
        double wg = 0;
        double sw = 0;
        for (int i = 0; i < e.length; i++) {
            wg += e[i] * gd[i];
            sw += syx[i] * e[i];
        }
        for (int i = 1; i < depth; i++) CommonOps_DDRM.multTransB(right[i - 1], w[i - 1], right[i]);
        for (int i = 0; i < depth - 1; i++) CommonOps_DDRM.multTransA(left[i], right[i], params.get(i).grad());
        params.get(depth - 1).grad().setTo(right[depth - 1]);
        return 0.5 * (wg - sw) + 0.5;
    }

    @Override
    public DMatrixRMaj endToEnd() {
        forward();
        return end;
    }

    @Override
    public int classes() {
        return k;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public int depth() {
        return depth;
    }
}

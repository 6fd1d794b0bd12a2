package org.muonscope.engine.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;
import org.muonscope.engine.theory.Moments;

/**
 * Depth 1: {@code f(x) = W x}, gradient {@code G = W Sxx - Syx}. Plain loops over the backing arrays: at
 * {@code k = d = 10} a library call's overhead would dominate, and the runner needs over a million steps a second.
 */
public final class LinearModel implements MatrixModel {
    private final DMatrixRMaj w;
    private final Param param;
    private final List<Param> params;

    /** @param w Modified (it is the parameter): the initial {@code W}, {@code k x d}. */
    LinearModel(DMatrixRMaj w) {
        this.w = w;
        this.param = Param.of("W", w, Role.MATRIX);
        this.params = List.of(param);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public double gradient(Moments m) {
        int k = w.numRows;
        int d = w.numCols;
        double[] wd = w.data;
        double[] g = param.grad().data;
        double[] s = m.sxx().data;
        double[] syx = m.syx().data;
        // loss = 1/2 <W, W Sxx> - <Syx, W> + 1/2 = 1/2 <W, G> - 1/2 <Syx, W> + 1/2
        double wg = 0;
        double sw = 0;
        if (m.sxxDiagonal()) {
            for (int r = 0; r < k; r++) {
                for (int j = 0, i = r * d; j < d; j++, i++) {
                    double gi = wd[i] * s[j * (d + 1)] - syx[i];
                    g[i] = gi;
                    wg += wd[i] * gi;
                    sw += syx[i] * wd[i];
                }
            }
        } else {
            for (int r = 0; r < k; r++) {
                int row = r * d;
                for (int j = 0; j < d; j++) g[row + j] = -syx[row + j];
                for (int q = 0; q < d; q++) {
                    double wq = wd[row + q];
                    if (wq == 0) continue;
                    int srow = q * d;
                    for (int j = 0; j < d; j++) g[row + j] += wq * s[srow + j];
                }
                for (int j = 0; j < d; j++) {
                    wg += wd[row + j] * g[row + j];
                    sw += syx[row + j] * wd[row + j];
                }
            }
        }
        return 0.5 * (wg - sw) + 0.5;
    }

    @Override
    public DMatrixRMaj endToEnd() {
        return w;
    }

    @Override
    public int classes() {
        return w.numRows;
    }

    @Override
    public int dim() {
        return w.numCols;
    }

    @Override
    public int depth() {
        return 1;
    }
}

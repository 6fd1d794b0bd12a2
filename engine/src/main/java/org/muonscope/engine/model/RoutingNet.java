package org.muonscope.engine.model;

import org.muonscope.engine.linalg.Spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;

/**
 * The routing network: {@code yhat = D_o H E_j x}, encoders {@code E_j} ({@code hidden x N}), one shared hidden
 * layer {@code H} ({@code hidden x hidden}), decoders {@code D_o} ({@code OUT x hidden}), no nonlinearity.
 * Loss of a batch: the mean over its samples of {@code 1/2 ||yhat - y||^2}.
 *
 * <p>Every factor has {@link Role#MATRIX}: the paper orthogonalizes every layer of this toy network, so Muon's
 * Adam fallback for the first and last layers (a convention for real networks) is not used here.
 */
public final class RoutingNet {
    private final RoutingTask task;
    private final List<Param> encoders = new ArrayList<>();
    private final Param hidden;
    private final List<Param> decoders = new ArrayList<>();
    private final List<Param> params = new ArrayList<>();
    private final int width;
    // scratch vectors for one sample
    private final double[] x;
    private final double[] h1;
    private final double[] h2;
    private final double[] r;
    private final double[] g2;
    private final double[] g1;

    /**
     * @param init standard deviation of every initial weight (Gaussian, the paper's small init)
     */
    public RoutingNet(RoutingTask task, int width, double init, Random rng) {
        this.task = task;
        this.width = width;
        for (int j = 0; j < task.domains(); j++) {
            encoders.add(Param.of("enc" + j, Spectra.gaussian(width, task.numbers(), init, rng), Role.MATRIX));
        }
        hidden = Param.of("hidden", Spectra.gaussian(width, width, init, rng), Role.MATRIX);
        for (int o = 0; o < task.domains(); o++) {
            decoders.add(Param.of("dec" + o, Spectra.gaussian(task.outputs(), width, init, rng), Role.MATRIX));
        }
        params.addAll(encoders);
        params.add(hidden);
        params.addAll(decoders);
        x = new double[task.numbers()];
        h1 = new double[width];
        h2 = new double[width];
        r = new double[task.outputs()];
        g2 = new double[width];
        g1 = new double[width];
    }

    public RoutingTask task() { return task; }

    /** Encoders, then the hidden layer, then decoders (a fixed order for the optimizer). */
    public List<Param> params() { return params; }

    public DMatrixRMaj encoder(int j) { return encoders.get(j).value(); }

    public DMatrixRMaj hiddenLayer() { return hidden.value(); }

    public DMatrixRMaj decoder(int o) { return decoders.get(o).value(); }

    /** Fills every {@link Param#grad()} with the gradient of the batch loss and returns that loss. */
    public double gradient(List<RoutingTask.Sample> batch) {
        for (Param p : params) p.grad().zero();
        DMatrixRMaj hv = hidden.value();
        DMatrixRMaj hg = hidden.grad();
        double scale = 1.0 / batch.size();
        double loss = 0;
        int n = task.numbers();
        int out = task.outputs();
        for (RoutingTask.Sample s : batch) {
            DMatrixRMaj code = task.code(s.input());
            for (int k = 0; k < n; k++) x[k] = code.get(k, s.number());
            DMatrixRMaj e = encoders.get(s.input()).value();
            DMatrixRMaj d = decoders.get(s.output()).value();
            matVec(e, x, h1);
            matVec(hv, h1, h2);
            for (int a = 0; a < out; a++) {
                double v = 0;
                for (int b = 0; b < width; b++) v += d.data[a * width + b] * h2[b];
                r[a] = v - task.targets().get(a, s.number());
                loss += 0.5 * scale * r[a] * r[a];
                r[a] *= scale;
            }
            // dL/dD = r h2^T ; g2 = D^T r ; dL/dH = g2 h1^T ; g1 = H^T g2 ; dL/dE = g1 x^T
            addOuter(decoders.get(s.output()).grad(), r, h2);
            matTVec(d, r, g2);
            addOuter(hg, g2, h1);
            matTVec(hv, g2, g1);
            addOuter(encoders.get(s.input()).grad(), g1, x);
        }
        return loss;
    }

    /** The map the network computes from input domain {@code j} to output domain {@code o}, per number ({@code OUT x N}). */
    public DMatrixRMaj function(int j, int o) {
        DMatrixRMaj p = Spectra.mult(hidden.value(), Spectra.mult(encoders.get(j).value(), task.code(j)));
        return Spectra.mult(decoders.get(o).value(), p);
    }

    /**
     * Error of every (input, output) pair: {@code mean_i ||f_{j,o}(x_i) - y_i||^2 / mean_i ||y_i||^2}, so 0 is
     * perfect and 1 is what the zero map scores.
     */
    public double[][] errorGrid() {
        int m = task.domains();
        double[][] err = new double[m][m];
        DMatrixRMaj y = task.targets();
        double norm = CommonOps_DDRM.elementSum(elementSquare(y));
        DMatrixRMaj f = new DMatrixRMaj(task.outputs(), task.numbers());
        for (int j = 0; j < m; j++) {
            DMatrixRMaj p = Spectra.mult(hidden.value(), Spectra.mult(encoders.get(j).value(), task.code(j)));
            for (int o = 0; o < m; o++) {
                CommonOps_DDRM.mult(decoders.get(o).value(), p, f);
                double sq = 0;
                for (int k = 0; k < f.data.length; k++) {
                    double dv = f.data[k] - y.data[k];
                    sq += dv * dv;
                }
                err[j][o] = sq / norm;
            }
        }
        return err;
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj a) {
        DMatrixRMaj b = a.copy();
        CommonOps_DDRM.elementMult(b, a);
        return b;
    }

    private static void matVec(DMatrixRMaj a, double[] v, double[] out) {
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            int base = i * cols;
            for (int k = 0; k < cols; k++) s += a.data[base + k] * v[k];
            out[i] = s;
        }
    }

    private static void matTVec(DMatrixRMaj a, double[] v, double[] out) {
        int cols = a.numCols;
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < a.numRows; i++) {
            double vi = v[i];
            if (vi == 0) continue;
            int base = i * cols;
            for (int k = 0; k < cols; k++) out[k] += a.data[base + k] * vi;
        }
    }

    private static void addOuter(DMatrixRMaj g, double[] u, double[] v) {
        int cols = g.numCols;
        for (int i = 0; i < g.numRows; i++) {
            double ui = u[i];
            if (ui == 0) continue;
            int base = i * cols;
            for (int k = 0; k < cols; k++) g.data[base + k] += ui * v[k];
        }
    }
}

package org.muonscope.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.muonscope.engine.model.MatrixModel;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.theory.ClassMetrics;
import org.muonscope.engine.theory.Evaluation;
import org.muonscope.engine.theory.GaussianMixture;
import org.muonscope.engine.theory.MomentSource;
import org.muonscope.engine.theory.Moments;

/**
 * One optimizer's step loop. At step {@code t} the model holds {@code W_t}: the loop records the measured
 * {@code t_90}, takes a snapshot when one is due, stops at the last step, then computes the gradient (whose loss
 * tells whether {@code W_t} is still finite) and steps. Everything here is per optimizer, so optimizers run in
 * parallel without sharing mutable state.
 */
final class OptimizerRun {
    private final TheorySpec spec;
    private final int slot;
    private final String label;
    private final RunHandle handle;
    private final RunListener listener;
    private final OptimizerSettings optSpec;

    OptimizerRun(TheorySpec spec, int slot, String label, RunHandle handle, RunListener listener) {
        this.spec = spec;
        this.slot = slot;
        this.label = label;
        this.handle = handle;
        this.listener = listener;
        this.optSpec = spec.optimizers().get(slot);
    }

    OptimizerResult call() {
        int k = spec.classes();
        long[] t90 = new long[k];
        Arrays.fill(t90, -1);
        GaussianMixture mixture = spec.mixture();
        double[] wStar = TheoryReference.wStar(mixture);
        double[] t90Theory = TheoryReference.t90(spec, optSpec, mixture);
        List<Snapshot> snapshots = new ArrayList<>();
        if (handle.isCancelled()) {
            return end(new OptimizerResult(label, slot, OptimizerResult.Status.CANCELLED, "cancelled before the first step",
                    List.of(), t90, null, wStar, t90Theory));
        }
        // The same seed for every optimizer: same initial weights, same draws, same batches, same Monte Carlo.
        MatrixModel model = MatrixModel.create(spec.classes(), spec.dim(), spec.depth(), spec.hidden(), spec.init(), spec.seed());
        MomentSource source = MomentSource.create(mixture, spec.mode(), spec.seed());
        ClassMetrics metrics = ClassMetrics.create(mixture, spec.seed());
        List<Param> params = model.params();
        Optimizer optimizer = Optimizers.create(optSpec, params);
        Svd svd = new Svd(k, spec.dim());
        DiagReader diag = new DiagReader(mixture, k, spec.dim());
        double[] threshold = new double[k];
        for (int c = 0; c < k; c++) threshold[c] = 0.9 * wStar[c];
        int reached = 0;
        int steps = spec.steps();
        int every = spec.every();
        OptimizerResult.Status status = OptimizerResult.Status.COMPLETED;
        String message = null;
        for (int t = 0; ; t++) {
            if (handle.isCancelled()) {
                status = OptimizerResult.Status.CANCELLED;
                message = "cancelled at step " + t;
                break;
            }
            DMatrixRMaj w = model.endToEnd();
            if (reached < k) {
                double[] dg = diag.read(w);
                for (int c = 0; c < k; c++) {
                    if (t90[c] < 0 && dg[c] >= threshold[c]) {
                        t90[c] = t;
                        reached++;
                    }
                }
            }
            if (t == 0 || t == steps || t % every == 0) {
                if (!allFinite(w)) {
                    status = OptimizerResult.Status.DIVERGED;
                    message = divergence(t, "the weights");
                    break;
                }
                Evaluation e = metrics.evaluate(w);
                if (!Double.isFinite(e.loss())) {
                    // Finite weights can still overflow the squared loss: no non-finite snapshot reaches a view.
                    status = OptimizerResult.Status.DIVERGED;
                    message = divergence(t, "the loss");
                    break;
                }
                Snapshot s = snapshot(e, svd.values(w), t);
                snapshots.add(s);
                listener.onSnapshot(s);
            }
            if (t == steps) break;
            Moments m = source.next();
            double loss = model.gradient(m);
            if (!Double.isFinite(loss)) {
                status = OptimizerResult.Status.DIVERGED;
                message = divergence(t, "the loss");
                break;
            }
            optimizer.step(params);
        }
        double[][] finalW = rows(model.endToEnd());
        return end(new OptimizerResult(label, slot, status, message, List.copyOf(snapshots), t90, finalW, wStar, t90Theory));
    }

    private OptimizerResult end(OptimizerResult r) {
        listener.onOptimizerEnded(r);
        return r;
    }

    private String divergence(int step, String what) {
        return String.format(Locale.ROOT, "%s diverged at step %d: %s became non-finite (NaN or infinite); "
                + "the step size is likely too large (lr=%s)", label, step, what, Double.toString(optSpec.lr()));
    }

    private Snapshot snapshot(Evaluation e, double[] singular, long step) {
        return new Snapshot(label, slot, step, e.diag(), e.classLoss(), e.classAccuracy(), e.loss(), e.balancedLoss(),
                e.minorityLoss(), e.worstClassLoss(), e.balancedAccuracy(), e.worstClassAccuracy(), e.offdiagRatio(),
                singular);
    }

    private static boolean allFinite(DMatrixRMaj m) {
        double sum = 0;
        int n = m.getNumElements();
        // One pass: the sum of finite numbers times zero is zero, a NaN or infinity makes it NaN.
        for (int i = 0; i < n; i++) sum += m.data[i] * 0.0;
        return sum == 0.0;
    }

    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        return out;
    }

    /** {@code W[c,c]} in the mean basis, {@code (W F)[c,c]}; on the axes just the diagonal. */
    private static final class DiagReader {
        private final double[] frame;   // d x k, null on the axes
        private final double[] out;
        private final int k;
        private final int d;

        DiagReader(GaussianMixture mixture, int k, int d) {
            this.k = k;
            this.d = d;
            this.out = new double[k];
            this.frame = mixture.rotated() ? mixture.frame().data : null;
        }

        double[] read(DMatrixRMaj w) {
            if (frame == null) {
                for (int c = 0; c < k; c++) out[c] = w.data[c * d + c];
            } else {
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) s += w.data[c * d + i] * frame[i * k + c];
                    out[c] = s;
                }
            }
            return out;
        }
    }

    /** Singular values of {@code W}, descending; EJML overwrites its input, hence the copy. */
    private static final class Svd {
        private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
        private final DMatrixRMaj work;

        Svd(int rows, int cols) {
            svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
            work = new DMatrixRMaj(rows, cols);
        }

        double[] values(DMatrixRMaj w) {
            work.setTo(w);
            if (!svd.decompose(work)) return new double[0];
            double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
            Arrays.sort(s);
            for (int i = 0, j = s.length - 1; i < j; i++, j--) {
                double tmp = s[i];
                s[i] = s[j];
                s[j] = tmp;
            }
            return s;
        }
    }
}

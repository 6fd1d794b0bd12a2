package org.muonscope.engine.experiments.theory;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.model.MatrixModel;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.run.Diverged;
import org.muonscope.engine.run.Lane;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.theory.ClassMetrics;
import org.muonscope.engine.theory.Evaluation;
import org.muonscope.engine.theory.GaussianMixture;
import org.muonscope.engine.theory.MomentSource;

/**
 * One optimizer on the Gaussian-mixture model. At step {@code t} the model holds {@code W_t}: {@link #observe} tracks
 * the measured {@code t_90} at every step and records the class metrics when one is due; {@link #step} computes the
 * gradient (whose loss tells whether {@code W_t} is still finite) and steps. Every optimizer builds its model,
 * data and Monte Carlo draws from the same seed: same initial weights, same draws, same batches.
 */
final class TheoryLane implements Lane {
    private final TheorySpec spec;
    private final int k;
    private final double[] t90;
    private final double[] wStar;
    private final double[] t90Theory;
    private final double[] threshold;
    private final MatrixModel model;
    private final MomentSource source;
    private final ClassMetrics metrics;
    private final List<Param> params;
    private final Optimizer optimizer;
    private final DiagReader diag;
    private int reached;

    TheoryLane(TheorySpec spec, int slot) {
        this.spec = spec;
        this.k = spec.classes();
        OptimizerSettings settings = spec.optimizers().get(slot);
        GaussianMixture mixture = spec.mixture();
        this.wStar = TheoryReference.wStar(mixture);
        this.t90Theory = TheoryReference.t90(spec, settings, mixture);
        this.t90 = new double[k];
        Arrays.fill(t90, Double.NaN);
        this.threshold = new double[k];
        for (int c = 0; c < k; c++) threshold[c] = 0.9 * wStar[c];
        this.model = MatrixModel.create(spec.classes(), spec.dim(), spec.depth(), spec.hidden(), spec.init(), spec.seed());
        this.source = MomentSource.create(mixture, spec.mode(), spec.seed());
        this.metrics = ClassMetrics.create(mixture, spec.seed());
        this.params = model.params();
        this.optimizer = Optimizers.create(settings, params);
        this.diag = new DiagReader(mixture, k, spec.dim());
    }

    @Override
    public long lastStep() {
        return spec.steps();
    }

    @Override
    public Values observe(long t) {
        DMatrixRMaj w = model.endToEnd();
        if (reached < k) {
            double[] dg = diag.read(w);
            for (int c = 0; c < k; c++) {
                if (Double.isNaN(t90[c]) && dg[c] >= threshold[c]) {
                    t90[c] = t;
                    reached++;
                }
            }
        }
        if (t != 0 && t != spec.steps() && t % spec.every() != 0) return null;
        if (!allFinite(w)) throw new Diverged("the weights");
        Evaluation e = metrics.evaluate(w);
        // Finite weights can still overflow the squared loss: no non-finite record reaches a view.
        if (!Double.isFinite(e.loss())) throw new Diverged("the loss");
        return Values.builder()
                .put(TheoryFields.DIAG, e.diag())
                .put(TheoryFields.CLASS_LOSS, e.classLoss())
                .put(TheoryFields.CLASS_ACCURACY, e.classAccuracy())
                .put(TheoryFields.ACCURACY_METHOD, e.accuracyMethod())
                .put(TheoryFields.LOSS, e.loss())
                .put(TheoryFields.BALANCED_LOSS, e.balancedLoss())
                .put(TheoryFields.MINORITY_LOSS, e.minorityLoss())
                .put(TheoryFields.WORST_CLASS_LOSS, e.worstClassLoss())
                .put(TheoryFields.BALANCED_ACCURACY, e.balancedAccuracy())
                .put(TheoryFields.WORST_CLASS_ACCURACY, e.worstClassAccuracy())
                .put(TheoryFields.OFFDIAG_RATIO, e.offdiagRatio())
                .put(TheoryFields.SINGULAR_VALUES, Spectra.singularValues(w))
                .build();
    }

    @Override
    public void step(long t) {
        double loss = model.gradient(source.next());
        if (!Double.isFinite(loss)) throw new Diverged("the loss");
        optimizer.step(params);
    }

    @Override
    public Values summary() {
        DMatrixRMaj w = model.endToEnd();
        double[][] finalW = new double[w.numRows][w.numCols];
        for (int i = 0; i < w.numRows; i++) System.arraycopy(w.data, i * w.numCols, finalW[i], 0, w.numCols);
        return Values.builder()
                .put(TheoryFields.PRIOR, spec.priors())
                .put(TheoryFields.W_STAR, wStar)
                .put(TheoryFields.T90_MEASURED, t90.clone())
                .put(TheoryFields.T90_THEORY, t90Theory)
                .put(TheoryFields.FINAL_W, finalW)
                .build();
    }

    private static boolean allFinite(DMatrixRMaj m) {
        double sum = 0;
        int n = m.getNumElements();
        // One pass: the sum of finite numbers times zero is zero, a NaN or infinity makes it NaN.
        for (int i = 0; i < n; i++) sum += m.data[i] * 0.0;
        return sum == 0.0;
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
}

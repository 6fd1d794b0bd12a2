package org.muonscope.engine.experiments.dln;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.model.MatrixModel;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.random.Seeds;
import org.muonscope.engine.run.Diverged;
import org.muonscope.engine.run.Lane;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.theory.ClosedForm;
import org.muonscope.engine.theory.DlnClosedForm;
import org.muonscope.engine.theory.DlnTask;
import org.muonscope.engine.theory.Moments;

/**
 * One optimizer on the deep linear regression, recording the singular values of the product, the loss and the
 * effective rank beside the closed forms, and measuring each mode's oscillation over the last quarter of the steps.
 *
 * <p>The theory column exists for the optimizers with closed forms ({@link ClosedForm#family}); it uses flow time
 * {@code tau = sum of the scheduled step sizes} and the effective initial value of each mode
 * ({@link #effectiveSigma0}). The closed forms are exact for the aligned init; for a random init they assume the
 * silent alignment that small init brings about, so they are approximate there.
 */
final class DlnLane implements Lane {
    private final DlnSpec spec;
    private final DlnTask task;
    private final OptimizerSettings settings;
    private final MatrixModel net;
    private final Moments moments;
    private final Optimizer optimizer;
    private final double[] s;
    private final double[] sigma0;
    private final ClosedForm.Family family;
    private final double[] lo;
    private final double[] hi;
    private final long quarterStart;
    /** Depth >= 3 GD has no closed form: its flow is followed from record to record. */
    private final double[] flow;
    private double flowTau;
    private double tau;
    private double[] lastSigma = new double[0];

    DlnLane(DlnSpec spec, DlnTask task, int slot) {
        this.spec = spec;
        this.task = task;
        this.settings = spec.optimizers().get(slot);
        this.net = MatrixModel.of(task.initialFactors(spec.depth(), spec.hidden(), spec.init(), spec.aligned(),
                Seeds.of(spec.seed()).random("dln-init")));
        this.moments = task.moments();
        this.optimizer = Optimizers.create(settings, net.params(), spec.schedule(), spec.steps());
        this.s = task.singularValues();
        this.sigma0 = effectiveSigma0(net, task);
        this.family = ClosedForm.family(settings);
        int d = task.dim();
        this.lo = new double[d];
        this.hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        this.quarterStart = spec.steps() - spec.steps() / 4;
        this.flow = sigma0.clone();
    }

    @Override
    public long lastStep() {
        return spec.steps();
    }

    @Override
    public Values observe(long t) {
        net.gradient(moments);
        // the task's own loss: the model's assumes one-hot labels (E||y||^2 = 1)
        double loss = task.loss(net.endToEnd());
        if (!Double.isFinite(loss)) throw new Diverged("the loss");
        boolean record = t == 0 || t == spec.steps() || t % spec.every() == 0;
        boolean inQuarter = t >= quarterStart && spec.steps() >= 4;
        if (!record && !inQuarter) return null;
        double[] sv = Spectra.singularValues(net.endToEnd());
        int d = task.dim();
        if (inQuarter) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], sv[k]);
                hi[k] = Math.max(hi[k], sv[k]);
            }
        }
        if (!record) return null;
        double[] th = new double[d];
        for (int k = 0; k < d; k++) {
            if (family == ClosedForm.Family.GD && spec.depth() >= 3) {
                flow[k] = DlnClosedForm.gdAdvance(flow[k], s[k], spec.depth(), tau - flowTau);
                th[k] = flow[k];
            } else {
                th[k] = family == null ? Double.NaN
                        : family == ClosedForm.Family.GD ? DlnClosedForm.gd(s[k], sigma0[k], spec.depth(), tau)
                        : DlnClosedForm.specGd(s[k], sigma0[k], spec.depth(), tau);
            }
        }
        flowTau = tau;
        lastSigma = sv;
        return Values.builder()
                .put(DlnFields.SIGMA, sv)
                .put(DlnFields.THEORY, th)
                .put(DlnFields.LOSS, loss)
                .put(DlnFields.EFFECTIVE_RANK, Spectra.effectiveRank(sv))
                .put(DlnFields.TAU, tau)
                .build();
    }

    @Override
    public void step(long t) {
        tau += settings.lr() * spec.schedule().factor(t, spec.steps());
        optimizer.step(net.params());
    }

    @Override
    public Values summary() {
        double[] osc = new double[lo.length];
        for (int k = 0; k < osc.length; k++) osc[k] = hi[k] >= lo[k] ? hi[k] - lo[k] : Double.NaN;
        return Values.builder()
                .put(DlnFields.LR, settings.lr())
                .put(DlnFields.SCHEDULE, spec.schedule().toText())
                .put(DlnFields.FINAL_SIGMA, lastSigma)
                .put(DlnFields.PEAK_TO_PEAK, osc)
                .build();
    }

    /**
     * The initial value each mode's closed form starts from. Depth 1: {@code q_k^T W(0) r_k}. Depth 2: early
     * gradient flow from small init is linear, and in it hidden unit {@code i}'s growing part along mode {@code k}
     * is {@code (r_k . u_i + q_k . v_i) / 2} (rows {@code u_i} of {@code W_1}, columns {@code v_i} of {@code W_2}), so
     * the mode starts its sigmoid from {@code ||(W_1 r_k + W_2^T q_k) / 2||^2}; for the aligned init this is exactly
     * {@code init^2}. Deeper: early flow is no longer linear; the k-th singular value of {@code W(0)} is used (rough).
     */
    static double[] effectiveSigma0(MatrixModel net, DlnTask task) {
        int d = task.dim();
        int depth = net.params().size();
        double[] out = new double[d];
        if (depth >= 3) {
            double[] sv = Spectra.singularValues(net.endToEnd());
            System.arraycopy(sv, 0, out, 0, d);
            return out;
        }
        DMatrixRMaj w1 = net.params().get(0).value();
        DMatrixRMaj wl = net.params().get(depth - 1).value();
        for (int k = 0; k < d; k++) {
            if (depth == 1) {
                double v = 0;
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) v += task.q().get(i, k) * w1.get(i, j) * task.r().get(j, k);
                out[k] = v;
            } else {
                double sum = 0;
                for (int h = 0; h < w1.numRows; h++) {
                    double a = 0;
                    for (int j = 0; j < d; j++) a += w1.get(h, j) * task.r().get(j, k) + wl.get(j, h) * task.q().get(j, k);
                    sum += 0.25 * a * a;
                }
                out[k] = sum;
            }
        }
        return out;
    }
}

package org.muonscope.engine.simplicity;

import org.muonscope.engine.theory.Moments;

import org.muonscope.engine.model.MatrixModel;

import org.muonscope.engine.theory.ClosedForm;

import org.muonscope.engine.random.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.muonscope.engine.experiment.OptimizerLabels;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;

/**
 * Runs a {@link DlnSpec}: every optimizer from the same task and the same initial weights, recording the
 * singular values of the product, the loss and the effective rank, beside the closed forms.
 *
 * <p>The theory column exists for plain GD ({@code beta = 0}) and SpecGD, the optimizers with closed forms; it
 * uses flow time {@code tau = sum of the scheduled step sizes} and the effective initial value of each mode from
 * {@link #effectiveSigma0}. The closed forms are exact for the aligned init; for a random init they assume the
 * silent alignment that small init brings about, so they are approximate there.
 *
 * <p>Oscillation: over the last quarter of the steps, the peak-to-peak range of each {@code sigma_k}, measured at
 * every step (not only at records).
 */
public final class DlnExperiment {
    private DlnExperiment() {
    }

    /** One record. {@code theory} is NaN where the optimizer has no closed form. */
    public record Point(long step, double tau, double loss, double effectiveRank, double[] sigma, double[] theory) { }

    /**
     * One optimizer's run. {@code oscillation[k]} is the peak-to-peak range of {@code sigma_k} over the last quarter
     * of the steps; {@code message} is null when it completed, else why it stopped.
     */
    public record Trace(String label, OptimizerSettings optimizer, List<Point> points, double[] oscillation, String message) { }

    public record Result(DlnSpec spec, double[] targetSingularValues, List<Trace> traces) { }

    public static Result run(DlnSpec spec) {
        return run(spec, PointListener.none(), () -> false);
    }

    public static Result run(DlnSpec spec, PointListener<Point> listener, BooleanSupplier cancelled) {
        DlnTask task = DlnTask.create(spec.dim(), spec.singularValues(), spec.noise(), Seeds.of(spec.seed()).random("dln-task"));
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        List<Trace> traces = new ArrayList<>();
        for (int slot = 0; slot < spec.optimizers().size(); slot++) {
            if (cancelled.getAsBoolean()) break;
            traces.add(runOne(spec, task, slot, labels.get(slot), listener, cancelled));
        }
        return new Result(spec, task.singularValues(), List.copyOf(traces));
    }

    /**
     * The initial value each mode's closed form starts from. Depth 1: {@code q_k^T W(0) r_k}. Depth 2: early
     * gradient flow from small init is linear, and in it hidden unit {@code i}'s growing part along mode {@code k}
     * is {@code (r_k . u_i + q_k . v_i) / 2} (rows {@code u_i} of {@code W_1}, columns {@code v_i} of {@code W_2}), so
     * the mode starts its sigmoid from {@code ||(W_1 r_k + W_2^T q_k) / 2||^2}; for the aligned init this is exactly
     * {@code init^2}. Deeper: early flow is no longer linear; the k-th singular value of {@code W(0)} is used (rough).
     */
    public static double[] effectiveSigma0(MatrixModel net, DlnTask task) {
        int d = task.dim();
        int depth = net.params().size();
        double[] out = new double[d];
        if (depth >= 3) {
            double[] sv = Spectra.singularValues(net.endToEnd());
            System.arraycopy(sv, 0, out, 0, d);
            return out;
        }
        org.ejml.data.DMatrixRMaj w1 = net.params().get(0).value();
        org.ejml.data.DMatrixRMaj wl = net.params().get(depth - 1).value();
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

    private static Trace runOne(DlnSpec spec, DlnTask task, int slot, String label, PointListener<Point> listener,
                                BooleanSupplier cancelled) {
        OptimizerSettings os = spec.optimizers().get(slot);
        MatrixModel net = MatrixModel.of(task.initialFactors(spec.depth(), spec.hidden(), spec.init(), spec.aligned(),
                Seeds.of(spec.seed()).random("dln-init")));
        Moments moments = task.moments();
        Optimizer opt = Optimizers.create(os, net.params(), spec.schedule(), spec.steps());
        double[] s = task.singularValues();
        double[] sigma0 = effectiveSigma0(net, task);
        int d = task.dim();
        boolean theory = ClosedForm.family(os) != null;
        boolean gd = ClosedForm.family(os) == ClosedForm.Family.GD;
        List<Point> points = new ArrayList<>();
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        long quarterStart = spec.steps() - spec.steps() / 4;
        double tau = 0;
        // depth >= 3 GD has no closed form: follow the flow incrementally from record to record
        double[] flow = sigma0.clone();
        double flowTau = 0;
        String message = null;
        for (long t = 0; ; t++) {
            net.gradient(moments);
            // the task's own loss: the model's assumes one-hot labels (E||y||^2 = 1)
            double loss = task.loss(net.endToEnd());
            boolean record = t == 0 || t == spec.steps() || t % spec.every() == 0;
            boolean inQuarter = t >= quarterStart && spec.steps() >= 4;
            if (!Double.isFinite(loss)) {
                message = "diverged at step " + t + " (loss " + loss + "); try a smaller lr";
                break;
            }
            if (record || inQuarter) {
                double[] sv = Spectra.singularValues(net.endToEnd());
                if (inQuarter) {
                    for (int k = 0; k < d; k++) {
                        lo[k] = Math.min(lo[k], sv[k]);
                        hi[k] = Math.max(hi[k], sv[k]);
                    }
                }
                if (record) {
                    double[] th = new double[d];
                    for (int k = 0; k < d; k++) {
                        if (theory && gd && spec.depth() >= 3) {
                            flow[k] = DlnClosedForm.gdAdvance(flow[k], s[k], spec.depth(), tau - flowTau);
                            th[k] = flow[k];
                        } else {
                            th[k] = !theory ? Double.NaN
                                    : gd ? DlnClosedForm.gd(s[k], sigma0[k], spec.depth(), tau)
                                    : DlnClosedForm.specGd(s[k], sigma0[k], spec.depth(), tau);
                        }
                    }
                    flowTau = tau;
                    Point p = new Point(t, tau, loss, Spectra.effectiveRank(sv), sv, th);
                    points.add(p);
                    listener.onPoint(slot, label, p);
                }
            }
            if (t == spec.steps()) break;
            if (cancelled.getAsBoolean()) {
                message = "cancelled at step " + t;
                break;
            }
            tau += os.lr() * spec.schedule().factor(t, spec.steps());
            opt.step(net.params());
        }
        double[] osc = new double[d];
        for (int k = 0; k < d; k++) osc[k] = hi[k] >= lo[k] ? hi[k] - lo[k] : Double.NaN;
        return new Trace(label, os, List.copyOf(points), osc, message);
    }
}

package org.muonscope.app.plots;

import java.util.Locale;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The data behind each figure as CSV, at full resolution (not the decimated points that are drawn). Empty
 * cells mean "not reached" or "no closed form". Column names follow the {@code muonscope theory} files.
 */
public final class FigureCsv {
    public static final String TRAJECTORIES = "optimizer,step,class,diag,theory_diag";
    public static final String METRICS = "optimizer,step,loss,balanced_loss,minority_loss,worst_class_loss,"
            + "balanced_accuracy,minority_accuracy,worst_class_accuracy,offdiag_ratio";
    public static final String CLASS_METRICS = "optimizer,step,class,class_loss,class_accuracy";
    public static final String SATURATION = "optimizer,class,prior,w_star,t90_measured,t90_theory";
    public static final String DEPTH = "depth,class,prior,w_star,t90_theory,spread_theory,t90_measured";

    private FigureCsv() { }

    /** The CSV of the figure named {@code name} ({@link LabFigure#name()}). */
    public static String of(String name, RunData data) {
        return of(name, data, null);
    }

    /** As {@link #of(String, RunData)}, with the depth sweep's measured {@code t90[L-1][c]} (may be null). */
    public static String of(String name, RunData data, long[][] depthMeasured) {
        return switch (name) {
            case "trajectories" -> trajectories(data);
            case "metrics" -> metrics(data);
            case "class-metrics" -> classMetrics(data);
            case "saturation" -> saturation(data);
            case "depth" -> depth(data, depthMeasured);
            default -> throw new IllegalArgumentException("unknown figure " + name);
        };
    }

    public static String trajectories(RunData data) {
        TheorySpec spec = data.spec();
        StringBuilder sb = new StringBuilder(TRAJECTORIES).append('\n');
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = spec.optimizers().get(slot.index());
            for (TheoryPoint s : slot.snapshots()) {
                for (int c = 0; c < spec.classes(); c++) {
                    double th = TheoryFormulas.diag(spec, o, c, s.step());
                    sb.append(slot.label()).append(',').append(s.step()).append(',').append(c).append(',')
                            .append(num(s.diag()[c])).append(',').append(num(th)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static String metrics(RunData data) {
        int m = data.spec().minorityClass();
        StringBuilder sb = new StringBuilder(METRICS).append('\n');
        for (RunData.Slot slot : data.slots()) {
            for (TheoryPoint s : slot.snapshots()) {
                sb.append(slot.label()).append(',').append(s.step()).append(',').append(num(s.loss())).append(',')
                        .append(num(s.balancedLoss())).append(',').append(num(s.minorityLoss())).append(',')
                        .append(num(s.worstClassLoss())).append(',').append(num(s.balancedAccuracy())).append(',')
                        .append(num(s.classAccuracy()[m])).append(',').append(num(s.worstClassAccuracy())).append(',')
                        .append(num(s.offdiagRatio())).append('\n');
            }
        }
        return sb.toString();
    }

    public static String classMetrics(RunData data) {
        StringBuilder sb = new StringBuilder(CLASS_METRICS).append('\n');
        for (RunData.Slot slot : data.slots()) {
            for (TheoryPoint s : slot.snapshots()) {
                for (int c = 0; c < data.spec().classes(); c++) {
                    sb.append(slot.label()).append(',').append(s.step()).append(',').append(c).append(',')
                            .append(num(s.classLoss()[c])).append(',').append(num(s.classAccuracy()[c])).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static String saturation(RunData data) {
        TheorySpec spec = data.spec();
        double[] w = TheoryFormulas.wStar(spec);
        StringBuilder sb = new StringBuilder(SATURATION).append('\n');
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = spec.optimizers().get(slot.index());
            for (int c = 0; c < spec.classes(); c++) {
                long tm = slot.t90(c, w[c]);
                long tt = TheoryFormulas.t90(spec, o, c);
                sb.append(slot.label()).append(',').append(c).append(',').append(num(spec.priors()[c])).append(',')
                        .append(num(w[c])).append(',').append(tm >= 0 ? Long.toString(tm) : "").append(',')
                        .append(tt >= 0 ? Long.toString(tt) : "").append('\n');
            }
        }
        return sb.toString();
    }

    public static String depth(RunData data) {
        return depth(data, null);
    }

    public static String depth(RunData data, long[][] measured) {
        TheorySpec spec = data.spec();
        double eta = DepthFigure.eta(spec);
        StringBuilder sb = new StringBuilder(DEPTH).append('\n');
        for (int l = 1; l <= DepthFigure.MAX_DEPTH; l++) {
            double spread = TheoryFormulas.spreadSpec(spec, l);
            for (int c = 0; c < spec.classes(); c++) {
                sb.append(l).append(',').append(c).append(',').append(num(spec.priors()[c])).append(',')
                        .append(num(TheoryFormulas.wStar(spec, c))).append(',')
                        .append(num(TheoryFormulas.t90SpecExact(spec, c, eta, l))).append(',').append(num(spread)).append(',');
                long[] row = measured == null ? null : measured[l - 1];
                if (row != null && c < row.length && row[c] >= 0) sb.append(row[c]);
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10g", v);
    }
}

package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The papers' two headline plots computed from a sweep's runs: the minority-class accuracy gap (Muon minus SGD)
 * against the imbalance ratio early in training, and the peak clean accuracy against the spurious pixel's
 * intensity per optimizer. Every point averages the seeds that have reached it; {@code n} says how many.
 */
public final class SweepSummary {
    private SweepSummary() { }

    /** One line of a summary chart. */
    public record Series(String name, double[] x, double[] y, int[] n) { }

    /** One summary chart. */
    public record Chart(String title, String xLabel, String yLabel, List<Series> series) { }

    /** A finished or running training of a sweep, reduced to what the summaries read. */
    public record Run(String optimizer, String kind, double value, RunStatus status, RunInfo info, List<EvalPoint> history) {
        static Run of(RunItem item) {
            return new Run(item.spec().optimizerLabel(), item.spec().optimizer().kind().id(), item.spec().experiment().value(),
                    item.status(), item.info(), List.copyOf(item.history()));
        }
    }

    /**
     * The evaluation at the given share of the run: the first one at or after {@code fraction * totalSteps}; null
     * while the run has not got there.
     */
    public static EvalPoint at(Run r, double fraction) {
        if (r.info() == null) return null;
        double target = fraction * r.info().totalSteps();
        for (EvalPoint p : r.history()) if (p.step() >= target) return p;
        return null;
    }

    /**
     * Mean test accuracy over the minority classes (see {@link RunInfo#minorityClasses}) at the given share of the
     * run; without a minority (R = 1) the mean over every class, so the R = 1 point is the balanced accuracy.
     */
    public static double minorityAccuracy(Run r, double fraction) {
        EvalPoint p = at(r, fraction);
        if (p == null) return Double.NaN;
        int[] minority = r.info().minorityClasses();
        return minority.length == 0 ? p.balancedAccuracy() : p.meanAccuracy(minority);
    }

    /** The largest value of a metric over a finished run's evaluations; NaN for an unfinished run. */
    public static double peak(Run r, ToDoubleFunction<EvalPoint> metric) {
        if (r.status() != RunStatus.DONE) return Double.NaN;
        double best = Double.NaN;
        for (EvalPoint p : r.history()) {
            double v = metric.applyAsDouble(p);
            if (!Double.isNaN(v) && !(v <= best)) best = v;
        }
        return best;
    }

    /** Per optimizer label: mean over seeds of {@code metric} at each swept value (NaNs are skipped). */
    public static List<Series> perOptimizer(List<Run> runs, ToDoubleFunction<Run> metric) {
        Map<String, TreeMap<Double, double[]>> acc = new LinkedHashMap<>();
        for (Run r : runs) {
            double v = metric.applyAsDouble(r);
            if (Double.isNaN(v)) continue;
            double[] sumN = acc.computeIfAbsent(r.optimizer(), k -> new TreeMap<>()).computeIfAbsent(r.value(), k -> new double[2]);
            sumN[0] += v;
            sumN[1]++;
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, double[]>> e : acc.entrySet()) out.add(series(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The minority-class accuracy gap, Muon minus SGD (the first optimizer of kind {@code muon} and the first of
     * kind {@code gd}), at each ratio where both have at least one seed: difference of the seed means.
     */
    public static Series gap(List<Run> runs, double fraction) {
        String muon = firstLabel(runs, "muon"), sgd = firstLabel(runs, "gd");
        List<Series> per = perOptimizer(runs, r -> minorityAccuracy(r, fraction));
        Series m = find(per, muon), s = find(per, sgd);
        TreeMap<Double, double[]> diff = new TreeMap<>();
        if (m != null && s != null) {
            for (int i = 0; i < m.x().length; i++) {
                for (int j = 0; j < s.x().length; j++) {
                    if (m.x()[i] == s.x()[j]) diff.put(m.x()[i], new double[] {m.y()[i] - s.y()[j], Math.min(m.n()[i], s.n()[j])});
                }
            }
        }
        return seriesOfValues((muon == null ? "Muon" : muon) + " − " + (sgd == null ? "SGD" : sgd), diff);
    }

    /** The charts that fit the sweep's experiment. */
    public static List<Chart> charts(Experiment.Kind kind, List<Run> runs, double earlyFraction) {
        String pct = Math.round(earlyFraction * 100) + "% of training";
        return switch (kind) {
            case STEP_IMBALANCE, LONGTAIL_IMBALANCE -> List.of(
                    new Chart("Minority-class accuracy gap at " + pct, "imbalance ratio R", "Muon − SGD minority accuracy",
                            List.of(gap(runs, earlyFraction))),
                    new Chart("Minority-class accuracy at " + pct, "imbalance ratio R", "minority accuracy",
                            perOptimizer(runs, r -> minorityAccuracy(r, earlyFraction))));
            case SPURIOUS_PIXEL -> List.of(new Chart("Peak clean accuracy", "pixel intensity I", "peak clean test accuracy",
                    perOptimizer(runs, r -> peak(r, EvalPoint::cleanAccuracy))));
            case COLORED -> List.of(new Chart("Peak worst-group accuracy", "color agreement", "peak worst-group accuracy",
                    perOptimizer(runs, r -> peak(r, EvalPoint::worstGroupAccuracy))));
            case PLAIN -> List.of(new Chart("Peak test accuracy", "run", "peak test accuracy",
                    perOptimizer(runs, r -> peak(r, EvalPoint::testAccuracy))));
        };
    }

    private static String firstLabel(List<Run> runs, String kind) {
        for (Run r : runs) if (r.kind().equals(kind)) return r.optimizer();
        return null;
    }

    private static Series find(List<Series> all, String name) {
        for (Series s : all) if (s.name().equals(name)) return s;
        return null;
    }

    private static Series series(String name, TreeMap<Double, double[]> sums) {
        TreeMap<Double, double[]> means = new TreeMap<>();
        sums.forEach((x, sn) -> means.put(x, new double[] {sn[0] / sn[1], sn[1]}));
        return seriesOfValues(name, means);
    }

    private static Series seriesOfValues(String name, TreeMap<Double, double[]> values) {
        double[] x = new double[values.size()], y = new double[values.size()];
        int[] n = new int[values.size()];
        int i = 0;
        for (Map.Entry<Double, double[]> e : values.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue()[0];
            n[i++] = (int) e.getValue()[1];
        }
        return new Series(name, x, y, n);
    }
}

package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.muonscope.engine.run.Status;

/**
 * The papers' two headline plots computed from a sweep's cells: the minority-class accuracy gap (Muon minus SGD)
 * against the imbalance ratio early in training, and the peak clean accuracy against the spurious pixel's
 * intensity per optimizer. Every point is the mean over the seeds that have reached it, with the lowest and highest
 * seed as its band; {@code n} says how many seeds it has.
 */
public final class SweepSummary {
    private SweepSummary() { }

    /** One line of a summary chart: at each {@code x} the mean {@code y} over {@code n} seeds, from {@code lo} to {@code hi}. */
    public record Series(String name, double[] x, double[] y, double[] lo, double[] hi, int[] n) { }

    /** One summary chart. */
    public record Chart(String title, String xLabel, String yLabel, List<Series> series) { }

    /**
     * One optimizer of one landed cell, reduced to what the summaries read.
     *
     * @param optimizer the line it belongs to (the lab's name of its settings: {@code SGD}, {@code Muon})
     * @param kind      its optimizer kind ({@code gd}, {@code muon}): the gap subtracts the first {@code gd} from the first {@code muon}
     * @param value     the swept value: {@code R}, {@code I} or the agreement
     * @param status    how it ended (a diverged or failed run has no peak)
     */
    public record Run(String optimizer, String kind, double value, long seed, Status status, RunInfo info, List<EvalPoint> history) {
        public Run {
            history = List.copyOf(history);
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

    /** The largest value of a metric over a completed run's evaluations; NaN for a run that diverged or failed. */
    public static double peak(Run r, ToDoubleFunction<EvalPoint> metric) {
        if (r.status() != Status.COMPLETED) return Double.NaN;
        double best = Double.NaN;
        for (EvalPoint p : r.history()) {
            double v = metric.applyAsDouble(p);
            if (!Double.isNaN(v) && !(v <= best)) best = v;
        }
        return best;
    }

    /** Per optimizer: at each swept value, {@code metric} over the seeds (NaNs are skipped). */
    public static List<Series> perOptimizer(List<Run> runs, ToDoubleFunction<Run> metric) {
        Map<String, TreeMap<Double, List<Double>>> acc = new LinkedHashMap<>();
        for (Run r : runs) {
            double v = metric.applyAsDouble(r);
            if (Double.isNaN(v)) continue;
            acc.computeIfAbsent(r.optimizer(), k -> new TreeMap<>()).computeIfAbsent(r.value(), k -> new ArrayList<>()).add(v);
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, List<Double>>> e : acc.entrySet()) out.add(series(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The minority-class accuracy gap, Muon minus SGD (the first optimizer of kind {@code muon} and the first of
     * kind {@code gd}): at each ratio, the difference of each seed both have reached, averaged over those seeds.
     */
    public static Series gap(List<Run> runs, double fraction) {
        String muon = firstLabel(runs, "muon"), sgd = firstLabel(runs, "gd");
        Map<Double, Map<Long, Double>> m = bySeed(runs, muon, fraction), s = bySeed(runs, sgd, fraction);
        TreeMap<Double, List<Double>> diff = new TreeMap<>();
        m.forEach((x, seeds) -> seeds.forEach((seed, v) -> {
            Double w = s.getOrDefault(x, Map.of()).get(seed);
            if (w != null) diff.computeIfAbsent(x, k -> new ArrayList<>()).add(v - w);
        }));
        return series((muon == null ? "Muon" : muon) + " − " + (sgd == null ? "SGD" : sgd), diff);
    }

    private static Map<Double, Map<Long, Double>> bySeed(List<Run> runs, String optimizer, double fraction) {
        Map<Double, Map<Long, Double>> out = new TreeMap<>();
        for (Run r : runs) {
            if (!r.optimizer().equals(optimizer)) continue;
            double v = minorityAccuracy(r, fraction);
            if (!Double.isNaN(v)) out.computeIfAbsent(r.value(), k -> new TreeMap<>()).put(r.seed(), v);
        }
        return out;
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

    private static Series series(String name, TreeMap<Double, List<Double>> values) {
        int k = values.size();
        double[] x = new double[k], y = new double[k], lo = new double[k], hi = new double[k];
        int[] n = new int[k];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : values.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            lo[i] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            hi[i] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            n[i++] = e.getValue().size();
        }
        return new Series(name, x, y, lo, hi, n);
    }
}

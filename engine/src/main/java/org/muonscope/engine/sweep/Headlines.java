package org.muonscope.engine.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.experiments.dln.DlnFields;
import org.muonscope.engine.experiments.routing.RoutingFields;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The numbers a sweep reports per cell and optimizer, by kind, each read from the cell's folder: the last record's
 * headline metrics, plus per-class or per-mode numbers as {@code NAME_INDEX} columns.
 * <ul>
 *   <li>theory: final {@code balanced_accuracy}, {@code worst_class_accuracy}, {@code minority_accuracy} (the class of
 *       the smallest prior), and {@code t90_C}, the measured t90 of each class (empty: never reached);</li>
 *   <li>dln: final {@code loss}, {@code effective_rank}, {@code sigma_K} per mode and its {@code peak_to_peak_K} over
 *       the last quarter of the steps (the oscillation);</li>
 *   <li>routing: final {@code seen_error}, {@code unseen_error}, {@code effective_rank};</li>
 *   <li>cnn: final {@code test_accuracy}, {@code balanced_accuracy}, {@code worst_class_accuracy},
 *       {@code minority_accuracy} (mean over the classes with fewer training images than the midpoint of the smallest
 *       and largest count, the CNN Lab's rule; the balanced accuracy when the classes are balanced), and with a
 *       spurious pixel or colored digits {@code clean_accuracy}, {@code spurious_accuracy}, {@code worst_group_accuracy}.</li>
 * </ul>
 */
public final class Headlines {
    private Headlines() { }

    private static List<String> order(ExperimentKind kind) {
        return switch (kind) {
            case THEORY -> List.of("balanced_accuracy", "worst_class_accuracy", "minority_accuracy", "t90");
            case DLN -> List.of("loss", "effective_rank", "sigma", "peak_to_peak");
            case ROUTING -> List.of("seen_error", "unseen_error", "effective_rank");
            case CNN -> List.of("test_accuracy", "balanced_accuracy", "worst_class_accuracy", "minority_accuracy",
                    "clean_accuracy", "spurious_accuracy", "worst_group_accuracy");
        };
    }

    /** One optimizer's headline numbers, in the kind's order; NaN where a number does not exist. */
    public static Map<String, Double> of(RunResult r, OptimizerResult o) {
        Map<String, Double> out = new LinkedHashMap<>();
        Record last = o.last();
        Values v = last == null ? Values.EMPTY : last.values();
        switch (r.spec().kind()) {
            case THEORY -> {
                TheorySpec s = (TheorySpec) r.spec();
                out.put("balanced_accuracy", v.scalar(TheoryFields.BALANCED_ACCURACY));
                out.put("worst_class_accuracy", v.scalar(TheoryFields.WORST_CLASS_ACCURACY));
                double[] acc = v.vector(TheoryFields.CLASS_ACCURACY);
                out.put("minority_accuracy", acc == null ? Double.NaN : acc[s.minorityClass()]);
                indexed(out, "t90", 0, o.summary().vector(TheoryFields.T90_MEASURED));
            }
            case DLN -> {
                out.put("loss", v.scalar(DlnFields.LOSS));
                out.put("effective_rank", v.scalar(DlnFields.EFFECTIVE_RANK));
                indexed(out, "sigma", 1, o.summary().vector(DlnFields.FINAL_SIGMA));
                indexed(out, "peak_to_peak", 1, o.summary().vector(DlnFields.PEAK_TO_PEAK));
            }
            case ROUTING -> {
                out.put("seen_error", v.scalar(RoutingFields.SEEN_ERROR));
                out.put("unseen_error", v.scalar(RoutingFields.UNSEEN_ERROR));
                out.put("effective_rank", v.scalar(RoutingFields.EFFECTIVE_RANK));
            }
            case CNN -> {
                out.put("test_accuracy", v.scalar(CnnFields.TEST_ACCURACY));
                out.put("balanced_accuracy", v.scalar(CnnFields.BALANCED_ACCURACY));
                out.put("worst_class_accuracy", v.scalar(CnnFields.WORST_CLASS_ACCURACY));
                out.put("minority_accuracy", minority(v, r.info().vector(CnnFields.CLASS_COUNTS)));
                out.put("clean_accuracy", v.scalar(CnnFields.CLEAN_ACCURACY));
                out.put("spurious_accuracy", v.scalar(CnnFields.SPURIOUS_ACCURACY));
                out.put("worst_group_accuracy", v.scalar(CnnFields.WORST_GROUP_ACCURACY));
            }
        }
        return out;
    }

    /** Numbers only some runs of a kind have (a spurious pixel's, colored digits'): left out where no cell has one. */
    static boolean optional(String name) {
        return name.equals("clean_accuracy") || name.equals("spurious_accuracy") || name.equals("worst_group_accuracy");
    }

    private static void indexed(Map<String, Double> out, String name, int base, double[] values) {
        if (values == null) return;
        for (int i = 0; i < values.length; i++) out.put(name + "_" + (i + base), values[i]);
    }

    private static double minority(Values v, double[] counts) {
        double[] acc = v.vector(CnnFields.CLASS_ACCURACY);
        if (acc == null) return Double.NaN;
        if (counts == null || counts.length != acc.length) return v.scalar(CnnFields.BALANCED_ACCURACY);
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (double n : counts) {
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        if (max == min) return v.scalar(CnnFields.BALANCED_ACCURACY);
        double mid = (max + min) / 2, sum = 0;
        int n = 0;
        for (int c = 0; c < acc.length; c++) {
            if (counts[c] < mid) {
                sum += acc[c];
                n++;
            }
        }
        return sum / n;
    }

    /** The columns of these headline names in the kind's order, per-index columns by index. */
    public static List<String> columns(ExperimentKind kind, Collection<String> names) {
        List<String> base = order(kind);
        List<String> out = new ArrayList<>(names.stream().distinct().toList());
        out.sort(Comparator.comparingInt((String n) -> base.indexOf(stem(n))).thenComparingInt(Headlines::index));
        return out;
    }

    private static String stem(String name) {
        int u = name.lastIndexOf('_');
        return u > 0 && name.substring(u + 1).chars().allMatch(Character::isDigit) ? name.substring(0, u) : name;
    }

    private static int index(String name) {
        String s = stem(name);
        return s.equals(name) ? -1 : Integer.parseInt(name.substring(s.length() + 1));
    }
}

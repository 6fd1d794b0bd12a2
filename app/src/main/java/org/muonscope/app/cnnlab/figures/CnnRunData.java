package org.muonscope.app.cnnlab.figures;

import java.util.List;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunInfo;

/**
 * One run as the figures read it, whether it comes from the live queue or from a run folder on disk.
 *
 * @param label         legend text ({@code Muon} or {@code Muon · step R=20 · seed 1})
 * @param optimizerKind the optimizer's kind, which picks its hue
 * @param experiment    the experiment's label ({@code pixel I=2})
 * @param info          class names, counts, groups; may be null before the data is loaded
 */
public record CnnRunData(String label, String optimizerKind, String experiment, RunInfo info, List<EvalPoint> history) {
    public CnnRunData {
        history = List.copyOf(history);
    }

    public int classes() {
        if (info != null) return info.classNames().size();
        return history.isEmpty() ? 0 : history.get(0).classAccuracy().length;
    }

    public String className(int c) {
        return info != null && c < info.classNames().size() ? info.classNames().get(c) : Integer.toString(c);
    }

    public int[] minorityClasses() {
        return info == null ? new int[0] : info.minorityClasses();
    }

    /** The evaluation nearest to {@code step}; null without evaluations. */
    public EvalPoint nearest(double step) {
        if (!history.isEmpty() && step >= history.get(history.size() - 1).step()) return history.get(history.size() - 1);
        EvalPoint best = null;
        for (EvalPoint p : history) if (best == null || Math.abs(p.step() - step) < Math.abs(best.step() - step)) best = p;
        return best;
    }

    /**
     * The names of the weight matrices whose spectra the evaluations carry, in row order; numbered when the run's
     * info does not name them; empty when no evaluation has spectra.
     */
    public List<String> layers() {
        if (info != null && !info.layers().isEmpty()) return info.layers();
        for (EvalPoint p : history) {
            if (p.singularValues() != null) {
                return java.util.stream.IntStream.rangeClosed(1, p.singularValues().length).mapToObj(i -> "layer " + i).toList();
            }
        }
        return List.of();
    }

    public boolean hasSpectra() {
        return history.stream().anyMatch(p -> p.singularValues() != null);
    }

    public boolean hasSpurious() {
        return history.stream().anyMatch(p -> !Double.isNaN(p.cleanAccuracy()));
    }

    public boolean hasGroups() {
        return history.stream().anyMatch(p -> p.groupAccuracy() != null && p.groupAccuracy().length > 0);
    }
}

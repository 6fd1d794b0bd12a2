package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine knows about a run once its data is loaded: class names, training counts per class after the
 * transform, the colored-digits group names, how many steps the whole run takes, and the names of the network's
 * weight matrices whose spectra each evaluation records (empty for runs saved before the spectra were).
 */
public record RunInfo(List<String> classNames, int[] trainCounts, List<String> groupNames, long totalSteps,
                      List<String> layers) {
    public RunInfo {
        classNames = List.copyOf(classNames);
        groupNames = List.copyOf(groupNames);
        trainCounts = trainCounts.clone();
        // lab-run.json files written before the spectra have no layers
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** A run's info without the layers' names. */
    public RunInfo(List<String> classNames, int[] trainCounts, List<String> groupNames, long totalSteps) {
        this(classNames, trainCounts, groupNames, totalSteps, List.of());
    }

    /** This info with the given layer names. */
    public RunInfo withLayers(List<String> names) {
        return new RunInfo(classNames, trainCounts, groupNames, totalSteps, names);
    }

    /**
     * The classes an imbalance made rare: those with fewer training images than the largest class, below the
     * midpoint of the smallest and largest count (for a step imbalance exactly the reduced half; for a long tail
     * the lower half of the tail). With balanced counts there is no minority and the list is empty.
     */
    public int[] minorityClasses() {
        int max = Integer.MIN_VALUE, min = Integer.MAX_VALUE;
        for (int n : trainCounts) {
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        if (max == min) return new int[0];
        double mid = (max + (double) min) / 2;
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < trainCounts.length; c++) if (trainCounts[c] < mid) out.add(c);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}

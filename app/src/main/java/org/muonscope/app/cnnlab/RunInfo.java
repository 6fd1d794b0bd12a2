package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine knows about a run once its data is loaded: class names, training counts per class after the
 * transform, the colored-digits group names, and how many steps the whole run takes.
 */
public record RunInfo(List<String> classNames, int[] trainCounts, List<String> groupNames, long totalSteps) {
    public RunInfo {
        classNames = List.copyOf(classNames);
        groupNames = List.copyOf(groupNames);
        trainCounts = trainCounts.clone();
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

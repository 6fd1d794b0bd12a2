package org.muonscope.app.cnnlab;

import java.util.List;

/**
 * Training images after the experiment's transform, for the sample grid, and the class counts for the bar chart.
 *
 * @param trainCounts training images per class after the transform
 * @param samples     a few images per class, in class order
 */
public record DataPreview(List<String> classNames, int[] trainCounts, List<Sample> samples) {
    public DataPreview {
        classNames = List.copyOf(classNames);
        trainCounts = trainCounts.clone();
        samples = List.copyOf(samples);
    }

    /**
     * One image, channel-major ({@code pixels[c * h * w + y * w + x]}), values as the network sees them (0..1 for
     * clean pixels; a spurious pixel may be brighter). {@code markX/markY} locate the spurious pixel; -1 when none.
     * {@code note} is a caption such as the color group.
     */
    public record Sample(int label, int channels, int height, int width, float[] pixels, int markX, int markY,
                         String note) { }
}

package org.muonscope.engine.data;

import java.util.Arrays;
import java.util.List;
import org.muonscope.engine.model.cnn.Shape;

/**
 * Labelled images in memory, pixels scaled to [0, 1] (a spurious pixel may be brighter), each sample stored
 * {@code c x h x w}. {@code groups} is non-null when samples belong to evaluation groups (colored digits:
 * {@code label * colors + color}); {@code groupNames} then names them.
 */
public record Dataset(String name, Shape shape, int classes, float[] images, int[] labels, int[] groups,
                      List<String> groupNames) {
    public Dataset {
        if ((long) labels.length * shape.size() != images.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + images.length + " pixels");
        }
        if (groups != null && groups.length != labels.length) throw new IllegalArgumentException(name + ": groups");
        for (int l : labels) if (l < 0 || l >= classes) throw new IllegalArgumentException(name + ": label " + l);
    }

    public static Dataset of(String name, Shape shape, int classes, float[] images, int[] labels) {
        return new Dataset(name, shape, classes, images, labels, null, null);
    }

    public int size() {
        return labels.length;
    }

    /** Samples per class. */
    public int[] classCounts() {
        int[] c = new int[classes];
        for (int l : labels) c[l]++;
        return c;
    }

    /** The samples at the given indices, in that order, under a new name. */
    public Dataset select(String newName, int[] idx) {
        int s = shape.size();
        float[] im = new float[idx.length * s];
        int[] lb = new int[idx.length];
        int[] gr = groups == null ? null : new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(images, idx[i] * s, im, i * s, s);
            lb[i] = labels[idx[i]];
            if (gr != null) gr[i] = groups[idx[i]];
        }
        return new Dataset(newName, shape, classes, im, lb, gr, groupNames);
    }

    /** The first {@code n} samples. */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return select(name, idx);
    }
}

package org.muonscope.engine.data;

import java.util.Random;
import org.muonscope.engine.SpecException;

/**
 * The simplicity-bias shortcut (docs/theory.md section 3): every training image of class {@code c} gets pixel
 * {@code position(c)} set to intensity {@code I} in every channel. The positions are distinct, chosen by a
 * seeded draw away from the one-pixel border. The test set is returned twice: clean, and with each image
 * carrying its own class's pixel.
 */
public final class SpuriousPixel {
    private final int[] position;
    private final float intensity;

    private SpuriousPixel(int[] position, float intensity) {
        this.position = position;
        this.intensity = intensity;
    }

    /** Positions (row * width + col) for the classes of {@code d}. */
    public static SpuriousPixel forData(Dataset d, double intensity, long seed) {
        if (!(intensity > 0) || Double.isInfinite(intensity)) {
            throw new SpecException("spurious-pixel", "intensity must be a positive number, got " + intensity);
        }
        int h = d.shape().h(), w = d.shape().w(), k = d.classes();
        if ((h - 2) * (w - 2) < k) throw new SpecException("spurious-pixel", "images too small for " + k + " pixels");
        Random rnd = new Random(seed);
        int[] pos = new int[k];
        for (int c = 0; c < k; c++) {
            boolean clash;
            do {
                pos[c] = (1 + rnd.nextInt(h - 2)) * w + 1 + rnd.nextInt(w - 2);
                clash = false;
                for (int j = 0; j < c; j++) clash |= pos[j] == pos[c];
            } while (clash);
        }
        return new SpuriousPixel(pos, (float) intensity);
    }

    /** The pixel index (row * width + col) of class {@code c}. */
    public int position(int c) {
        return position[c];
    }

    /** The data with the training set marked and a spurious copy of the test set. */
    public TrainTest apply(TrainTest t) {
        Dataset train = mark(t.train(), t.train().name() + "-spurious");
        Dataset spurious = mark(t.test(), t.test().name() + "-spurious");
        return new TrainTest(t.source(), train, t.test(), spurious);
    }

    /** A copy of d with each image carrying its own class's pixel. */
    public Dataset mark(Dataset d, String name) {
        float[] x = d.images().clone();
        int size = d.shape().size(), plane = d.shape().plane();
        for (int i = 0; i < d.size(); i++) {
            for (int ch = 0; ch < d.shape().c(); ch++) x[i * size + ch * plane + position[d.labels()[i]]] = intensity;
        }
        return new Dataset(name, d.shape(), d.classes(), x, d.labels().clone(), d.groups(), d.groupNames());
    }
}

package org.muonscope.engine.data;

import java.util.List;
import java.util.Random;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Shape;

/**
 * Colored digits (docs/theory.md section 4): the label becomes coarse, {@code 0} for classes {@code 0 .. k/2-1}
 * and {@code 1} for the rest, and each one-channel image is drawn in one of two color channels (the other
 * stays black). In training exactly {@code round(fraction * n)} images, a seeded choice, have color = label;
 * at test time exactly half do, so color carries no information. Groups are {@code (label, color)}:
 * {@code group = 2 * label + color}.
 */
public final class ColoredDigits {
    static final List<String> GROUPS = List.of("label0-color0", "label0-color1", "label1-color0", "label1-color1");

    private ColoredDigits() { }

    public static TrainTest apply(TrainTest t, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) throw new SpecException("colored", "fraction must be in [0, 1], got " + fraction);
        if (t.train().shape().c() != 1) throw new SpecException("colored", "needs one-channel images (MNIST-like), got " + t.train().shape());
        return new TrainTest(t.source(), color(t.train(), fraction, seed), color(t.test(), 0.5, seed + 1));
    }

    /** Colors {@code d} with exactly {@code round(fraction * n)} images agreeing with their coarse label. */
    public static Dataset color(Dataset d, double fraction, long seed) {
        int n = d.size(), plane = d.shape().plane();
        int agree = (int) Math.round(fraction * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] agrees = new boolean[n];
        for (int i = 0; i < agree; i++) agrees[order[i]] = true;
        float[] x = new float[n * 2 * plane];
        int[] y = new int[n], g = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.labels()[i] < d.classes() / 2 ? 0 : 1;
            int color = agrees[i] ? y[i] : 1 - y[i];
            g[i] = 2 * y[i] + color;
            System.arraycopy(d.images(), i * plane, x, (2 * i + color) * plane, plane);
        }
        return new Dataset(d.name() + "-colored", new Shape(2, d.shape().h(), d.shape().w()), 2, x, y, g, GROUPS);
    }
}

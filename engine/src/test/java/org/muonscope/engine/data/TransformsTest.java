package org.muonscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Shape;

class TransformsTest {
    /** n per class, classes interleaved; pixel values encode the sample index so survivors can be traced. */
    static Dataset toy(int perClass, int classes, int h, int w) {
        int n = perClass * classes;
        float[] x = new float[n * h * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            x[i * h * w] = i;
        }
        return Dataset.of("toy", new Shape(1, h, w), classes, x, y);
    }

    @Test
    void stepImbalanceKeepsExactCounts() {
        Dataset d = toy(100, 10, 2, 2);
        Dataset s = Imbalance.apply("step:20", d, 1);
        assertArrayEquals(new int[]{100, 100, 100, 100, 100, 5, 5, 5, 5, 5}, s.classCounts());
        // survivors are distinct original samples with their own labels, in the original order
        int last = -1;
        for (int i = 0; i < s.size(); i++) {
            int orig = (int) s.images()[i * 4];
            assertTrue(orig > last);
            assertEquals(orig % 10, s.labels()[i]);
            last = orig;
        }
        assertArrayEquals(new int[]{100, 100, 33, 33}, Imbalance.stepCounts(new int[]{100, 100, 100, 100}, 3));
        assertArrayEquals(new int[]{7, 7, 1}, Imbalance.stepCounts(new int[]{7, 7, 7}, 100));
    }

    @Test
    void longTailKeepsExactCounts() {
        Dataset d = toy(1000, 5, 1, 1);
        Dataset s = Imbalance.apply("longtail:100", d, 2);
        // n_c = 1000 * 100^(-c/4): 1000, 316.2, 100, 31.6, 10
        assertArrayEquals(new int[]{1000, 316, 100, 32, 10}, s.classCounts());
    }

    @Test
    void imbalanceIsSeeded() {
        Dataset d = toy(50, 4, 1, 1);
        assertArrayEquals(Imbalance.apply("step:5", d, 3).images(), Imbalance.apply("step:5", d, 3).images(), 0f);
        assertNotEquals(java.util.Arrays.toString(Imbalance.apply("step:5", d, 3).images()),
                java.util.Arrays.toString(Imbalance.apply("step:5", d, 4).images()));
        assertThrows(SpecException.class, () -> Imbalance.apply("step:0.5", d, 1));
        assertThrows(SpecException.class, () -> Imbalance.apply("zipf:3", d, 1));
    }

    @Test
    void spuriousPixelSitsAtItsClassPositionOnlyInTrainAndSpuriousTest() {
        Dataset train = toy(3, 10, 6, 5);
        Dataset test = toy(2, 10, 6, 5);
        SpuriousPixel sp = SpuriousPixel.forData(train, 2.5, 7);
        Set<Integer> positions = new HashSet<>();
        for (int c = 0; c < 10; c++) {
            int p = sp.position(c);
            positions.add(p);
            assertTrue(p / 5 >= 1 && p / 5 <= 4 && p % 5 >= 1 && p % 5 <= 3, "inside the border: " + p);
        }
        assertEquals(10, positions.size(), "one distinct pixel per class");
        TrainTest t = sp.apply(new TrainTest("toy", train, test));
        for (int i = 0; i < t.train().size(); i++) {
            int c = t.train().labels()[i];
            for (int q = 0; q < 30; q++) {
                float want = q == sp.position(c) ? 2.5f : train.images()[i * 30 + q];
                assertEquals(want, t.train().images()[i * 30 + q], 0f, "sample " + i + " pixel " + q);
            }
        }
        assertArrayEquals(test.images(), t.test().images(), 0f, "clean test set untouched");
        for (int i = 0; i < test.size(); i++) {
            assertEquals(2.5f, t.spuriousTest().images()[i * 30 + sp.position(test.labels()[i])], 0f);
        }
    }

    @Test
    void coloredDigitsAgreeInExactlyTheGivenFraction() {
        Dataset d = toy(100, 10, 3, 3);
        TrainTest t = ColoredDigits.apply(new TrainTest("toy", d, toy(20, 10, 3, 3)), 0.99, 5);
        Dataset c = t.train();
        assertEquals(2, c.classes());
        assertEquals(2, c.shape().c());
        int agree = 0;
        for (int i = 0; i < c.size(); i++) {
            int fine = d.labels()[i];
            assertEquals(fine < 5 ? 0 : 1, c.labels()[i]);
            int color = c.groups()[i] % 2;
            assertEquals(c.labels()[i], c.groups()[i] / 2);
            // the digit is drawn in its color's channel and the other is black
            assertEquals(d.images()[i * 9], c.images()[(2 * i + color) * 9], 0f);
            assertEquals(0f, c.images()[(2 * i + 1 - color) * 9], 0f);
            if (color == c.labels()[i]) agree++;
        }
        assertEquals(990, agree);
        int testAgree = 0;
        for (int i = 0; i < t.test().size(); i++) if (t.test().groups()[i] % 2 == t.test().labels()[i]) testAgree++;
        assertEquals(100, testAgree, "exactly half at test time");
    }

    @Test
    void batchesGatherChannelMajorAndEpochOrdersAreSeededPermutations() {
        Dataset d = ColoredDigits.color(toy(2, 10, 2, 2), 1.0, 1);
        int[] order = Batches.order(d.size(), 9, 3);
        assertArrayEquals(order, Batches.order(d.size(), 9, 3));
        assertNotEquals(java.util.Arrays.toString(order), java.util.Arrays.toString(Batches.order(d.size(), 9, 4)));
        int[] sorted = order.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
        float[] x = new float[3 * 2 * 4];
        int[] y = new int[3];
        Batches.gather(d, order, 5, 3, x, y);
        for (int b = 0; b < 3; b++) {
            int s = order[5 + b];
            assertEquals(d.labels()[s], y[b]);
            for (int ch = 0; ch < 2; ch++) {
                for (int q = 0; q < 4; q++) assertEquals(d.images()[s * 8 + ch * 4 + q], x[(ch * 3 + b) * 4 + q], 0f);
            }
        }
    }
}

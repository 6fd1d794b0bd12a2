package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.model.cnn.Shape;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.CnnSpec;

/**
 * ResNet-20 through a whole run on generated colour images: it learns, it resumes to the same numbers (batch
 * normalization's running statistics travel in the checkpoint), and its numbers do not depend on the threads.
 */
class ResNetRunTest {
    @TempDir
    Path dir;

    /** Class c: a brighter 4x4 square in quadrant c of a colour channel c % 3, on uniform noise. */
    static TrainTest generated(int train, int test) {
        return new TrainTest("generated", images("train", train, 1), images("test", test, 2));
    }

    private static Dataset images(String name, int n, long seed) {
        Shape s = new Shape(3, 16, 16);
        Random r = new Random(seed);
        float[] x = new float[n * s.size()];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(4);
            y[i] = c;
            for (int p = 0; p < s.size(); p++) x[i * s.size() + p] = 0.5f * r.nextFloat();
            int oy = 2 + 8 * (c / 2) + r.nextInt(3), ox = 2 + 8 * (c % 2) + r.nextInt(3);
            for (int dy = 0; dy < 4; dy++) {
                for (int dx = 0; dx < 4; dx++) x[i * s.size() + (c % 3) * 256 + (oy + dy) * 16 + ox + dx] += 0.5f;
            }
        }
        return Dataset.of(name, s, 4, x, y);
    }

    private static CnnSpec spec(int epochs, int threads, int evalEvery) {
        return new CnnSpec("generated", "resnet20", List.of(OptimizerSettings.parse("adam:lr=0.003")), epochs, 32, "none", 0,
                Double.NaN, evalEvery, threads, 5, new Init("default", 0), 0, 0);
    }

    private static RunResult run(CnnSpec s, TrainTest data, Path checkpoints) {
        return Experiments.cnn().run(s, CnnData.prepare(s, data), null, null, RunContext.of("test").withCheckpoints(checkpoints));
    }

    @Test
    void learnsWithinAFewDozenSteps() {
        CnnSpec s = spec(3, 2, 8);
        OptimizerResult r = run(s, generated(512, 256), null).optimizers().get(0);
        assertEquals(Status.COMPLETED, r.status());
        assertEquals(48, r.summary().scalar(CnnFields.STEPS));
        double first = r.records().get(0).values().scalar(CnnFields.TRAIN_LOSS);
        double last = r.last().values().scalar(CnnFields.TRAIN_LOSS);
        // chance is ln 4 = 1.39; the planted squares are easy: the mean loss of steps 41-48 is a small fraction of
        // that of steps 1-8 (measured 0.46 -> 0.002)
        assertTrue(last < 0.25 * first, "train loss " + first + " -> " + last);
        // evaluation uses the running statistics, whose momentum 0.1 lags the fast-moving batch statistics for the
        // first few dozen steps (measured test accuracy 0.25, 0.25, 0.31, 0.66, 0.99, 1.0 at steps 8 .. 48)
        double acc = r.last().values().scalar(CnnFields.TEST_ACCURACY);
        assertTrue(acc > 0.9, "test accuracy " + acc);
    }

    @Test
    void resumesToTheSameNumbersAndIgnoresTheThreadCount() {
        TrainTest data = generated(160, 64);
        RunResult straight = run(spec(2, 2, 0), data, null);
        run(spec(1, 2, 0), data, dir);
        RunResult resumed = run(spec(2, 3, 0), data, dir);
        CnnRunTest.assertSameNumbers(straight, resumed);
    }
}

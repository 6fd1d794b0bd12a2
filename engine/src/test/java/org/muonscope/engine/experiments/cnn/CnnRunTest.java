package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Progress;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

class CnnRunTest {
    private static TrainTest bundled;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        bundled = DataSources.bundled();
    }

    private static CnnSpec spec(List<String> opts, int epochs, int batch, int trainLimit, int testLimit, int threads) {
        return spec("paper-cnn", opts, epochs, batch, trainLimit, testLimit, threads);
    }

    private static CnnSpec spec(String model, List<String> opts, int epochs, int batch, int trainLimit, int testLimit,
                                int threads) {
        return new CnnSpec("bundled", model, opts.stream().map(OptimizerSettings::parse).toList(), epochs, batch, "none",
                0, Double.NaN, 0, threads, 3, new Init("default", 0), trainLimit, testLimit);
    }

    private static RunResult run(CnnSpec s, RunListener l, CancelToken c, Path checkpoints) {
        return Experiments.cnn().run(s, CnnData.prepare(s, bundled), l, c, RunContext.of("test").withCheckpoints(checkpoints));
    }

    private static long steps(OptimizerResult o) {
        return (long) o.summary().scalar(CnnFields.STEPS);
    }

    private static Values last(OptimizerResult o) {
        return o.last().values();
    }

    @Test
    void shortRunOnTheBundledSubsetLearnsWellAboveChance() {
        // two epochs of the 2,000 bundled images; chance is 0.1, and this network reaches ~0.75 (0.5 leaves room
        // for seeds and optimizer details while still failing for a broken gradient or update)
        CnnSpec s = spec(List.of("adam:lr=0.001"), 2, 64, 0, 0, 2);
        OptimizerResult o = run(s, null, null, null).optimizers().get(0);
        assertEquals(Status.COMPLETED, o.status());
        assertEquals(2 * 32, steps(o));
        assertEquals(4000, o.summary().scalar(CnnFields.IMAGES));
        assertTrue(last(o).scalar(CnnFields.TEST_ACCURACY) > 0.5, "accuracy " + last(o).scalar(CnnFields.TEST_ACCURACY));
        assertTrue(last(o).scalar(CnnFields.TRAIN_LOSS) < 1.2, "loss " + last(o).scalar(CnnFields.TRAIN_LOSS));
        assertEquals(10, last(o).vector(CnnFields.CLASS_ACCURACY).length);
    }

    @Test
    void stopAndResumeGivesTheNumbersOfAnUninterruptedRun() {
        // the paper CNN with Adam and SGD momentum (conv weights, moments), the MLP with Muon (its momentum and
        // Adam fallback; the MLP keeps the Newton-Schulz matrices small so the test stays fast)
        resumeMatches("paper-cnn", List.of("adam:lr=0.001", "gd:lr=0.05,beta=0.9"), dir.resolve("cnn"));
        resumeMatches("mlp", List.of("muon:lr=0.02"), dir.resolve("mlp"));
    }

    private static void resumeMatches(String model, List<String> opts, Path ck) {
        CnnSpec two = spec(model, opts, 2, 32, 192, 200, 2);
        RunResult straight = run(two, null, null, null);
        CnnSpec one = spec(model, opts, 1, 32, 192, 200, 2);
        RunResult first = run(one, null, null, ck);
        assertEquals(6, steps(first.optimizers().get(0)));
        assertTrue(Files.isRegularFile(ck.resolve("optimizer-0.ckpt")));
        RunResult resumed = run(two, null, null, ck);
        assertEquals(12, steps(resumed.optimizers().get(0)));
        assertSameNumbers(straight, resumed);
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() {
        List<String> opts = List.of("adam:lr=0.001");
        CnnSpec s1 = spec(opts, 1, 32, 160, 200, 1), s3 = spec(opts, 1, 32, 160, 200, 3);
        assertSameNumbers(run(s1, null, null, null), run(s3, null, null, null));
    }

    @Test
    void cancelStopsAtTheNextStep() {
        CnnSpec s = spec(List.of("adam:lr=0.001", "gd:lr=0.05"), 1, 16, 320, 100, 1);
        CancelToken token = new CancelToken();
        RunListener stopper = new RunListener() {
            @Override
            public void onProgress(Progress p) {
                if (p.step() >= 3) token.cancel();
            }
        };
        RunResult r = run(s, stopper, token, null);
        assertTrue(r.cancelled());
        assertEquals(Status.CANCELLED, r.optimizers().get(0).status());
        assertEquals(3, steps(r.optimizers().get(0)));
        OptimizerResult second = r.optimizers().get(1);
        assertEquals(Status.CANCELLED, second.status(), "the second optimizer never starts");
        assertTrue(second.records().isEmpty(), "the second optimizer never starts");
    }

    @Test
    void progressAndEvalEventsCarryThroughputAndEvalEverySteps() {
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("adam")), 1, 20, "none", 0, Double.NaN, 4,
                1, 1, new Init("kaiming", 0), 100, 50);
        List<Progress> ticks = new java.util.ArrayList<>();
        List<Long> evalSteps = new java.util.ArrayList<>();
        RunListener l = new RunListener() {
            @Override
            public void onProgress(Progress p) {
                ticks.add(p);
            }

            @Override
            public void onRecord(Record e) {
                evalSteps.add(e.step());
            }
        };
        run(s, l, null, null);
        assertEquals(List.of(4L, 5L), evalSteps, "every 4 steps and at the epoch's end (5 steps)");
        Progress last = ticks.get(ticks.size() - 1);
        assertEquals(5, last.totalSteps());
        assertTrue(last.values().scalar(CnnFields.IMAGES_PER_SECOND) > 0 && last.values().scalar(CnnFields.ETA_SECONDS) >= 0);
    }

    static void assertSameNumbers(RunResult a, RunResult b) {
        assertEquals(a.optimizers().size(), b.optimizers().size());
        for (int i = 0; i < a.optimizers().size(); i++) {
            List<Record> ea = a.optimizers().get(i).records(), eb = b.optimizers().get(i).records();
            assertEquals(ea.size(), eb.size());
            for (int j = 0; j < ea.size(); j++) {
                Values va = ea.get(j).values(), vb = eb.get(j).values();
                assertEquals(ea.get(j).step(), eb.get(j).step());
                assertEquals(va.scalar(CnnFields.IMAGES), vb.scalar(CnnFields.IMAGES));
                assertEquals(va.scalar(CnnFields.TRAIN_LOSS), vb.scalar(CnnFields.TRAIN_LOSS), 0.0, "bit-identical loss");
                assertEquals(va.scalar(CnnFields.TEST_ACCURACY), vb.scalar(CnnFields.TEST_ACCURACY), 0.0);
                assertArrayEquals(va.vector(CnnFields.CLASS_ACCURACY), vb.vector(CnnFields.CLASS_ACCURACY), 0.0);
                assertTrue(java.util.Arrays.deepEquals(va.matrix(CnnFields.CONFUSION), vb.matrix(CnnFields.CONFUSION)),
                        "confusion matrices survive the checkpoint");
                assertTrue(java.util.Arrays.deepEquals(va.matrix(CnnFields.SINGULAR_VALUES), vb.matrix(CnnFields.SINGULAR_VALUES)),
                        "the layers' spectra survive the checkpoint, bit for bit");
                assertTrue(va.matrix(CnnFields.SINGULAR_VALUES) != null, "every evaluation has the spectra");
                assertArrayEquals(va.vector(CnnFields.LAYER_EFFECTIVE_RANK), vb.vector(CnnFields.LAYER_EFFECTIVE_RANK), 0.0);
            }
        }
    }
}

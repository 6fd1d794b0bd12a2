package org.muonscope.engine.cnn;

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
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;

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

    @Test
    void shortRunOnTheBundledSubsetLearnsWellAboveChance() {
        // two epochs of the 2,000 bundled images; chance is 0.1, and this network reaches ~0.75 (0.5 leaves room
        // for seeds and optimizer details while still failing for a broken gradient or update)
        CnnSpec s = spec(List.of("adam:lr=0.001"), 2, 64, 0, 0, 2);
        CnnResult r = new CnnRun(s, CnnData.prepare(s, bundled), null, null, "test").run();
        CnnOptimizerResult o = r.optimizers().get(0);
        assertEquals("completed", o.status());
        assertEquals(2 * 32, o.steps());
        assertEquals(4000, o.images());
        assertTrue(o.last().testAccuracy() > 0.5, "accuracy " + o.last().testAccuracy());
        assertTrue(o.last().trainLoss() < 1.2, "loss " + o.last().trainLoss());
        assertEquals(10, o.last().classAccuracy().length);
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
        CnnResult straight = new CnnRun(two, CnnData.prepare(two, bundled), null, null, "test").run();
        CnnSpec one = spec(model, opts, 1, 32, 192, 200, 2);
        CnnResult first = new CnnRun(one, CnnData.prepare(one, bundled), null, ck, "test").run();
        assertEquals(6, first.optimizers().get(0).steps());
        assertTrue(Files.isRegularFile(ck.resolve("optimizer-0.ckpt")));
        CnnResult resumed = new CnnRun(two, CnnData.prepare(two, bundled), null, ck, "test").run();
        assertEquals(12, resumed.optimizers().get(0).steps());
        assertSameNumbers(straight, resumed);
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() {
        List<String> opts = List.of("adam:lr=0.001");
        CnnSpec s1 = spec(opts, 1, 32, 160, 200, 1), s3 = spec(opts, 1, 32, 160, 200, 3);
        assertSameNumbers(new CnnRun(s1, CnnData.prepare(s1, bundled), null, null, "t").run(),
                new CnnRun(s3, CnnData.prepare(s3, bundled), null, null, "t").run());
    }

    @Test
    void cancelStopsAtTheNextStep() {
        CnnSpec s = spec(List.of("adam:lr=0.001", "gd:lr=0.05"), 1, 16, 320, 100, 1);
        CnnRun[] run = new CnnRun[1];
        CnnListener stopper = new CnnListener() {
            @Override
            public void onProgress(CnnProgress p) {
                if (p.step() >= 3) run[0].cancel();
            }
        };
        run[0] = new CnnRun(s, CnnData.prepare(s, bundled), stopper, null, "t");
        CnnResult r = run[0].run();
        assertTrue(r.cancelled());
        assertEquals(1, r.optimizers().size(), "the second optimizer never starts");
        assertEquals("cancelled", r.optimizers().get(0).status());
        assertEquals(3, r.optimizers().get(0).steps());
    }

    @Test
    void progressAndEvalEventsCarryThroughputAndEvalEverySteps() {
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("adam")), 1, 20, "none", 0, Double.NaN, 4,
                1, 1, new Init("kaiming", 0), 100, 50);
        List<CnnProgress> ticks = new java.util.ArrayList<>();
        List<Long> evalSteps = new java.util.ArrayList<>();
        CnnListener l = new CnnListener() {
            @Override
            public void onProgress(CnnProgress p) {
                ticks.add(p);
            }

            @Override
            public void onEval(CnnEval e) {
                evalSteps.add(e.step());
            }
        };
        new CnnRun(s, CnnData.prepare(s, bundled), l, null, "t").run();
        assertEquals(List.of(4L, 5L), evalSteps, "every 4 steps and at the epoch's end (5 steps)");
        CnnProgress last = ticks.get(ticks.size() - 1);
        assertEquals(5, last.totalSteps());
        assertTrue(last.imagesPerSecond() > 0 && last.etaSeconds() >= 0);
    }

    static void assertSameNumbers(CnnResult a, CnnResult b) {
        assertEquals(a.optimizers().size(), b.optimizers().size());
        for (int i = 0; i < a.optimizers().size(); i++) {
            List<CnnEval> ea = a.optimizers().get(i).evals(), eb = b.optimizers().get(i).evals();
            assertEquals(ea.size(), eb.size());
            for (int j = 0; j < ea.size(); j++) {
                assertEquals(ea.get(j).step(), eb.get(j).step());
                assertEquals(ea.get(j).images(), eb.get(j).images());
                assertEquals(ea.get(j).trainLoss(), eb.get(j).trainLoss(), 0.0, "bit-identical loss");
                assertEquals(ea.get(j).testAccuracy(), eb.get(j).testAccuracy(), 0.0);
                assertArrayEquals(ea.get(j).classAccuracy(), eb.get(j).classAccuracy(), 0.0);
                assertTrue(java.util.Arrays.deepEquals(ea.get(j).confusion(), eb.get(j).confusion()),
                        "confusion matrices survive the checkpoint");
            }
        }
    }
}

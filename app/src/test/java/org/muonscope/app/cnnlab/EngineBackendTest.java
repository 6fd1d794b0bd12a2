package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real adapter's data preview on the bundled subset (2,000 training images, 200 per class). */
class EngineBackendTest {
    /** Trainings on a thread of the test's own, as the lab's training lane runs them. */
    private final EngineBackend backend = new EngineBackend(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-training");
        t.setDaemon(true);
        return t;
    }));

    @Test
    void stepImbalanceCountsAndMinorityClasses() throws Exception {
        DataPreview p = backend.preview(DatasetChoice.BUNDLED, new Experiment(Experiment.Kind.STEP_IMBALANCE, 10), 1, 2);
        assertArrayEquals(new int[] {200, 200, 200, 200, 200, 20, 20, 20, 20, 20}, p.trainCounts());
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, new RunInfo(p.classNames(), p.trainCounts(), List.of(), 1).minorityClasses());
        assertEquals("T-shirt/top", p.classNames().get(0));
        assertEquals(20, p.samples().size(), "two images of each of the 10 classes");
    }

    @Test
    void spuriousPixelIsMarkedWhereTheEnginePutItAtTheGivenIntensity() throws Exception {
        DataPreview p = backend.preview(DatasetChoice.BUNDLED, new Experiment(Experiment.Kind.SPURIOUS_PIXEL, 3), 7, 3);
        int[] firstX = new int[10];
        java.util.Arrays.fill(firstX, -1);
        for (DataPreview.Sample s : p.samples()) {
            assertTrue(s.markX() >= 1 && s.markY() >= 1, "inside the one-pixel border");
            assertEquals(3f, s.pixels()[s.markY() * s.width() + s.markX()], 0f, "the marked pixel carries intensity I");
            if (firstX[s.label()] < 0) firstX[s.label()] = s.markY() * s.width() + s.markX();
            assertEquals(firstX[s.label()], s.markY() * s.width() + s.markX(), "one position per class");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.9, 0.99})
    void coloredDigitsShowTwoChannelsAndOneDisagreeingImagePerRow(double agreement) throws Exception {
        DataPreview p = backend.preview(DatasetChoice.BUNDLED, new Experiment(Experiment.Kind.COLORED, agreement), 1, 4);
        assertEquals(2, p.classNames().size());
        assertArrayEquals(new int[] {1000, 1000}, p.trainCounts());
        for (int c = 0; c < 2; c++) {
            int label = c;
            List<DataPreview.Sample> row = p.samples().stream().filter(s -> s.label() == label).toList();
            assertEquals(4, row.size());
            assertEquals(2, row.get(0).channels());
            assertEquals(1, row.stream().filter(s -> s.note().contains("disagrees")).count(), "row " + c);
            assertTrue(row.get(3).note().contains("disagrees"), "the disagreeing image ends the row");
            for (DataPreview.Sample s : row) {
                int plane = s.width() * s.height();
                double red = 0, green = 0;
                for (int i = 0; i < plane; i++) {
                    red += s.pixels()[i];
                    green += s.pixels()[plane + i];
                }
                boolean isRed = s.note().startsWith("red");
                assertTrue(isRed ? green == 0 && red > 0 : red == 0 && green > 0, "one color channel per image: " + s.note());
            }
        }
    }

    /** Collects a run's events; cancels the run from the training thread once it reaches {@code cancelAt}. */
    private static final class Recorder implements TrainingBackend.TrainingObserver {
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        final List<EvalPoint> evals = new java.util.concurrent.CopyOnWriteArrayList<>();
        final long cancelAt;
        final java.util.concurrent.CompletableFuture<TrainingBackend.TrainingJob> job = new java.util.concurrent.CompletableFuture<>();
        volatile TrainingBackend.Outcome outcome;
        volatile RunInfo info;

        Recorder(long cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override public void onStarted(RunInfo i) { info = i; }

        @Override
        public void onProgress(TrainingBackend.Progress p) {
            // On the training thread: the flag is set before the next step, so where it stops is deterministic.
            if (p.step() >= cancelAt) job.join().cancel();
        }

        @Override public void onEvaluation(EvalPoint p) { evals.add(p); }

        @Override
        public void onEnded(TrainingBackend.Outcome o, String message) {
            outcome = o;
            ended.countDown();
        }

        Recorder await() throws InterruptedException {
            assertTrue(ended.await(120, java.util.concurrent.TimeUnit.SECONDS), "the run ended");
            return this;
        }
    }

    private Recorder run(LabRunSpec spec, java.nio.file.Path dir, boolean resume, long cancelAt) throws Exception {
        Recorder r = new Recorder(cancelAt);
        r.job.complete(backend.start(spec, dir, resume, r));
        return r.await();
    }

    @Test
    void aRunCancelledAfterItsFirstEpochResumesToTheSameNumbersAsAnUninterruptedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        // 128 images in batches of 32: 4 steps an epoch, 3 epochs; evaluations every 2 steps on 100 test images.
        LabRunSpec spec = new LabRunSpec(DatasetChoice.BUNDLED, Experiment.PLAIN, "mlp", "SGD",
                org.muonscope.engine.optim.OptimizerSettings.parse("gd:lr=0.05,beta=0.9"), 3, 32, 2, 5, 1, 128, 100);
        Recorder whole = run(spec, tmp.resolve("whole"), false, Long.MAX_VALUE);
        assertEquals(TrainingBackend.Outcome.COMPLETED, whole.outcome);
        assertEquals(12, whole.info.totalSteps());

        java.nio.file.Path dir = tmp.resolve("interrupted");
        Recorder first = run(spec, dir, false, 6);
        assertEquals(TrainingBackend.Outcome.CANCELLED, first.outcome);
        assertTrue(backend.canResume(dir), "the first epoch's checkpoint is there");
        Recorder rest = run(spec, dir, true, Long.MAX_VALUE);
        assertEquals(TrainingBackend.Outcome.COMPLETED, rest.outcome);
        assertEquals(6, rest.evals.get(0).step(), "resumed after epoch 1 (step 4): the next evaluation is at step 6");
        EvalPoint a = whole.evals.get(whole.evals.size() - 1), b = rest.evals.get(rest.evals.size() - 1);
        assertEquals(12, b.step());
        assertEquals(a.trainLoss(), b.trainLoss(), 0, "bit-identical to the uninterrupted run");
        assertArrayEquals(a.classAccuracy(), b.classAccuracy(), 0);
        assertTrue(java.util.Arrays.deepEquals(a.confusion(), b.confusion()), "the confusion matrix resumes too");
        for (EvalPoint p : whole.evals) {
            int total = 0;
            for (int t = 0; t < p.confusion().length; t++) {
                int row = java.util.Arrays.stream(p.confusion()[t]).sum();
                total += row;
                // the lab's heat map divides by the row: its diagonal must be the per-class accuracy (one rounding)
                if (row > 0) assertEquals(p.classAccuracy()[t], (double) p.confusion()[t][t] / row, 1e-15);
            }
            assertEquals(100, total, "every test image counted once");
        }
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("metrics.csv")));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("confusion.csv")));
    }
}

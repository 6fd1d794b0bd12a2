package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.optim.OptimizerSettings;

class RunQueueViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    @TempDir Path tmp;

    static LabRunSpec spec(String label, String optimizer) {
        return new LabRunSpec(DatasetChoice.BUNDLED, new Experiment(Experiment.Kind.STEP_IMBALANCE, 10), "paper-cnn",
                label, OptimizerSettings.parse(optimizer), 1, 32, 10, 1, 1);
    }

    private RunQueueViewModel queue(FakeBackend fake) {
        return new RunQueueViewModel(fake, new RunStore(tmp.resolve("runs")), DIRECT, DIRECT);
    }

    @Test
    void runsOneAtATimeAndStartsTheNextWhenOneEnds() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        RunItem a = q.enqueue(spec("SGD", "gd:lr=0.05,beta=0.9"));
        RunItem b = q.enqueue(spec("Muon", "muon:lr=0.02"));
        assertEquals(RunStatus.RUNNING, a.status());
        assertEquals(RunStatus.QUEUED, b.status());
        assertEquals(1, fake.jobs.size());
        assertEquals(1, q.runningProperty().get());

        fake.last().started(new int[] {10, 10, 1, 1});
        fake.last().progress(40);
        assertEquals(0.4, a.progressProperty().get(), 1e-12);
        assertEquals(500, a.imagesPerSecondProperty().get(), 0);
        assertEquals(6.0, a.etaSecondsProperty().get(), 1e-12);
        fake.last().eval(50, 0.9, 0.8, 0.2, 0.1);
        assertEquals(1, a.history().size());
        fake.last().end(TrainingBackend.Outcome.COMPLETED, null);

        assertEquals(RunStatus.DONE, a.status());
        assertEquals(1.0, a.progressProperty().get(), 0);
        assertEquals(RunStatus.RUNNING, b.status());
        assertEquals(2, fake.jobs.size());
        assertEquals("muon:lr=0.02", fake.last().spec.optimizer().toText());
    }

    @Test
    void twoSlotsRunTwoAtOnce() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        q.maxConcurrentProperty().set(2);
        q.enqueue(spec("SGD", "gd"));
        q.enqueue(spec("Adam", "adam"));
        RunItem c = q.enqueue(spec("Muon", "muon"));
        assertEquals(2, fake.jobs.size());
        assertEquals(RunStatus.QUEUED, c.status());
    }

    @Test
    void cancelQueuedIsImmediateCancelRunningWaitsForTheEngine() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        RunItem a = q.enqueue(spec("SGD", "gd"));
        RunItem b = q.enqueue(spec("Adam", "adam"));
        q.cancel(b);
        assertEquals(RunStatus.CANCELLED, b.status());
        assertFalse(b.resumableProperty().get());

        q.cancel(a);
        assertTrue(fake.last().cancelRequested);
        assertEquals(RunStatus.RUNNING, a.status(), "running until the engine confirms the stop");
        assertEquals("cancelling", a.messageProperty().get());
        fake.last().end(TrainingBackend.Outcome.CANCELLED, null);
        assertEquals(RunStatus.CANCELLED, a.status());
        assertFalse(a.resumableProperty().get(), "no checkpoint was written");
        assertEquals(0, q.runningProperty().get());
        assertEquals(1, fake.jobs.size(), "the cancelled queued run never started");
    }

    @Test
    void failureKeepsTheMessageAndTheQueueGoesOn() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        RunItem a = q.enqueue(spec("SGD", "gd"));
        RunItem b = q.enqueue(spec("Adam", "adam"));
        fake.last().end(TrainingBackend.Outcome.FAILED, "loss became NaN at step 12");
        assertEquals(RunStatus.FAILED, a.status());
        assertEquals("loss became NaN at step 12", a.messageProperty().get());
        assertEquals(RunStatus.RUNNING, b.status());
    }

    @Test
    void progressIsCoalescedToOneUiUpdatePerBurst() {
        FakeBackend fake = new FakeBackend();
        java.util.ArrayDeque<Runnable> uiQueue = new java.util.ArrayDeque<>();
        RunQueueViewModel q = new RunQueueViewModel(fake, new RunStore(tmp.resolve("runs")), uiQueue::add, DIRECT);
        RunItem a = q.enqueue(spec("SGD", "gd"));
        for (int s = 1; s <= 50; s++) fake.last().progress(s);
        assertEquals(1, uiQueue.size(), "fifty progress events, one pending UI update");
        uiQueue.poll().run();
        assertEquals(50, a.stepProperty().get(), "the newest progress is shown");
    }

    @Test
    void deleteRemovesAFinishedRunAndItsFolderButNotARunningOne() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        RunItem a = q.enqueue(spec("SGD", "gd"));
        assertFalse(q.delete(a));
        fake.last().end(TrainingBackend.Outcome.COMPLETED, null);
        q.reopen(a);
        assertTrue(Files.isDirectory(a.dir()));
        assertTrue(q.delete(a));
        assertFalse(Files.exists(a.dir()));
        assertTrue(q.runs().isEmpty());
        assertTrue(q.compared().isEmpty());
        assertNull(q.selectedProperty().get());
    }

    @Test
    void groupBecomesTheComparedSet() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel q = queue(fake);
        List<RunItem> g = q.enqueueGroup(List.of(spec("SGD", "gd"), spec("Adam", "adam"), spec("Muon", "muon")));
        assertEquals(g, q.compared());
        assertEquals(g.get(0), q.selectedProperty().get());
        q.compare(List.of(g.get(2)));
        assertEquals(List.of(g.get(2)), q.compared());
        assertEquals(g.get(2), q.selectedProperty().get());
    }

    @Test
    void afterARestartInterruptedRunsResumeFromTheirCheckpoint() {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel before = queue(fake);
        RunItem done = before.enqueue(spec("SGD", "gd"));
        fake.last().started(new int[] {10, 10, 1, 1});
        fake.last().eval(100, 0.9, 0.9, 0.5, 0.5);
        fake.last().end(TrainingBackend.Outcome.COMPLETED, null);
        RunItem mid = before.enqueue(spec("Muon", "muon"));
        fake.last().started(new int[] {10, 10, 1, 1});
        fake.last().eval(10, 0.3, 0.3, 0.3, 0.3);
        fake.last().eval(20, 0.5, 0.5, 0.4, 0.4);
        fake.last().checkpoint();
        RunItem waiting = before.enqueue(spec("Adam", "adam"));
        before.shutdown();
        assertTrue(fake.last().cancelRequested, "closing the app stops the running training");
        fake.last().end(TrainingBackend.Outcome.CANCELLED, null);

        FakeBackend fake2 = new FakeBackend();
        RunQueueViewModel after = queue(fake2);
        List<RunItem> restored = after.loadSaved();
        after.addRestored(restored);
        assertEquals(3, restored.size());
        RunItem r0 = restored.get(0), r1 = restored.get(1), r2 = restored.get(2);
        assertEquals(done.spec(), r0.spec());
        assertEquals(RunStatus.DONE, r0.status());
        assertEquals(1, r0.history().size());
        assertArrayEquals(new double[] {0.9, 0.9, 0.5, 0.5}, r0.history().get(0).classAccuracy());
        assertEquals(RunStatus.INTERRUPTED, r1.status());
        assertEquals(mid.dir(), r1.dir());
        assertEquals(2, r1.history().size());
        assertTrue(r1.resumableProperty().get());
        assertEquals(RunStatus.INTERRUPTED, r2.status());
        assertEquals(waiting.spec(), r2.spec());

        after.resume(r1);
        assertEquals(RunStatus.RUNNING, r1.status());
        assertTrue(fake2.last().resumed, "a run with a checkpoint resumes from it");
        // The checkpoint is at step 20's epoch start, say 15: re-evaluated points replace the rolled-back ones.
        fake2.last().eval(20, 0.55, 0.55, 0.45, 0.45);
        assertEquals(2, r1.history().size());
        assertEquals(0.55, r1.history().get(1).classAccuracy()[0], 0);
        fake2.last().end(TrainingBackend.Outcome.COMPLETED, null);
        after.resume(r2);
        assertFalse(fake2.last().resumed, "a run that never started has no checkpoint and starts fresh");
    }

    @Test
    void theLayersAndTheirSpectraSurviveARestart() throws Exception {
        FakeBackend fake = new FakeBackend();
        RunQueueViewModel before = queue(fake);
        before.enqueue(spec("Muon", "muon"));
        fake.last().started(new int[] {10, 10, 1, 1}, List.of("fc1.weight", "fc2.weight"));
        double[][] sv = {{2.5, 1, 0.25}, {1.5, 0.5}};
        fake.last().evalSpectra(10, sv);
        fake.last().end(TrainingBackend.Outcome.COMPLETED, null);
        RunQueueViewModel after = queue(new FakeBackend());
        RunItem r = after.loadSaved().get(0);
        assertEquals(List.of("fc1.weight", "fc2.weight"), r.info().layers());
        assertTrue(java.util.Arrays.deepEquals(sv, r.history().get(0).singularValues()));
        assertEquals(org.muonscope.engine.linalg.Spectra.effectiveRank(sv[1]), r.history().get(0).layerRank()[1], 0);

        // a lab-history.json and lab-run.json written before the spectra read without them
        Path dir = r.dir();
        String history = Files.readString(dir.resolve(RunStore.HISTORY_FILE)).replaceAll("(?s),\\s*\"singularValues\".*?\\]\\s*\\]", "")
                .replaceAll("(?s),\\s*\"layerRank\"\\s*:\\s*\\[[^]]*\\]", "");
        assertFalse(history.contains("singularValues") || history.contains("layerRank"), history);
        Files.writeString(dir.resolve(RunStore.HISTORY_FILE), history);
        String state = Files.readString(dir.resolve(RunStore.STATE_FILE)).replaceAll(",\\s*\"layers\"\\s*:\\s*\\[[^]]*\\]", "");
        assertFalse(state.contains("layers"), state);
        Files.writeString(dir.resolve(RunStore.STATE_FILE), state);
        RunItem old = queue(new FakeBackend()).loadSaved().get(0);
        assertEquals(List.of(), old.info().layers());
        assertNull(old.history().get(0).singularValues());
        assertEquals(1, old.history().size());
    }

    private static void assertArrayEquals(double[] e, double[] a) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(e, a, 0);
    }
}

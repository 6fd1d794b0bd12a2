package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.optim.OptimizerSettings;

class SweepViewModelTest {
    @TempDir Path tmp;

    private final FakeBackend fake = new FakeBackend();
    private RunQueueViewModel queue;

    private SweepViewModel sweep() {
        queue = new RunQueueViewModel(fake, new RunStore(tmp), Runnable::run, Runnable::run);
        return new SweepViewModel(queue);
    }

    private static List<LabRunSpec> sgdAndMuon() {
        LabRunSpec base = RunQueueViewModelTest.spec("SGD", "gd:lr=0.05,beta=0.9");
        return List.of(base, base.withOptimizer("Muon", OptimizerSettings.parse("muon:lr=0.02")));
    }

    /**
     * Plays the running job: class counts from its R (two full classes, two reduced by R), evaluations at steps
     * 10, 20, ..., 100 where each class's accuracy is {@code base + slope * step} capped at 1.
     */
    private void play(double minoritySlope) {
        FakeBackend.Job j = fake.last();
        int r = (int) j.spec.experiment().value();
        j.started(new int[] {100, 100, 100 / r, 100 / r});
        for (int s = 10; s <= 100; s += 10) {
            double maj = Math.min(1, 0.1 + 0.02 * s), min = Math.min(1, 0.1 + minoritySlope * s / r);
            j.eval(s, maj, maj, min, min);
        }
        j.end(TrainingBackend.Outcome.COMPLETED, null);
    }

    @Test
    void imbalanceSweepQueuesEveryValueSeedAndOptimizerAndPlotsTheGap() {
        SweepViewModel sw = sweep();
        sw.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        sw.valuesTextProperty().set("1, 10");
        sw.seedsTextProperty().set("1 2");
        sw.earlyFractionProperty().set(0.25);
        List<RunItem> items = sw.launch(sgdAndMuon());
        assertEquals(8, items.size(), "2 values x 2 seeds x 2 optimizers");
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 10.0, 10.0, 10.0, 10.0),
                items.stream().map(i -> i.spec().experiment().value()).toList(), "value-major order");
        assertEquals(List.of(1L, 1L, 2L, 2L, 1L, 1L, 2L, 2L), items.stream().map(i -> i.spec().seed()).toList());

        // SGD's minority classes learn at 0.01/R per step, Muon's at 0.03/R; seeds identical.
        for (RunItem i : items) play(i.spec().optimizerLabel().equals("Muon") ? 0.03 : 0.01);
        assertTrue(items.stream().allMatch(i -> i.status() == RunStatus.DONE));

        SweepSummary.Chart gapChart = sw.chartsProperty().get().get(0);
        SweepSummary.Series gap = gapChart.series().get(0);
        assertEquals("Muon − SGD", gap.name());
        assertArrayEquals(new double[] {1, 10}, gap.x());
        // The first evaluation at or after 25 of 100 steps is step 30.
        // R = 1: no minority, so the gap is in balanced accuracy: all four classes, 0.7 vs (0.7, 0.4) means.
        double r1 = (0.7 + 0.7 + 1.0 + 1.0) / 4 - (0.7 + 0.7 + 0.4 + 0.4) / 4;
        // R = 10: minority classes 2 and 3: 0.1 + 0.03*30/10 = 0.19 against 0.1 + 0.01*30/10 = 0.13.
        double r10 = 0.19 - 0.13;
        assertArrayEquals(new double[] {r1, r10}, gap.y(), 1e-12);
        assertArrayEquals(new int[] {2, 2}, gap.n(), "two seeds each");

        SweepSummary.Chart perOpt = sw.chartsProperty().get().get(1);
        assertEquals(List.of("SGD", "Muon"), perOpt.series().stream().map(SweepSummary.Series::name).toList());
        assertArrayEquals(new double[] {(0.7 + 0.7 + 0.4 + 0.4) / 4, 0.13}, perOpt.series().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {(0.7 + 0.7 + 1.0 + 1.0) / 4, 0.19}, perOpt.series().get(1).y(), 1e-12);
    }

    @Test
    void theGapAppearsForEachValueAsSoonAsBothOptimizersReachTheEarlyStep() {
        SweepViewModel sw = sweep();
        sw.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        sw.valuesTextProperty().set("10");
        sw.earlyFractionProperty().set(0.25);
        List<RunItem> items = sw.launch(sgdAndMuon());
        play(0.01);
        assertEquals(0, sw.chartsProperty().get().get(0).series().get(0).x().length, "Muon has not started");
        FakeBackend.Job muon = fake.last();
        muon.started(new int[] {100, 100, 10, 10});
        muon.eval(10, 0.3, 0.3, 0.1, 0.1);
        assertEquals(0, sw.chartsProperty().get().get(0).series().get(0).x().length, "step 10 is before 25% of 100");
        muon.eval(30, 0.7, 0.7, 0.5, 0.5);
        SweepSummary.Series gap = sw.chartsProperty().get().get(0).series().get(0);
        assertArrayEquals(new double[] {0.5 - 0.13}, gap.y(), 1e-12);
        assertEquals(RunStatus.RUNNING, items.get(1).status());
    }

    @Test
    void spuriousSweepPlotsPeakCleanAccuracyOfFinishedRunsPerOptimizer() {
        SweepViewModel sw = sweep();
        sw.kindProperty().set(Experiment.Kind.SPURIOUS_PIXEL);
        sw.valuesTextProperty().set("0.5, 2");
        LabRunSpec base = RunQueueViewModelTest.spec("SGD", "gd").withExperiment(Experiment.of(Experiment.Kind.SPURIOUS_PIXEL));
        List<RunItem> items = sw.launch(List.of(base, base.withOptimizer("Adam", OptimizerSettings.parse("adam")),
                base.withOptimizer("Muon", OptimizerSettings.parse("muon"))));
        assertEquals(6, items.size());
        for (RunItem i : items) {
            FakeBackend.Job j = fake.last();
            j.started(new int[] {10, 10, 10, 10});
            double intensity = i.spec().experiment().value();
            // Clean accuracy rises then falls as the shortcut takes over; its peak is 0.9 - 0.1 * I.
            j.evalSpurious(10, 0.5);
            j.evalSpurious(20, 0.9 - 0.1 * intensity);
            j.evalSpurious(30, 0.3);
            if (i == items.get(5)) {
                j.end(TrainingBackend.Outcome.CANCELLED, null);
            } else {
                j.end(TrainingBackend.Outcome.COMPLETED, null);
            }
        }
        List<SweepSummary.Series> series = sw.chartsProperty().get().get(0).series();
        assertEquals(List.of("SGD", "Adam", "Muon"), series.stream().map(SweepSummary.Series::name).toList());
        assertArrayEquals(new double[] {0.5, 2}, series.get(0).x());
        assertArrayEquals(new double[] {0.85, 0.7}, series.get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.5}, series.get(2).x(), "the cancelled Muon run at I = 2 has no peak");
    }

    @Test
    void invalidValuesAreReportedAndNothingIsQueued() {
        SweepViewModel sw = sweep();
        sw.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        sw.valuesTextProperty().set("5, 0.5");
        assertTrue(sw.launch(sgdAndMuon()).isEmpty());
        assertTrue(sw.errorProperty().get().contains("R"), sw.errorProperty().get());
        sw.valuesTextProperty().set("5, x");
        assertTrue(sw.launch(sgdAndMuon()).isEmpty());
        assertTrue(queue.runs().isEmpty());
        sw.valuesTextProperty().set("5");
        assertFalse(sw.launch(sgdAndMuon()).isEmpty());
        assertEquals("", sw.errorProperty().get());
    }

    @Test
    void deletingARunRemovesItFromTheSweep() {
        SweepViewModel sw = sweep();
        sw.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        sw.valuesTextProperty().set("10");
        List<RunItem> items = sw.launch(sgdAndMuon());
        play(0.01);
        play(0.03);
        queue.delete(items.get(0));
        assertEquals(List.of(items.get(1)), sw.items());
        assertEquals(0, sw.chartsProperty().get().get(0).series().get(0).x().length, "no SGD left to subtract");
    }
}

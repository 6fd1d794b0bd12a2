package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.support.QueuedTasks;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;

/**
 * The CNN Lab's sweep over the scripted engine ({@link FakeSweeps}): cells land in an order the test chooses, each
 * read from its folder when the test drains the read lane, and the charts and progress line are checked after each.
 * Numbers are compared to 1e-12 (sums of a few doubles).
 */
class SweepViewModelTest {
    private static final String SGD = "optimizer=gd:lr=0.05,beta=0.9", MUON = "optimizer=muon:lr=0.02";
    @TempDir Path tmp;
    private final QueuedTasks tasks = new QueuedTasks();
    private final FakeSweeps fake = new FakeSweeps();
    private ExperimentPickerViewModel picker;
    private SweepViewModel sweep;

    @BeforeEach
    void setUp() {
        picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, Runnable::run);
        picker.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        picker.batchProperty().set(1);
        for (OptimizerChoice c : picker.optimizers()) c.selectedProperty().set(List.of("SGD", "Muon").contains(c.label()));
        sweep = newSweep();
    }

    private SweepViewModel newSweep() {
        return new SweepViewModel(fake, picker, tmp.resolve("sweeps"), Runnable::run, tasks.lane("cells"));
    }

    private SweepCells.Row row(SweepViewModel s, Cell c) {
        return s.rows().stream().filter(r -> r.cell().id().equals(c.id())).findFirst().orElseThrow();
    }

    private SweepSummary.Series line(int chart, String name) {
        return sweep.chartsProperty().get().get(chart).series().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void cellsLandInAChosenOrderAndTheChartsAndProgressFollowEach() {
        sweep.valuesTextProperty().set("1, 10");
        sweep.seedsTextProperty().set("1-2");
        sweep.earlyFractionProperty().set(0.25);
        assertTrue(sweep.launch(), sweep.errorProperty().get());
        FakeSweeps.Job j = fake.last();
        assertEquals(List.of("imbalance", Grid.OPTIMIZER), j.sweep.axes().stream().map(SweepSpec.Axis::key).toList());
        assertEquals(8, j.cells.size(), "2 values x 2 optimizers x 2 seeds");
        assertEquals("imbalance=step:1-" + SGD + "-seed=1", j.cells.get(0).id(), "the value outermost, seeds innermost");
        assertEquals(SweepPlan.folder(tmp.resolve("sweeps"), j.sweep), j.dir);
        assertEquals("", j.master, "an empty master URL is this machine");
        assertEquals("starting: 0 of 8 cells, on this machine", sweep.progressProperty().get());
        assertTrue(sweep.runningProperty().get());

        j.planned("fake runner");
        tasks.runAll();
        assertEquals("running: 0 of 8 cells, on fake runner", sweep.progressProperty().get());

        // Muon at R = 10 first: its minority classes learn at 0.03 / R per tenth, 0.19 at the first tenth past 25%
        j.land(j.cell("imbalance=step:10-" + MUON + "-seed=1"), 0.03);
        assertEquals("running: 0 of 8 cells, on fake runner", sweep.progressProperty().get(), "not read until the lane runs");
        tasks.runAll();
        assertEquals("running: 1 of 8 cells, on fake runner", sweep.progressProperty().get());
        assertEquals(0, line(0, "Muon − SGD").x().length, "no SGD to subtract yet");
        assertArrayEquals(new double[] {0.19}, line(1, "Muon").y(), 1e-12);
        assertEquals("step R=10 · Muon · seed 1", row(sweep, j.cell("imbalance=step:10-" + MUON + "-seed=1")).label(sweep::name));

        j.land(j.cell("imbalance=step:10-" + SGD + "-seed=1"), 0.01);
        tasks.runAll();
        assertArrayEquals(new double[] {10}, line(0, "Muon − SGD").x());
        assertArrayEquals(new double[] {0.19 - 0.13}, line(0, "Muon − SGD").y(), 1e-12);

        // a second SGD seed learns faster: the line is the mean, the band the two seeds
        j.land(j.cell("imbalance=step:10-" + SGD + "-seed=2"), 0.02);
        tasks.runAll();
        SweepSummary.Series sgd = line(1, "SGD");
        assertArrayEquals(new double[] {(0.13 + 0.16) / 2}, sgd.y(), 1e-12);
        assertArrayEquals(new double[] {0.13}, sgd.lo(), 1e-12);
        assertArrayEquals(new double[] {0.16}, sgd.hi(), 1e-12);
        assertArrayEquals(new int[] {2}, sgd.n());
        assertArrayEquals(new int[] {1}, line(0, "Muon − SGD").n(), "the gap pairs seeds: Muon has only seed 1");
        List<CnnFigureSet.Figure> figures = CnnFigureSet.sweep(sweep.chartsProperty().get());
        assertTrue(figures.get(1).csv().contains("series,x,y,min,max,seeds\nSGD,10.0000,0.145000,0.130000,0.160000,2\n"),
                figures.get(1).csv());
        assertTrue(figures.get(1).chart().getXYPlot().getRenderer() instanceof org.jfree.chart.renderer.xy.DeviationRenderer,
                "the seeds' range is drawn as a band");

        Cell diverged = j.cell("imbalance=step:10-" + MUON + "-seed=2");
        j.diverge(diverged, 2, 0.03, "diverged at step 44: the loss is NaN");
        tasks.runAll();
        assertEquals("running: 4 of 8 cells, 1 diverged, on fake runner", sweep.progressProperty().get());
        assertEquals(Status.DIVERGED, row(sweep, diverged).status());
        assertEquals("diverged at step 44: the loss is NaN", row(sweep, diverged).message());
        assertArrayEquals(new int[] {1}, line(1, "Muon").n(), "it stopped before 25% of its steps: no point");

        Cell failed = j.cell("imbalance=step:1-" + MUON + "-seed=2");
        j.fail(failed, "cannot read the data: no such folder");
        tasks.runAll();
        assertEquals("running: 5 of 8 cells, 1 diverged, 1 failed, on fake runner", sweep.progressProperty().get());
        assertEquals(Status.FAILED, row(sweep, failed).status());

        j.land(j.cell("imbalance=step:1-" + SGD + "-seed=1"), 0.01);
        j.land(j.cell("imbalance=step:1-" + SGD + "-seed=2"), 0.01);
        j.land(j.cell("imbalance=step:1-" + MUON + "-seed=1"), 0.03);
        tasks.runAll();
        // R = 1 has no minority: the gap is in balanced accuracy, (0.7 + 0.7 + 1 + 1) / 4 - (0.7 + 0.7 + 0.4 + 0.4) / 4
        assertArrayEquals(new double[] {1, 10}, line(0, "Muon − SGD").x());
        assertArrayEquals(new double[] {0.3, 0.06}, line(0, "Muon − SGD").y(), 1e-12);
        assertTrue(sweep.runningProperty().get());
        j.end(null);
        tasks.runAll();
        assertFalse(sweep.runningProperty().get());
        assertEquals("finished: 8 of 8 cells, 1 diverged, 1 failed, on fake runner", sweep.progressProperty().get());

        // the lab opens again: the newest sweep folder, its cells read back (the failed one from sweep.csv)
        SweepViewModel again = newSweep();
        again.openLatest();
        tasks.runAll();
        assertEquals(j.dir, again.folderProperty().get());
        assertEquals("saved: 8 of 8 cells, 1 diverged, 1 failed", again.progressProperty().get());
        assertEquals(Status.FAILED, row(again, failed).status());
        assertEquals("cannot read the data: no such folder", row(again, failed).message());
        assertEquals(Status.DIVERGED, row(again, diverged).status());
        assertEquals(Experiment.Kind.STEP_IMBALANCE, again.kindProperty().get());
        again.earlyFractionProperty().set(0.25);
        SweepSummary.Series gap = again.chartsProperty().get().get(0).series().get(0);
        assertArrayEquals(new double[] {0.3, 0.06}, gap.y(), 1e-12);
    }

    @Test
    void aBadValueIsRefusedWithOneLineNamingTheFieldAndNothingStarts() {
        sweep.valuesTextProperty().set("5, 0.5");
        assertFalse(sweep.launch());
        assertEquals("cell imbalance=step:0.5-" + SGD + "-seed=1: imbalance: ratio must be >= 1, got 0.5", sweep.errorProperty().get());
        sweep.valuesTextProperty().set("5");
        sweep.seedsTextProperty().set("3-1");
        assertFalse(sweep.launch());
        assertEquals("seeds: expected A-B with 0 <= A <= B, got '3-1'", sweep.errorProperty().get());
        sweep.seedsTextProperty().set("1");
        sweep.masterTextProperty().set("spark:/x");
        assertFalse(sweep.launch());
        assertEquals("master: expected local[N], spark://HOST:PORT, yarn or k8s://URL, got 'spark:/x'", sweep.errorProperty().get());
        picker.kindProperty().set(Experiment.Kind.SPURIOUS_PIXEL);
        sweep.masterTextProperty().set("");
        sweep.valuesTextProperty().set("0.5, x");
        assertFalse(sweep.launch());
        assertEquals("spuriousPixel: expected a number, got 'x'", sweep.errorProperty().get());
        assertTrue(fake.jobs.isEmpty(), "nothing started");
        assertNull(sweep.folderProperty().get());

        sweep.valuesTextProperty().set("0.5, 2");
        sweep.masterTextProperty().set("spark://cluster:7077");
        assertTrue(sweep.launch());
        assertEquals("", sweep.errorProperty().get());
        assertEquals("spark://cluster:7077", fake.last().master);
        assertEquals("starting: 0 of 4 cells, on spark://cluster:7077", sweep.progressProperty().get());
        fake.last().end("cannot reach the Spark master spark://cluster:7077: connection refused");
        tasks.runAll();
        assertEquals("cannot reach the Spark master spark://cluster:7077: connection refused", sweep.errorProperty().get());
        assertFalse(sweep.runningProperty().get());
    }

    @Test
    void cancelStopsTheSweepAndRunningOrResumingItSkipsWhatFinished() {
        sweep.valuesTextProperty().set("10");
        assertTrue(sweep.launch());
        FakeSweeps.Job j = fake.last();
        Cell sgd = j.cell("imbalance=step:10-" + SGD + "-seed=1"), muon = j.cell("imbalance=step:10-" + MUON + "-seed=1");
        j.planned("fake runner");
        j.land(sgd, 0.01);
        tasks.runAll();
        sweep.cancel();
        assertTrue(j.cancelRequested);
        assertEquals("cancelling: 1 of 2 cells, on fake runner", sweep.progressProperty().get());
        j.cancelled(muon);
        j.end(null);
        tasks.runAll();
        assertFalse(sweep.runningProperty().get());
        assertEquals("cancelled: 1 of 2 cells, 1 cancelled, on fake runner", sweep.progressProperty().get());
        assertEquals(Status.CANCELLED, row(sweep, muon).status());

        assertTrue(sweep.launch());
        FakeSweeps.Job again = fake.last();
        assertEquals(j.dir, again.dir, "the same sweep, the same folder: the engine skips its finished cells");
        again.planned("fake runner", sgd);
        tasks.runAll();
        assertEquals("running: 1 of 2 cells, 1 finished before, on fake runner", sweep.progressProperty().get());
        assertTrue(row(sweep, sgd).before());
        assertEquals(null, row(sweep, muon).status(), "pending again");
        assertArrayEquals(new double[] {10}, line(1, "SGD").x());
        again.cancelled(muon);
        again.end(null);
        tasks.runAll();

        // the lab opens again with another setup in the picker: Resume runs the shown sweep as its sweep.json saved it
        picker.epochsProperty().set(3);
        SweepViewModel reopened = newSweep();
        reopened.openLatest();
        tasks.runAll();
        assertEquals("saved: 1 of 2 cells, 1 cancelled", reopened.progressProperty().get());
        reopened.resume();
        tasks.runAll();
        FakeSweeps.Job resumed = fake.last();
        assertEquals(j.dir, resumed.dir);
        assertEquals(SweepCodec.toJson(j.sweep), SweepCodec.toJson(resumed.sweep), "the saved sweep, not the picker's");
        resumed.planned("fake runner", sgd);
        tasks.runAll();
        assertEquals("running: 1 of 2 cells, 1 finished before, on fake runner", reopened.progressProperty().get());
    }

    @Test
    void theSweepPresetsRunFromThePanel() throws IOException {
        for (CnnPreset p : CnnPreset.loadBundled()) {
            if (!p.isSweep()) continue;
            picker.apply(p);
            sweep.apply(p);
            assertTrue(sweep.launch(), p.id() + ": " + sweep.errorProperty().get());
            FakeSweeps.Job j = fake.last();
            SweepSpec.Axis values = j.sweep.axes().get(0);
            List<String> texts = values.values().stream().map(v -> Grid.text(values.key(), v)).toList();
            if (p.id().equals("cnn-sweep-imbalance")) {
                assertEquals(List.of("step:1", "step:5", "step:10", "step:20", "step:50"), texts);
                assertEquals(10, j.cells.size(), "5 ratios x SGD and Muon x 1 seed");
                assertEquals(0.75, sweep.earlyFractionProperty().get());
            } else {
                assertEquals("cnn-sweep-spurious", p.id());
                assertEquals(List.of("0.5", "1", "2", "3", "5"), texts);
                assertEquals(15, j.cells.size(), "5 intensities x SGD, Adam and Muon x 1 seed");
                assertEquals("gaussian:0.01", ((org.muonscope.engine.spec.CnnSpec) j.sweep.base()).init().toString());
            }
            assertEquals("1", sweep.seedsTextProperty().get());
            assertEquals(p.epochs(), ((org.muonscope.engine.spec.CnnSpec) j.sweep.base()).epochs());
            j.end(null);
            tasks.runAll();
        }
    }
}

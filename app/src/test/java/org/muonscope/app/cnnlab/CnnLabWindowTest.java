package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The CNN Lab in a real window, headless (Monocle), over a scripted backend: the test says when each training
 * reports progress, evaluates and ends, so nothing races a click. Queue SGD and Adam, see SGD's progress in the
 * queue, cancel it with its button, let Adam finish, export its figures. (The engine's own trainings, checkpoints
 * and files are tested without a window in {@code EngineBackendTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class CnnLabWindowTest {
    @TempDir
    static Path home;
    private final FakeBackend backend = new FakeBackend();
    private final FakeSweeps sweeps = new FakeSweeps();
    private CnnLab lab;

    @Start
    void start(Stage stage) {
        Path exportDir = home.resolve("export");
        lab = new CnnLab(backend, sweeps, new RunStore(home.resolve("runs")), w -> exportDir, TaskExecutor.threads(UiExecutor.fx()));
        stage.setScene(new Scene(lab.view(), 1400, 900));
        stage.getScene().getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.show();
    }

    private static void waitFor(String what, BooleanSupplier cond) {
        try {
            // a condition, never a fixed time: the generous bound only keeps a broken build from hanging
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, cond::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Runs the scripted backend's call on the FX thread, as the real backend's events arrive there in the end. */
    private static void fx(FxRobot robot, Runnable r) {
        robot.interact(r);
    }

    @Test
    void queueCancelOneFinishAnotherAndExport(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ExperimentPickerViewModel p = lab.picker();
            p.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
            p.valueTextProperty().set("10");
            p.epochsProperty().set(2);
            for (OptimizerChoice c : p.optimizers()) c.selectedProperty().set(List.of("SGD", "Adam").contains(c.label()));
        });
        robot.clickOn("#cnn-queue-runs");
        waitFor("two runs listed", () -> lab.queue().runs().size() == 2);
        RunItem sgd = lab.queue().runs().get(0), adam = lab.queue().runs().get(1);
        assertEquals("SGD", sgd.spec().optimizerLabel());
        waitFor("SGD started", () -> backend.jobs.size() == 1);
        FakeBackend.Job sgdJob = backend.jobs.get(0);
        fx(robot, () -> {
            sgdJob.started(new int[] {10, 10, 1, 1});
            sgdJob.progress(10);
        });
        waitFor("SGD reports progress", () -> sgd.progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<RunItem> list = robot.lookup("#cnn-queue").queryAs(ListView.class);
        ProgressBar bar = robot.from(list).lookup(".progress-bar").queryAs(ProgressBar.class);
        assertEquals(0.1, bar.getProgress(), 1e-9, "the queue shows SGD's progress");
        Button cancel = robot.from(list).lookup(".cnn-cancel").match(Node::isVisible).queryButton();
        robot.clickOn(cancel);
        assertTrue(sgdJob.cancelRequested, "the button asked the training to stop");
        fx(robot, () -> sgdJob.end(TrainingBackend.Outcome.CANCELLED, null));
        waitFor("SGD cancelled", () -> sgd.status() == RunStatus.CANCELLED);
        assertEquals(10, sgd.stepProperty().get(), "it stopped where it was");

        waitFor("Adam started", () -> backend.jobs.size() == 2);
        FakeBackend.Job adamJob = backend.jobs.get(1);
        fx(robot, () -> {
            adamJob.started(new int[] {10, 10, 1, 1}, List.of("fc1.weight", "fc2.weight"));
            adamJob.evalSpectra(10, new double[][] {{3, 1}, {2, 1, 0.5}});
            for (long s = 20; s <= 100; s += 20) {
                adamJob.progress(s);
                adamJob.eval(s, 0.9, 0.85, 0.2 + s / 500.0, 0.3);
            }
            adamJob.end(TrainingBackend.Outcome.COMPLETED, null);
        });
        waitFor("Adam finished", () -> adam.status() == RunStatus.DONE);
        assertEquals(100, adam.history().get(adam.history().size() - 1).step(), "Adam evaluated at its last step");
        waitFor("a notice in the corner says Adam finished", () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().contains("test accuracy 0.61")).tryQuery().isPresent());

        // Show Adam alone, then export its figures.
        robot.interact(() -> lab.queue().compare(List.of(adam)));
        robot.clickOn("Live plots");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cnn-export");
        waitFor("export written", () -> !lab.view().live().exportAction().lastWrittenProperty().get().isEmpty());
        Path exportDir = home.resolve("export");
        for (String f : List.of("class-accuracy.png", "class-accuracy@2x.png", "class-accuracy.svg", "class-accuracy.pdf",
                "class-accuracy.csv", "balanced-worst.png", "minority-accuracy.csv", "spec.json", "provenance.json")) {
            assertTrue(Files.size(exportDir.resolve(f)) > 0, f);
        }
        String csv = Files.readString(exportDir.resolve("class-accuracy.csv"));
        assertTrue(csv.contains("Adam,100,0,a,false,0.900000"), "the exported CSV has Adam's last evaluation: " + csv);
        // the Spectra tab's figures come with them (never shown: its default layer), and every layer's rank
        for (String f : List.of("spectra.svg", "spectra.pdf", "layer-rank.png", "layer-rank.csv")) {
            assertTrue(Files.size(exportDir.resolve(f)) > 0, f);
        }
        String spectra = Files.readString(exportDir.resolve("spectra.csv"));
        assertTrue(spectra.contains(",10,fc1.weight,2,"), "fc1's second singular value at step 10: " + spectra);
    }

    @Test
    void aSweepFromThePanelShowsEachCellAsItLands(FxRobot robot) {
        robot.interact(() -> {
            ExperimentPickerViewModel p = lab.picker();
            p.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
            p.batchProperty().set(1);
            for (OptimizerChoice c : p.optimizers()) c.selectedProperty().set(List.of("SGD", "Muon").contains(c.label()));
        });
        robot.clickOn("Sweep");
        robot.interact(() -> lab.sweep().valuesTextProperty().set("10"));
        robot.clickOn("#cnn-run-sweep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, sweeps.jobs.size(), "the sweep started: " + lab.sweep().errorProperty().get());
        FakeSweeps.Job j = sweeps.jobs.get(0);
        assertEquals(2, j.cells.size(), "R = 10 x SGD and Muon");
        fx(robot, () -> {
            j.planned("fake runner");
            j.land(j.cells.get(1), 0.03);
            j.fail(j.cells.get(0), "cannot read the data");
        });
        javafx.scene.control.Label progress = robot.lookup("#cnn-sweep-progress").queryAs(javafx.scene.control.Label.class);
        waitFor("both cells listed as landed", () -> progress.getText().equals("running: 2 of 2 cells, 1 failed, on fake runner"));
        @SuppressWarnings("unchecked")
        ListView<SweepCells.Row> cells = robot.lookup("#cnn-sweep-cells").queryAs(ListView.class);
        java.util.function.Predicate<Node> failedRow = n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().contains("SGD · seed 1   FAILED: cannot read the data");
        waitFor("the failed cell says why", () -> robot.from(cells).lookup(failedRow).tryQuery().isPresent());
        assertTrue(robot.lookup("#cnn-run-sweep").queryButton().isDisabled(), "one sweep at a time");
        robot.clickOn("#cnn-cancel-sweep");
        assertTrue(j.cancelRequested);
        fx(robot, () -> j.end(null));
        waitFor("the sweep ended", () -> !lab.sweep().runningProperty().get());
        assertEquals("finished: 2 of 2 cells, 1 failed, on fake runner", progress.getText());
    }
}

package org.muonscope.app;

import org.muonscope.app.common.LabContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.theorylab.TheoryLabView;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Status;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window as the app builds it, on the real engine: a setting change re-runs the runner. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(LabContext.fx(stage));
        stage.setScene(MuonscopeApp.createScene(window));
        stage.show();
        window.lab(TheoryLabView.class).loadPreset("theory-imbalance");
    }

    private static boolean finished(TheoryLabView lab, int classes) {
        RunData d = lab.viewModel().dataProperty().get();
        return d != null && d.isFinished() && d.spec().classes() == classes;
    }

    @Test
    void everyLabIsATabAndTheTheoryLabRunsTheRealEngine(FxRobot robot) throws Exception {
        assertEquals(MainWindow.LABS.size(), window.root().getTabs().size());
        TheoryLabView lab = window.lab(TheoryLabView.class);
        assertNotNull(lab);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> finished(lab, 3));
        RunData first = lab.viewModel().dataProperty().get();
        assertEquals(4, first.slots().size());
        for (RunData.Slot s : first.slots()) assertEquals(Status.COMPLETED, s.result().status());
        // SpecGD from W = 0 saturates the minority class (prior 0.1) first: docs/theory.md, t90 = 143 at eta = 1e-3
        double[] t90 = first.slot(2).result().summary().vector(org.muonscope.engine.experiments.theory.TheoryFields.T90_MEASURED);
        assertTrue(t90[2] < t90[1] && t90[1] < t90[0], java.util.Arrays.toString(t90));

        robot.interact(() -> lab.viewModel().classesProperty().set(5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> finished(lab, 5));
        assertEquals(5, lab.viewModel().dataProperty().get().slot(0).last().diag().length);
        assertFalse(lab.viewModel().runningProperty().get());
    }

    @Test
    void aDivergingOptimizerIsNamedNotACrash(FxRobot robot) throws Exception {
        TheoryLabView lab = window.lab(TheoryLabView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> finished(lab, 3));
        robot.interact(() -> lab.viewModel().optimizers().get(0).lrProperty().set(5.0)); // GD: eta s_xx > 2
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            RunData d = lab.viewModel().dataProperty().get();
            return d.isFinished() && d.spec().optimizers().get(0).lr() == 5.0;
        });
        RunData d = lab.viewModel().dataProperty().get();
        assertTrue(d.slot(0).diverged(), "GD with eta = 5 diverges");
        assertFalse(d.slot(2).diverged(), "the others go on");
        String status = lab.viewModel().statusProperty().get();
        assertTrue(status.startsWith("gd diverged"), status);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "gd (diverged)".equals(lab.figure("trajectories").chart().getXYPlot().getLegendItems().get(0).getLabel()));
    }

    @Test
    void startOptionsOpenATabOrALesson(FxRobot robot) {
        robot.interact(() -> MuonscopeApp.startOn(window, "cnn", null));
        assertEquals("CNN Lab", window.root().getSelectionModel().getSelectedItem().getText());
        robot.interact(() -> MuonscopeApp.startOn(window, "optics", null));
        assertEquals("CNN Lab", window.root().getSelectionModel().getSelectedItem().getText(), "an unknown tab changes nothing");
        robot.interact(() -> MuonscopeApp.startOn(window, null, "imbalanced-classes"));
        assertEquals("Lessons", window.root().getSelectionModel().getSelectedItem().getText());
        org.muonscope.app.lessons.LessonsView lessons = window.lab(org.muonscope.app.lessons.LessonsView.class);
        assertEquals("imbalanced-classes", lessons.viewModel().lessonProperty().get().name());
        robot.interact(() -> MuonscopeApp.startOn(window, null, "no-such-lesson"));
        assertTrue(lessons.viewModel().errorProperty().get().contains("no such lesson"));
        assertEquals("imbalanced-classes", lessons.viewModel().lessonProperty().get().name(), "the app goes on");
    }
}

package org.muonscope.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.support.QueuedTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lessons tab headless: the scenes' runs are made only when the test drains them (on the FX thread, so nothing
 * races a key press); figures draw on a real render thread and the test waits for their images.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsWindowTest {
    private final QueuedTasks runs = new QueuedTasks();
    private final TaskExecutor render = TaskExecutor.threads(UiExecutor.fx());
    private LessonsView view;
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        TaskExecutor tasks = new TaskExecutor() {
            @Override public void execute(Runnable work) { runs.execute(work); }
            @Override public Executor lane(String name) { return name.equals("lessons") ? runs.lane(name) : render.lane(name); }
            @Override public UiExecutor ui() { return UiExecutor.fx(); }
        };
        view = new LessonsView(new LessonsViewModel(tasks), tasks, () -> dir.resolve("handout.pdf"));
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void drain(FxRobot robot) {
        robot.interact(runs::runAll);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pageKeysAndArrowsMoveBetweenScenesThatPlayByThemselves(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().open("imbalanced-classes"));
        assertEquals("Scene 1 / 4", text(robot, "#lesson-counter"));
        drain(robot);
        assertTrue(view.viewModel().captionProperty().get().contains("only at step 1211"), view.viewModel().captionProperty().get());
        FigureHost fig = robot.lookup("#lesson-figure-trajectories").queryAs(FigureHost.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, fig::hasImage);
        robot.clickOn("#lesson-counter");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("Scene 2 / 4", text(robot, "#lesson-counter"));
        assertTrue(robot.lookup("#lesson-figure-saturation").tryQuery().isPresent(), "scene 2 shows two figures");
        assertTrue(view.viewModel().animation().playingProperty().get(), "a scene plays by itself");
        robot.type(KeyCode.RIGHT);
        assertEquals("Scene 3 / 4", text(robot, "#lesson-counter"));
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.LEFT);
        assertEquals("Scene 1 / 4", text(robot, "#lesson-counter"));
        robot.type(KeyCode.END);
        assertEquals("Scene 4 / 4", text(robot, "#lesson-counter"));
        assertTrue(view.viewModel().runningProperty().get(), "the depth scene's run is being made");
        drain(robot);
        assertFalse(view.viewModel().runningProperty().get());
        assertTrue(view.viewModel().captionProperty().get().contains("a spread of 1.22"), view.viewModel().captionProperty().get());
    }

    @Test
    void aBadLessonIsNamedInOneLineAndTheAppGoesOn(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().open("imbalanced-classes"));
        drain(robot);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"title\": \"t\", \"scenes\": [{\"title\": \"x\", \"lab\": \"theory\", \"preset\": \"theory-imbalance\","
                + " \"views\": [\"trajectories\"], \"caption\": \"{t90 of gd}\"}]}");
        robot.interact(() -> view.viewModel().open(bad.toString()));
        Label error = robot.lookup(".lesson-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("scene 1 (x), field 'caption': unknown field 't90'"), error.getText());
        assertEquals("Scene 1 / 4", text(robot, "#lesson-counter"), "the lesson shown before stays");
        robot.clickOn("#lesson-next");
        assertEquals("Scene 2 / 4", text(robot, "#lesson-counter"));
    }

    @Test
    void theHandoutRunsWhatIsMissingAndWritesOnePagePerScene(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().open("imbalanced-classes"));
        robot.clickOn("#lesson-handout");
        drain(robot);
        Path pdf = dir.resolve("handout.pdf");
        assertTrue(Files.isRegularFile(pdf));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(4, doc.getNumberOfPages());
        }
    }
}

package org.muonscope.app.theorylab;

import org.muonscope.app.common.TaskExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.plots.FigureCsv;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.support.SafeXml;
import org.muonscope.app.support.FakeEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Theory Lab view headless (Monocle): edit priors, play, export a bundle. */
@ExtendWith(ApplicationExtension.class)
class TheoryLabWindowTest {
    private final FakeEngine engine = new FakeEngine();
    private TheoryLabView view;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        TheoryLabViewModel vm = new TheoryLabViewModel(engine, UiExecutor.fx(), Scheduler.fx());
        view = new TheoryLabView(vm, TaskExecutor.threads(UiExecutor.fx()));
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.loadPreset("theory-imbalance");
    }

    private TheoryLabViewModel vm() {
        return view.viewModel();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier cond) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cond.getAsBoolean());
        assertTrue(cond.getAsBoolean(), what);
    }

    @Test
    void draggingAPriorBarAndTypingPriorsReRunTheEngine(FxRobot robot) throws Exception {
        waitFor("first run", () -> engine.started.size() == 1);
        PriorsEditor editor = robot.lookup("#priors-editor").queryAs(PriorsEditor.class);
        Bounds b = editor.localToScreen(editor.getBoundsInLocal());
        double x = b.getMinX() + b.getWidth() * 5 / 6; // the third (minority) bar
        robot.drag(x, b.getMaxY() - 20).dropTo(new javafx.geometry.Point2D(x, b.getMinY() + 25));
        waitFor("a re-run after the drag", () -> engine.started.size() >= 2);
        double[] p = engine.started.get(engine.started.size() - 1).priors();
        assertTrue(p[2] > 0.3, "the dragged class grew: " + p[2]);
        assertEquals(1, p[0] + p[1] + p[2], 1e-12);

        int before = engine.started.size();
        javafx.scene.control.TextField field = robot.lookup("#priors-text").queryAs(javafx.scene.control.TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write("1,1,2").type(KeyCode.ENTER);
        waitFor("a re-run after typing", () -> engine.started.size() > before);
        p = engine.started.get(engine.started.size() - 1).priors();
        assertEquals(0.5, p[2], 1e-12);
        WaitForAsyncUtils.waitForFxEvents();
        // the main chart shows the new run: 4 optimizers x 3 classes
        assertEquals(12, view.figure("trajectories").chart().getXYPlot().getDataset(0).getSeriesCount());
        assertTrue(vm().dataProperty().get().isFinished());

        // the saturation table is filled only while its tab shows, then with the latest run
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<SaturationTable.Row> table = robot.lookup("#saturation-table").queryAs(javafx.scene.control.TableView.class);
        assertEquals(0, table.getItems().size(), "nothing laid out while hidden");
        robot.interact(() -> view.sideViews().getSelectionModel().select(2));
        waitFor("the table filled", () -> table.getItems().size() == 12);
        assertEquals(0.5, table.getItems().get(2).values().prior(), 1e-12, "gd, class 3: the typed prior");
    }

    @Test
    void playPauseStepAndRestartFromTheKeyboard(FxRobot robot) throws Exception {
        waitFor("first run", () -> vm().dataProperty().get() != null && vm().dataProperty().get().isFinished());
        robot.clickOn("#chart-trajectories");
        robot.type(KeyCode.R);
        assertTrue(vm().animation().playingProperty().get());
        long redraws = view.redraws();
        // frames come from the animation timer: wait for some, not for a time
        waitFor("frames drawn while playing", () -> view.redraws() > redraws + 5 && vm().animation().cursor() > 0);
        double c = vm().animation().cursor();
        assertTrue(c > 0 && c < vm().animation().maxStepProperty().get(), "the cursor sweeps: " + c);
        assertTrue(view.redraws() > redraws + 5, "frames were drawn while playing");
        double at = view.viewer("trajectories").xOf(c), end = view.viewer("trajectories").xOf(vm().animation().maxStepProperty().get());
        assertTrue(at < end, "the curves are revealed up to the cursor's column " + at + ", short of the end " + end);
        robot.type(KeyCode.SPACE);
        assertFalse(vm().animation().playingProperty().get());
        double paused = vm().animation().cursor();
        robot.type(KeyCode.RIGHT);
        int every = vm().dataProperty().get().spec().every();
        assertEquals(Math.floor(paused / every) * every + every, vm().animation().cursor(), 1e-9, "one snapshot interval on");
        robot.clickOn("#play");
        assertTrue(vm().animation().playingProperty().get());
    }

    @Test
    void exportsAFigureBundleThatReadsBack(FxRobot robot) throws Exception {
        waitFor("first run", () -> vm().dataProperty().get() != null && vm().dataProperty().get().isFinished());
        view.setPathPicker(new PathPicker() {
            @Override public Path save(String t, String n, String e) { return dir.resolve(n); }
            @Override public Path open(String t, String e) { return null; }
            @Override public Path directory(String t) { return dir; }
        });
        robot.clickOn("#export");
        robot.clickOn("Figure bundle (all plots, data, spec, provenance)...");
        waitFor("bundle written", () -> Files.exists(dir.resolve("README.txt")));
        for (String name : Figures.NAMES) {
            byte[] svg = Files.readAllBytes(dir.resolve(name + ".svg"));
            assertEquals("svg", SafeXml.parse(svg).getDocumentElement().getLocalName());
            byte[] pdf = Files.readAllBytes(dir.resolve(name + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            assertTrue(Files.size(dir.resolve(name + ".png")) > 1000);
            assertTrue(Files.size(dir.resolve(name + "@2x.png")) > Files.size(dir.resolve(name + ".png")));
        }
        List<String> csv = Files.readAllLines(dir.resolve("trajectories.csv"));
        assertEquals(FigureCsv.TRAJECTORIES, csv.get(0));
        int snaps = TheoryLabViewModelTest.snapshots(vm().dataProperty().get().spec());
        assertEquals(1 + 4 * snaps * 3, csv.size(), "4 optimizers x " + snaps + " snapshots x 3 classes");
        List<String> sat = Files.readAllLines(dir.resolve("saturation.csv"));
        assertEquals(FigureCsv.SATURATION, sat.get(0));
        assertEquals(1 + 4 * 3, sat.size());
        Session back = Session.read(dir.resolve("session.json"));
        assertEquals(vm().toSession().toJson(), back.toJson());
        assertTrue(Files.readString(dir.resolve("provenance.json")).contains("\"seed\""));
    }

    @Test
    void savesAndReopensASessionAndCopiesAFigure(FxRobot robot) throws Exception {
        waitFor("first run", () -> vm().dataProperty().get() != null && vm().dataProperty().get().isFinished());
        Path file = dir.resolve("session.json");
        robot.interact(() -> {
            vm().depthProperty().set(3);
            vm().optimizers().get(2).colorProperty().set("#00AA00");
        });
        robot.interact(() -> view.files().saveSession(file));
        assertTrue(Files.readString(file).contains("#00AA00"));
        robot.interact(() -> {
            vm().depthProperty().set(1);
            vm().optimizers().get(2).colorProperty().set("#111111");
        });
        robot.interact(() -> view.files().openSession(file));
        assertEquals(3, vm().depthProperty().get());
        assertEquals("#00AA00", vm().optimizers().get(2).colorProperty().get());
        waitFor("the reopened session ran", () -> vm().dataProperty().get().isFinished() && vm().dataProperty().get().spec().depth() == 3);

        robot.interact(() -> view.files().copyToClipboard("trajectories"));
        boolean[] image = new boolean[1];
        robot.interact(() -> image[0] = javafx.scene.input.Clipboard.getSystemClipboard().hasImage());
        assertTrue(image[0], "the clipboard holds the figure as an image");
    }
}

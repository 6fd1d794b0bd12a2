package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.app.support.FxWait.fx;
import static org.muonscope.app.support.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.common.figure.FigureData;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Readout;
import org.muonscope.app.common.figure.Span;
import org.muonscope.app.support.SafeXml;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The CNN Lab's live plots answer the mouse (headless, the scripted backend): the readout names the run and its
 * value at a step, a wheel zoom stays while evaluations stream in, the confusion heat map reads a cell, and the
 * export writes the plots as shown or whole.
 */
@ExtendWith(ApplicationExtension.class)
class CnnLabFiguresTest {
    /** The wheel turned away from the user (positive deltaY, zoom in): TestFX's Monocle robot sends it for DOWN. */
    private static final VerticalDirection AWAY = VerticalDirection.DOWN;
    @TempDir
    static Path home;
    private final FakeBackend backend = new FakeBackend();
    private CnnLab lab;

    @Start
    void start(Stage stage) {
        Path exportDir = home.resolve("export");
        lab = new CnnLab(backend, new FakeSweeps(), new RunStore(home.resolve("runs")), w -> exportDir, TaskExecutor.threads(UiExecutor.fx()));
        stage.setScene(new Scene(lab.view(), 1400, 900));
        stage.getScene().getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.show();
    }

    /** The host of the live plot at {@code index} in the grid. */
    private FigureHost plot(int index) {
        return lab.view().live().hosts().get(index);
    }

    @Test
    void hoverZoomAndExportOnTheLivePlots(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ExperimentPickerViewModel p = lab.picker();
            p.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
            p.valueTextProperty().set("10");
            p.epochsProperty().set(2);
            for (OptimizerChoice c : p.optimizers()) c.selectedProperty().set(c.label().equals("Adam"));
        });
        robot.clickOn("#cnn-queue-runs");
        waitFor("Adam started", () -> backend.jobs.size() == 1);
        FakeBackend.Job job = backend.jobs.get(0);
        robot.interact(() -> {
            job.started(new int[] {10, 10, 1, 1});
            for (long s = 10; s <= 100; s += 10) {
                job.progress(s);
                job.eval(s, 0.9, 0.8, s / 200.0, 0.3);
            }
        });
        robot.clickOn("Live plots");
        // plot 1 is balanced and worst-class accuracy: Adam's balanced accuracy at step 50 is (0.9+0.8+0.25+0.3)/4
        FigureHost balanced = plot(1);
        waitFor("the balanced plot drawn", () -> fx(() -> balanced.data() != null && balanced.data().panels().get(0).curves().size() == 2));
        FigureData.Panel p = fx(() -> balanced.data().panels().get(0));
        robot.moveTo(fx(() -> balanced.localToScreen(p.x().toPixel(52), p.y().toPixel(0.5625))));
        waitFor("a readout", () -> fx(balanced::readout) != null);
        Readout r = fx(balanced::readout);
        assertEquals("step  50", r.title());
        Readout.Line adam = r.lines().stream().filter(l -> l.name().startsWith("Adam") && l.name().endsWith(" balanced")).findFirst()
                .orElseThrow(() -> new AssertionError(r.lines().toString()));
        assertEquals("0.5625", adam.value());
        assertTrue(!adam.name().contains("#"), "the run's own name, no internal suffix: " + adam.name());

        robot.scroll(2, AWAY);
        waitFor("a zoom", () -> fx(() -> balanced.zoom().x() != null));
        Span zoom = fx(() -> balanced.zoom().x());
        // evaluations keep streaming in: the zoom stays and is drawn
        robot.interact(() -> {
            for (long s = 110; s <= 200; s += 10) {
                job.progress(s);
                job.eval(s, 0.9, 0.85, 0.6, 0.4);
            }
            job.end(TrainingBackend.Outcome.COMPLETED, null);
        });
        waitFor("the new evaluations drawn with the zoom", () -> fx(() -> {
            FigureData.Panel q = balanced.data().panels().get(0);
            double[] x = q.curves().get(0).x();
            return x[x.length - 1] == 200 && q.x().visible().equals(zoom);
        }));
        assertEquals(zoom, fx(() -> balanced.zoom().x()));

        // the confusion plot's fallback (no matrix recorded): runs x classes; hover a cell
        FigureHost heat = plot(4);
        waitFor("the heat map drawn", () -> fx(() -> heat.data() != null && heat.data().panels().get(0).cells() != null));
        FigureData.Panel h = fx(() -> heat.data().panels().get(0));
        robot.moveTo(fx(() -> heat.localToScreen(h.x().toPixel(2), h.y().toPixel(0))));
        waitFor("a cell readout", () -> fx(heat::readout) != null && fx(heat::readout).cell() != null);
        Readout cell = fx(heat::readout);
        assertTrue(cell.lines().stream().anyMatch(l -> l.name().equals("value") && l.value().equals("0.6")), cell.toString());

        Path dir = home.resolve("export");
        robot.clickOn("#cnn-export");
        waitFor("export as shown", () -> Files.exists(dir.resolve("balanced-worst.svg")));
        List<Double> shown = SafeXml.ticks(dir.resolve("balanced-worst.svg"));
        waitFor("the export finished", () -> !lab.view().live().exportAction().lastWrittenProperty().get().isEmpty());
        Files.delete(dir.resolve("balanced-worst.svg"));
        List<Path> first = lab.view().live().exportAction().lastWrittenProperty().get();
        robot.clickOn(robot.lookup("#cnn-export").lookup(".arrow-button").queryAs(javafx.scene.Node.class)).clickOn("Whole figures…");
        // the whole bundle is written before the test's folder goes
        waitFor("export whole", () -> fx(() -> lab.view().live().exportAction().lastWrittenProperty().get() != first));
        List<Double> whole = SafeXml.ticks(dir.resolve("balanced-worst.svg"));
        assertTrue(whole.contains(200.0), "the whole figure's steps reach 200: " + whole);
        assertTrue(shown.stream().noneMatch(v -> v >= 200), "as shown, they stop inside the zoom " + zoom + ": " + shown);
    }
}

package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.app.support.FxWait.fx;
import static org.muonscope.app.support.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.common.figure.AxisMap;
import org.muonscope.app.common.figure.FigureData;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Readout;
import org.muonscope.app.common.figure.Span;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.support.FakeEngine;
import org.muonscope.app.support.SafeXml;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Theory Lab's figures answer the mouse (headless, the fake engine): the readout at a step shows the run's
 * numbers, a wheel zoom survives a re-run, and the export menu writes the zoom as shown or the whole figure.
 */
@ExtendWith(ApplicationExtension.class)
class TheoryLabFiguresTest {
    /** The wheel turned away from the user (positive deltaY, zoom in): TestFX's Monocle robot sends it for DOWN. */
    private static final VerticalDirection AWAY = VerticalDirection.DOWN;
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

    private FigureHost main() {
        return view.viewer("trajectories");
    }

    /** Waits for a finished run drawn in the main figure with the host's current zoom. */
    private void waitDrawn() throws Exception {
        waitFor("a finished run", () -> fx(() -> view.viewModel().dataProperty().get() != null && view.viewModel().dataProperty().get().isFinished()));
        waitFor("its frame", () -> fx(() -> {
            FigureData d = main().data();
            if (d == null) return false;
            AxisMap x = d.panels().get(0).x();
            Span z = main().zoom().x();
            int curves = d.panels().get(0).curves().size();
            return curves >= 12 && (z == null ? x.visible().equals(x.whole()) : x.visible().equals(z));
        }));
    }

    @Test
    void theReadoutShowsTheRunsValuesAtTheNearestStep(FxRobot robot) throws Exception {
        waitDrawn();
        RunData data = fx(() -> view.viewModel().dataProperty().get());
        RunData.Slot gd = data.slot(0);
        int i = gd.steps().length / 3;
        double step = gd.steps()[i], value = gd.diag(0)[i];
        double width = fx(() -> main().getWidth());
        assertTrue(gd.steps().length > 2 * width / org.muonscope.app.plots.LabFigure.PIXELS_PER_BUCKET,
                "more steps than the drawn curves keep (" + gd.steps().length + " in " + width + " px)");
        FigureData.Panel p = fx(() -> main().data().panels().get(0));
        robot.moveTo(fx(() -> main().localToScreen(p.x().toPixel(step), p.y().toPixel(value))));
        waitFor("a readout", () -> fx(main()::readout) != null);
        Readout r = fx(main()::readout);
        // the robot lands on whole screen pixels, 1.5 steps each here: the crosshair snaps to a recorded step near it
        double snapped = p.x().toValue(r.crossX());
        int at = java.util.Arrays.binarySearch(gd.steps(), Math.rint(snapped));
        assertTrue(at >= 0 && Math.abs(gd.steps()[at] - step) <= 3 * data.spec().every(), "snapped to " + snapped + " near " + step);
        assertEquals("step t  " + AxisMap.number(gd.steps()[at]), r.title());
        String label = gd.label() + " class 1";
        Readout.Line line = r.lines().stream().filter(l -> l.name().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + r.lines()));
        assertEquals(AxisMap.number(gd.diag(0)[at]), line.value(), "the run's own number at that step, not a thinned point's");
    }

    @Test
    void aWheelZoomSurvivesAReRunAndExportsAsShownOrWhole(FxRobot robot) throws Exception {
        waitDrawn();
        FigureData.Panel p = fx(() -> main().data().panels().get(0));
        robot.moveTo(fx(() -> main().localToScreen(p.x().toPixel(600), p.area().getMinY() + p.area().getHeight() / 2)));
        robot.scroll(3, AWAY);
        waitFor("a zoom", () -> fx(() -> main().zoom().x() != null));
        Span zoom = fx(() -> main().zoom().x());
        assertTrue(zoom.lo() > 0 && zoom.hi() < 1500 && zoom.lo() < 600 && zoom.hi() > 600, zoom.toString());
        waitDrawn();

        int runs = engine.started.size();
        robot.interact(() -> view.viewModel().setSnr(view.viewModel().snr() * 1.1));
        waitFor("a re-run", () -> engine.started.size() > runs);
        waitDrawn();
        assertEquals(zoom, fx(() -> main().zoom().x()), "a re-run keeps the zoom");

        view.setPathPicker(new PathPicker() {
            @Override public Path save(String t, String n, String e) { return dir.resolve(n); }
            @Override public Path open(String t, String e) { return null; }
            @Override public Path directory(String t) { return dir; }
        });
        exportSvg(robot);
        List<Double> shown = SafeXml.ticks(dir.resolve("trajectories.svg"));
        Files.delete(dir.resolve("trajectories.svg"));
        robot.interact(() -> ((javafx.scene.control.RadioMenuItem) item("Whole figures", null)).setSelected(true));
        exportSvg(robot);
        List<Double> whole = SafeXml.ticks(dir.resolve("trajectories.svg"));
        assertTrue(whole.contains(1400.0), "the whole figure's step axis reaches 1400: " + whole);
        assertTrue(shown.stream().noneMatch(v -> v >= 1400), "as shown, the step axis stops at the zoom: " + shown);
        assertTrue(shown.stream().anyMatch(v -> v > zoom.lo() && v < zoom.hi() && v > 1), "and labels steps inside it: " + shown);
    }

    /** Exports the main figure as SVG through the toolbar's Export menu (its items fired: menus are popups). */
    private void exportSvg(FxRobot robot) throws Exception {
        robot.interact(() -> item("SVG", "Diagonal trajectories").fire());
        waitFor("the SVG", () -> Files.exists(dir.resolve("trajectories.svg")));
    }

    /** The Export menu's item of that text, inside the sub-menu {@code menu} (null: at the top). */
    private MenuItem item(String text, String menu) {
        MenuButton export = (MenuButton) view.lookup("#export");
        List<MenuItem> items = export.getItems();
        if (menu != null) {
            items = items.stream().filter(i -> i instanceof Menu m && menu.equals(m.getText())).map(i -> ((Menu) i).getItems())
                    .findFirst().orElseThrow();
        }
        return items.stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow(() -> new AssertionError("no menu item " + text));
    }
}

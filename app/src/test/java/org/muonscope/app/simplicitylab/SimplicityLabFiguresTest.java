package org.muonscope.app.simplicitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.app.support.FxWait.fx;
import static org.muonscope.app.support.FxWait.waitFor;

import java.nio.file.Path;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
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
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.engine.experiments.dln.DlnRun;
import org.muonscope.engine.experiments.routing.RoutingRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Simplicity Lab's figures answer the mouse (headless, the real engine on short runs): a singular value at a step,
 * a routing grid's cell, a wheel zoom on the loss that an export keeps as shown.
 */
@ExtendWith(ApplicationExtension.class)
class SimplicityLabFiguresTest {
    /** The wheel turned away from the user (positive deltaY, zoom in): TestFX's Monocle robot sends it for DOWN. */
    private static final VerticalDirection AWAY = VerticalDirection.DOWN;
    private final TaskExecutor tasks = TaskExecutor.threads(UiExecutor.fx());
    private SimplicityLabView view;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        view = new SimplicityLabView(new SimplicityLabViewModel(tasks.lane("simplicity-lab"), UiExecutor.fx(), Scheduler.fx()), tasks.lane("figures"), tasks.lane("simplicity-lab-io"));
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.viewModel().dlnStepsProperty().set(400);
    }

    /** Moves the mouse to a data point of a host, as last drawn. */
    private void point(FxRobot robot, FigureHost h, double x, double y) throws Exception {
        FigureData.Panel p = fx(() -> h.data().panels().get(0));
        robot.moveTo(fx(() -> h.localToScreen(p.x().toPixel(x), p.y().toPixel(y))));
    }

    @Test
    void singularValuesGridCellsAndAZoomedExport(FxRobot robot) throws Exception {
        SimplicityLabViewModel vm = view.viewModel();
        waitFor("a 400-step deep-linear run", () -> fx(() -> vm.dlnProperty().get() != null && vm.dlnProperty().get().spec().steps() == 400));
        DlnRun dln = fx(() -> vm.dlnProperty().get());
        FigureHost sv = view.host("singular-values");
        waitFor("its figure", () -> fx(() -> sv.data() != null && sv.data().panels().get(0).curves().size() == 8
                && sv.data().panels().get(0).x().whole().hi() == 400));
        DlnRun.Point p = dln.traces().get(0).points().get(dln.traces().get(0).points().size() / 2);
        point(robot, sv, p.step(), p.sigma()[0]);
        waitFor("a readout", () -> fx(sv::readout) != null);
        Readout r = fx(sv::readout);
        String gd = dln.traces().get(0).label() + " sigma1";
        Readout.Line line = r.lines().stream().filter(l -> l.name().equals(gd)).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        long snapped = Long.parseLong(r.title().replace("step", "").trim());
        DlnRun.Point at = dln.traces().get(0).points().stream().filter(q -> q.step() == snapped).findFirst().orElseThrow();
        assertEquals(AxisMap.number(at.sigma()[0]), line.value(), "sigma1 of " + gd + " at step " + snapped);

        // zoom the loss (log axis) and export it as shown and whole
        FigureHost loss = view.host("loss");
        waitFor("the loss drawn", () -> fx(() -> loss.data() != null));
        point(robot, loss, 200, 1e-2);
        robot.scroll(3, AWAY);
        waitFor("a zoom", () -> fx(() -> loss.zoom().x() != null));
        Span zoom = fx(() -> loss.zoom().x());
        robot.interact(() -> {
            try {
                view.exportAll(dir.resolve("shown"), true);
                view.exportAll(dir.resolve("whole"), false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(java.nio.file.Files.readString(dir.resolve("shown/simplicity-loss.svg")).contains("<svg"));
        JFreeChart c = fx(() -> view.chart("loss"));
        Zoom.Applied applied = fx(() -> new Zoom(zoom, java.util.Map.of()).applyTo(c));
        assertEquals(zoom.lo(), c.getXYPlot().getDomainAxis().getLowerBound(), 1e-9, "as shown draws the zoomed steps");
        applied.restore();

        // routing: a short run, then a grid cell reads its (input, output) error
        robot.clickOn("Routing: shared structure (Figure 2)");
        robot.doubleClickOn("#routing-steps").eraseText(8).write("200");
        robot.clickOn("#routing-run");
        waitFor("routing result", () -> fx(() -> vm.routingProperty().get() != null && !vm.routingLiveProperty().get()));
        RoutingRun routing = fx(() -> vm.routingProperty().get());
        FigureHost grid = view.host("routing-specgd-grid");
        waitFor("the grid drawn", () -> fx(() -> grid.data() != null && grid.data().panels().get(0).cells() != null
                && grid.data().panels().get(0).cells().x().length == 49));
        // a still cursor, and the grid drawn for the record at it
        robot.interact(() -> vm.routingAnimation().playingProperty().set(false));
        double cursor = fx(() -> vm.routingAnimation().cursor());
        RoutingRun.Point rec = SimplicityCharts.at(SimplicityFigures.trace(routing, "specgd"), cursor);
        waitFor("the grid of the cursor's record", () -> fx(() -> {
            FigureData.Cells cells = grid.data().panels().get(0).cells();
            for (int i = 0; i < cells.x().length; i++) {
                if (cells.x()[i] == 5 && cells.y()[i] == 3) return cells.z()[i] == rec.errorGrid()[2][4];
            }
            return false;
        }));
        point(robot, grid, 5, 3); // output domain 5, input domain 3
        waitFor("a cell readout", () -> fx(grid::readout) != null && fx(grid::readout).cell() != null);
        Readout cell = fx(grid::readout);
        assertEquals("input domain  3", cell.title());
        assertEquals("5", cell.lines().get(0).value());
        double expected = rec.errorGrid()[2][4];
        assertEquals(expected, Double.parseDouble(cell.lines().get(1).value()), Math.abs(expected) * 0.01 + 1e-12, "the cell's error");
    }
}

package org.muonscope.app.simplicitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Simplicity Lab view headless (Monocle): the step slider, a routing run, animation, export. */
@ExtendWith(ApplicationExtension.class)
class SimplicityLabWindowTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    /** The export lane: its jobs wait here until the test runs them, off the FX thread. */
    private final java.util.Deque<Runnable> io = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private SimplicityLabView view;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        view = new SimplicityLabView(new SimplicityLabViewModel(background, UiExecutor.fx(), Scheduler.fx()),
                TaskExecutor.threads(UiExecutor.fx()).lane("figures"), io::add);
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.viewModel().dlnStepsProperty().set(400);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier cond) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, cond::getAsBoolean);
        assertTrue(cond.getAsBoolean(), what);
    }

    @Test
    void stepSliderRoutingGridAnimationAndExport(FxRobot robot) throws Exception {
        SimplicityLabViewModel vm = view.viewModel();
        waitFor("first deep-linear run", () -> vm.dlnProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // 2 optimizers x 2 modes x (simulation + closed form)
        assertEquals(8, view.chart("singular-values").getXYPlot().getDataset().getSeriesCount());

        // the step slider: to its right end (lr 0.05) re-runs SpecGD with that step
        Slider slider = robot.lookup("#specgd-lr").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(slider.getMax()));
        waitFor("re-run at lr 0.05", () -> vm.dlnProperty().get() != null
                && vm.dlnProperty().get().traces().get(1).optimizer().lr() == 0.05);
        assertTrue(vm.dlnProperty().get().traces().get(1).oscillation()[0] > 0.1, "lr 0.05 swings sigma1 by > 0.1");

        // routing: a short run from the button, then the grid shows 49 cells
        robot.clickOn("Routing: shared structure (Figure 2)");
        robot.doubleClickOn("#routing-steps").eraseText(8).write("200");
        robot.clickOn("#routing-run");
        waitFor("routing result", () -> vm.routingProperty().get() != null && !vm.routingLiveProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view::redraw);
        XYZDataset grid = (XYZDataset) view.chart("routing-specgd-grid").getXYPlot().getDataset();
        assertEquals(49, grid.getItemCount(0));
        assertEquals(200, vm.routingProperty().get().spec().steps());

        // animation: restart plays from step 0 forward
        robot.interact(() -> vm.routingAnimation().restart());
        double first = vm.routingAnimation().cursor();
        waitFor("the cursor advances", () -> vm.routingAnimation().cursor() > first + 1);

        // the export button's path: the inputs are taken on the FX thread, the files written on the io lane
        robot.interact(() -> view.export(dir, false));
        assertEquals(1, io.size());
        assertTrue(robot.lookup("#simplicity-status").queryLabeled().getText().startsWith("exporting to "));
        assertTrue(!Files.exists(dir.resolve("simplicity-loss.png")), "nothing written before the io lane runs");
        io.poll().run();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("exported to " + dir, robot.lookup("#simplicity-status").queryLabeled().getText());
        for (String n : new String[] {"singular-values", "loss", "distance", "routing-gd-grid", "routing-specgd-grid", "routing-errors", "hidden-spectrum"}) {
            assertTrue(Files.size(dir.resolve("simplicity-" + n + ".png")) > 1000, n);
            assertTrue(Files.readString(dir.resolve("simplicity-" + n + ".svg")).contains("<svg"), n);
        }
        assertTrue(Files.exists(dir.resolve("routing/routing.csv")));
        assertTrue(Files.exists(dir.resolve("dln/singular_values.csv")));
    }
}

package org.muonscope.app.common.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.app.support.FxWait.fx;
import static org.muonscope.app.support.FxWait.waitFor;

import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Hover, zoom and pan on a known figure, with the real mouse and keys (headless): GD's curve is {@code s^2 / 1000}
 * and SpecGD's {@code s / 20} at steps 0, 10, ..., {@code last}. Every wait is for a condition.
 */
@ExtendWith(ApplicationExtension.class)
class FigureZoomTest {
    /**
     * The wheel turned away from the user (X11 button 4), which JavaFX reports with a positive deltaY: zoom in.
     * TestFX's robot on Monocle sends that for DOWN.
     */
    private static final VerticalDirection AWAY = VerticalDirection.DOWN;
    private FigureHost host;
    /** The last recorded step: raising it and asking again is a run streaming in. */
    private volatile int last = 100;

    private JFreeChart chart() {
        XYSeries gd = new XYSeries("GD"), spec = new XYSeries("SpecGD");
        for (int s = 0; s <= last; s += 10) {
            gd.add(s, s * s / 1000.0);
            spec.add(s, s / 20.0);
        }
        NumberAxis y = new NumberAxis("value");
        y.setRange(0, 12);
        XYPlot plot = new XYPlot(new XYSeriesCollection(gd), new NumberAxis("step"), y, new XYLineAndShapeRenderer(true, false));
        ((XYSeriesCollection) plot.getDataset()).addSeries(spec);
        return new JFreeChart("known", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private void show() {
        host.request(size -> Drawing.of(chart()), null);
    }

    @Start
    void start(Stage stage) {
        host = new FigureHost(TaskExecutor.threads(UiExecutor.fx()).lane("figures"));
        stage.setScene(new Scene(new StackPane(host), 700, 450));
        stage.show();
        show();
    }

    private FigureData.Panel panel() throws Exception {
        return fx(() -> host.data().panels().get(0));
    }

    /** The screen point of a data point, as last drawn. */
    private Point2D at(double step, double value) throws Exception {
        FigureData.Panel p = panel();
        return fx(() -> host.localToScreen(p.x().toPixel(step), p.y().toPixel(value)));
    }

    /** Waits until the shown image was drawn with the current zoom's domain range (or the whole one). */
    private void waitDrawnAsZoomed() throws Exception {
        waitFor("a frame drawn with the zoom", () -> fx(() -> {
            Span z = host.zoom().x();
            AxisMap x = host.data().panels().get(0).x();
            return z == null ? x.visible().equals(x.whole()) : x.visible().equals(z);
        }));
    }

    @Test
    void hoverReadsEveryCurveAtTheNearestRecordedStep(FxRobot robot) throws Exception {
        waitFor("an image", () -> fx(host::hasImage));
        robot.moveTo(at(43, 6));
        waitFor("a readout", () -> fx(host::readout) != null);
        Readout r = fx(host::readout);
        assertEquals("step  40", r.title(), "43 snaps to the recorded step 40");
        Map<String, String> values = r.lines().stream().collect(Collectors.toMap(Readout.Line::name, Readout.Line::value));
        assertEquals(Map.of("GD", "1.6", "SpecGD", "2"), values);
        assertEquals("SpecGD", r.lines().get(0).name(), "listed top to bottom as on the plot");
        assertEquals(fx(() -> host.xOf(40)), r.crossX(), 1e-9, "the crosshair stands at step 40");
        robot.moveTo(at(47, 6));
        waitFor("the readout at 50", () -> fx(host::readout) != null && fx(host::readout).title().equals("step  50"));
        assertEquals("2.5", fx(host::readout).lines().stream().filter(l -> l.name().equals("GD")).findFirst().orElseThrow().value());
    }

    @Test
    void wheelZoomsAroundThePointerAndStreamingDataKeepsTheZoom(FxRobot robot) throws Exception {
        waitFor("an image", () -> fx(host::hasImage));
        Span whole = panel().x().whole();
        robot.moveTo(at(50, 6));
        robot.scroll(2, AWAY);
        waitFor("a zoom", () -> fx(host::zoom).x() != null);
        Span x = fx(host::zoom).x();
        assertTrue(x.length() < whole.length() * 0.9 && x.lo() < 50 && x.hi() > 50, "zoomed around step 50: " + x);
        assertTrue(fx(host::zoom).y().isEmpty(), "the wheel zooms the steps only");
        waitDrawnAsZoomed();
        // a run streaming in: more data, a longer whole range, the same zoom
        last = 200;
        robot.interact(this::show);
        waitFor("the new data drawn", () -> fx(() -> host.data().panels().get(0).x().whole().hi() > 200));
        assertEquals(x, fx(host::zoom).x(), "new data keeps the zoom");
        assertEquals(x, panel().x().visible(), "and draws it");
        // Ctrl + wheel zooms the values
        robot.press(KeyCode.CONTROL);
        try {
            robot.scroll(1, AWAY);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        waitFor("a value zoom", () -> fx(host::zoom).y().containsKey(0));
        Span y = fx(host::zoom).y().get(0);
        assertTrue(y.length() < 12, "values zoomed: " + y);
        waitFor("the value zoom drawn", () -> panel().y().visible().equals(y));
    }

    @Test
    void boxZoomPanAndTheResets(FxRobot robot) throws Exception {
        waitFor("an image", () -> fx(host::hasImage));
        Point2D a = at(20, 8), b = at(60, 2);
        robot.drag(a, MouseButton.PRIMARY).dropTo(b);
        waitFor("a box zoom", () -> fx(host::zoom).x() != null);
        Span x = fx(host::zoom).x(), y = fx(host::zoom).y().get(0);
        double onePixel = panel().x().visible().length() / panel().area().getWidth();
        assertEquals(20, x.lo(), 2 * onePixel);
        assertEquals(60, x.hi(), 2 * onePixel);
        assertNotNull(y);
        assertEquals(2, y.lo(), 0.1);
        assertEquals(8, y.hi(), 0.1);
        waitDrawnAsZoomed();

        // Shift-drag pans: the data follows the mouse, 100 px to the right shows earlier steps
        double pxPerStep = panel().area().getWidth() / x.length();
        Point2D mid = at(40, 5);
        robot.press(KeyCode.SHIFT);
        try {
            robot.drag(mid, MouseButton.PRIMARY).dropTo(new Point2D(mid.getX() + 100, mid.getY()));
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        waitFor("a pan", () -> fx(host::zoom).x().lo() < x.lo() - 1);
        Span panned = fx(host::zoom).x();
        assertEquals(x.length(), panned.length(), 1e-6, "a pan keeps the width");
        assertEquals(x.lo() - 100 / pxPerStep, panned.lo(), 3 / pxPerStep);

        robot.doubleClickOn(at(30, 5));
        waitFor("double-click resets", () -> fx(host::zoom).isWhole());
        waitDrawnAsZoomed();

        // keys: + zooms in around the middle, an arrow pans while zoomed, Esc resets
        robot.type(KeyCode.ADD);
        waitFor("+ zooms", () -> fx(host::zoom).x() != null);
        Span plus = fx(host::zoom).x();
        robot.type(KeyCode.RIGHT);
        waitFor("right arrow pans", () -> fx(host::zoom).x().lo() > plus.lo());
        robot.type(KeyCode.ESCAPE);
        waitFor("Esc resets", () -> fx(host::zoom).isWhole());
        waitDrawnAsZoomed();
        assertNull(fx(host::zoom).x());
    }
}

package org.muonscope.app.common.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.app.support.FxWait.fx;
import static org.muonscope.app.support.FxWait.waitFor;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
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
import org.testfx.util.WaitForAsyncUtils;

/** The figure is drawn off the FX thread, only the newest request is drawn, and the pixel mapping comes back. */
@ExtendWith(ApplicationExtension.class)
class FigureHostTest {
    /** Threads the chart was drawn on. */
    private final List<Thread> drawnOn = new CopyOnWriteArrayList<>();
    /** Which requests ran their preparation step on the render thread. */
    private final List<Integer> prepared = new CopyOnWriteArrayList<>();
    private FigureHost view;

    /** A chart that records which thread draws it. */
    private JFreeChart recording() {
        XYSeries s = new XYSeries("s");
        s.add(0, 0);
        s.add(100, 1);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("step"), new NumberAxis("y"), new XYLineAndShapeRenderer());
        plot.getDomainAxis().setRange(0, 100);
        return new JFreeChart("t", JFreeChart.DEFAULT_TITLE_FONT, plot, false) {
            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
                drawnOn.add(Thread.currentThread());
                super.draw(g2, area, anchor, info);
            }
        };
    }

    @Start
    void start(Stage stage) {
        view = new FigureHost(TaskExecutor.threads(UiExecutor.fx()).lane("figures"));
        stage.setScene(new Scene(new StackPane(view), 500, 300));
        stage.show();
    }

    @Test
    void drawsOnTheRenderThreadAndOnlyTheNewestOfQueuedRequests(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        int[] shown = new int[5];
        JFreeChart chart = recording();
        robot.interact(() -> {
            // the first request holds the render thread until requests 2..5 are queued behind it
            assertTrue(view.request(size -> {
                prepared.add(1);
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Drawing.revealing(chart, step -> { });
            }, () -> shown[0]++));
        });
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        robot.interact(() -> {
            for (int i = 2; i <= 5; i++) {
                int id = i;
                view.request(size -> {
                    prepared.add(id);
                    return Drawing.revealing(chart, step -> { });
                }, () -> shown[id - 1]++);
            }
        });
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown[4] == 1);
        // the bare image of the newest request follows the full one; the superseded first request is not drawn
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> drawnOn.size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, drawnOn.size(), "two images of the newest request, nothing of the older ones");
        assertEquals(List.of(1, 5), prepared, "requests 2-4 were superseded before the thread reached them");
        assertEquals(0, shown[0], "a finished image of a superseded request is not shown");
        assertEquals(1, shown[4]);
        for (Thread t : drawnOn) {
            assertFalse(Platform.isFxApplicationThread(), "test runs off the FX thread");
            assertEquals("muonscope-figures", t.getName(), "JFreeChart drew on " + t.getName());
        }
        assertTrue(view.hasImage());
        // the step-to-pixel mapping came back with the image: linear, increasing, and inverted by stepAt
        double[] x = new double[3];
        robot.interact(() -> {
            x[0] = view.xOf(0);
            x[1] = view.xOf(100);
            x[2] = view.stepAt(view.xOf(37));
        });
        assertTrue(x[0] > 0 && x[1] > x[0] && x[1] <= 500, x[0] + " .. " + x[1]);
        assertEquals(37, x[2], 1e-9);
    }

    @Test
    void hoverReadsTheDrawnDataWithoutDrawing(FxRobot robot) throws Exception {
        JFreeChart chart = recording();
        robot.interact(() -> view.request(size -> Drawing.of(chart), null));
        waitFor("an image", () -> fx(view::hasImage));
        int draws = drawnOn.size();
        javafx.geometry.Rectangle2D area = fx(() -> view.data().panels().get(0).area());
        // the series goes from (0, 0) to (100, 1): the pointer near step 100 reads 1 there
        robot.moveTo(view.localToScreen(fx(() -> view.xOf(99)), area.getMinY() + area.getHeight() / 2));
        waitFor("a readout", () -> fx(view::readout) != null);
        Readout r = fx(view::readout);
        assertEquals("step  100", r.title());
        assertEquals(1, r.lines().size());
        assertEquals("s", r.lines().get(0).name());
        assertEquals("1", r.lines().get(0).value());
        assertEquals(draws, drawnOn.size(), "hovering draws no chart");
    }
}

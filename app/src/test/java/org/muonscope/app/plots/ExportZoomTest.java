package org.muonscope.app.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.common.figure.Span;
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.app.support.SafeXml;

/** "As shown" writes the zoomed range, "whole figure" the full one, in every format; the chart is left as it was. */
class ExportZoomTest {
    @TempDir Path dir;
    private final List<Range> drawnWith = new ArrayList<>();

    private JFreeChart chart() {
        XYSeries s = new XYSeries("s");
        for (int i = 0; i <= 1000; i += 10) s.add(i, i / 1000.0);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("step"), new NumberAxis("y"), new XYLineAndShapeRenderer(true, false));
        plot.getDomainAxis().setRange(0, 1000);
        return new JFreeChart("t", JFreeChart.DEFAULT_TITLE_FONT, plot, false) {
            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
                drawnWith.add(getXYPlot().getDomainAxis().getRange());
                super.draw(g2, area, anchor, info);
            }
        };
    }

    @Test
    void asShownWritesTheZoomedRangeAndWholeTheFullOne() throws Exception {
        JFreeChart c = chart();
        Zoom zoom = new Zoom(new Span(400, 500), Map.of());
        for (PlotExporter.Format f : PlotExporter.Format.values()) {
            PlotExporter.write(c, zoom, f, 600, 400, dir.resolve("shown" + f.extension()));
            PlotExporter.write(c, Zoom.WHOLE, f, 600, 400, dir.resolve("whole" + f.extension()));
        }
        for (int i = 0; i < drawnWith.size(); i += 2) {
            assertEquals(new Range(400, 500), drawnWith.get(i), "as shown");
            assertEquals(new Range(0, 1000), drawnWith.get(i + 1), "whole");
        }
        assertEquals(new Range(0, 1000), c.getXYPlot().getDomainAxis().getRange(), "the chart is put back");
        List<Double> shown = SafeXml.ticks(dir.resolve("shown.svg")), whole = SafeXml.ticks(dir.resolve("whole.svg"));
        assertTrue(shown.contains(460.0) && !shown.contains(1000.0), "the zoomed SVG's step ticks: " + shown);
        assertTrue(whole.contains(1000.0) && !whole.contains(460.0), "the whole SVG's step ticks: " + whole);
    }
}

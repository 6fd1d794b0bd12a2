package org.muonscope.app.common.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** A zoom sets the axes it names, pins the others, and puts every axis back as the figure had it. */
class ZoomTest {
    private static XYPlot panel(double scale) {
        XYSeries s = new XYSeries("s");
        for (int i = 0; i <= 100; i++) s.add(i, scale * i);
        return new XYPlot(new XYSeriesCollection(s), null, new NumberAxis("y"), new XYLineAndShapeRenderer());
    }

    @Test
    void appliesToEachPanelAndRestores() {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
        XYPlot top = panel(1), bottom = panel(10);
        plot.add(top);
        plot.add(bottom);
        bottom.getRangeAxis().setRange(0, 2000); // the figure fixed this one itself
        JFreeChart chart = new JFreeChart(plot);
        Range autoX = plot.getDomainAxis().getRange();

        Zoom z = new Zoom(new Span(20, 40), Map.of(1, new Span(100, 300)));
        Zoom.Applied a = z.applyTo(chart);
        assertEquals(new Range(20, 40), plot.getDomainAxis().getRange());
        Range fitted = top.getRangeAxis().getRange();
        assertTrue(fitted.getLowerBound() <= 20 && fitted.getUpperBound() >= 40 && fitted.getUpperBound() < 50,
                "an auto-ranging axis the zoom does not name fits the data in the visible steps: " + fitted);
        assertFalse(top.getRangeAxis().isAutoRange(), "and is pinned, so a revealed and a bare image share it");
        assertEquals(0, a.whole(top.getRangeAxis()).lo(), 1e-9);
        assertTrue(a.whole(top.getRangeAxis()).hi() >= 100, "its whole range is the full data's");
        assertEquals(new Range(100, 300), bottom.getRangeAxis().getRange());
        assertEquals(new Span(0, 2000), a.whole(bottom.getRangeAxis()), "the figure's own range is known");

        a.restore();
        assertTrue(plot.getDomainAxis().isAutoRange());
        assertEquals(autoX, plot.getDomainAxis().getRange());
        assertTrue(top.getRangeAxis().isAutoRange());
        assertFalse(bottom.getRangeAxis().isAutoRange());
        assertEquals(new Range(0, 2000), bottom.getRangeAxis().getRange());
    }

    @Test
    void wholeAndPartial() {
        assertTrue(Zoom.WHOLE.isWhole());
        Zoom z = Zoom.WHOLE.withY(0, new Span(1, 2));
        assertFalse(z.isWhole());
        assertTrue(z.withY(0, null).isWhole());
    }
}

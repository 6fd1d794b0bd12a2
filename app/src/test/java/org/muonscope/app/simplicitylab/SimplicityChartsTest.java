package org.muonscope.app.simplicitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The log axes' labels and the oscillation measure in the legends, without a screen. */
class SimplicityChartsTest {

    @Test
    void decadeLabelsReadAsNumbers() {
        assertEquals("1", DecadeLogAxis.DecadeFormat.label(1));
        assertEquals("0.1", DecadeLogAxis.DecadeFormat.label(0.1));
        assertEquals("0.01", DecadeLogAxis.DecadeFormat.label(0.01));
        assertEquals("1e-3", DecadeLogAxis.DecadeFormat.label(1e-3));
        assertEquals("1e-6", DecadeLogAxis.DecadeFormat.label(1.0000000000000002e-6));
        assertEquals("1000", DecadeLogAxis.DecadeFormat.label(1000));
        assertEquals("1e4", DecadeLogAxis.DecadeFormat.label(1e4));
        assertEquals("3.16", DecadeLogAxis.DecadeFormat.label(Math.sqrt(10)), "not a decade: 3 digits");
    }

    /** The labelled ticks the axis makes for data spanning {@code lo..hi}, drawn at {@code height} pixels. */
    private static List<String> majorLabels(double lo, double hi, int height) {
        JFreeChart chart = SimplicityCharts.lineChart("t", "step", "loss", true);
        XYSeries s = new XYSeries("s");
        s.add(0, lo);
        s.add(1, hi);
        chart.getXYPlot().setDataset(new XYSeriesCollection(s));
        BufferedImage img = new BufferedImage(600, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, 600, height), info);
        ValueAxis axis = chart.getXYPlot().getRangeAxis();
        List<?> ticks = axis.refreshTicks(g, new AxisState(), info.getPlotInfo().getDataArea(), RectangleEdge.LEFT);
        List<String> out = new ArrayList<>();
        for (Object o : ticks) {
            if (o instanceof LogTick t && t.getTickType() == TickType.MAJOR) {
                java.text.AttributedCharacterIterator it = t.getAttributedLabel().getIterator();
                StringBuilder sb = new StringBuilder();
                for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) sb.append(c);
                out.add(sb.toString());
            }
        }
        g.dispose();
        return out;
    }

    @Test
    void theLogAxesLabelOnlyPowersOfTen() {
        List<String> labels = majorLabels(5e-6, 2.1, 500);
        assertEquals(List.of("1e-5", "1e-4", "1e-3", "0.01", "0.1", "1"), labels);
        // a short axis skips decades rather than crowding, still only powers of ten
        List<String> small = majorLabels(2e-6, 2.1, 140);
        assertTrue(small.size() >= 2 && small.size() < labels.size(), small.toString());
        for (String l : small) assertTrue(l.equals("1") || l.startsWith("0.") || l.startsWith("1e"), l);
        // data inside one decade still gets a labelled decade
        assertTrue(!majorLabels(0.2, 0.6, 500).isEmpty());
    }

    @Test
    void swingIsThePeakToPeakOfAnOscillationAndNothingForAMonotoneCurve() {
        double[] osc = new double[400];
        for (int i = 0; i < osc.length; i++) osc[i] = 1e-3 * Math.exp(-i / 50.0) + 2e-4 + (i % 2 == 0 ? 3e-4 : 0);
        // the last quarter: the decay is ~1e-3 e^-6 ~ 2.5e-6 there, so the swing is 3e-4 to within 1e-5
        assertEquals(3e-4, SimplicityCharts.swing(osc), 1e-5);
        double[] decay = new double[400];
        for (int i = 0; i < decay.length; i++) decay[i] = Math.exp(-i / 30.0);
        assertTrue(Double.isNaN(SimplicityCharts.swing(decay)), "GD's monotone fall is not an oscillation");
        assertTrue(Double.isNaN(SimplicityCharts.swing(new double[] {1, 2, 1})), "too short to tell");
        double[] jitter = new double[400];
        for (int i = 0; i < jitter.length; i++) jitter[i] = 1e-6 + (i % 2 == 0 ? 2e-12 : 0);
        assertTrue(Double.isNaN(SimplicityCharts.swing(jitter)), "rounding jitter at a floor is not a visible band");
    }
}

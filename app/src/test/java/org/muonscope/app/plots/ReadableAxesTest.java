package org.muonscope.app.plots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.muonscope.app.cnnlab.figures.CnnMatrixFigures;
import org.muonscope.app.common.figure.ReadableTicks;

/**
 * Every number axis of every figure carries at most about ten labelled ticks (at most {@code MAX + 1}: both ends of a
 * range that is a whole number of units), at small and projector sizes, in presenter mode too; without the rule the
 * trajectory and class-count axes carried many more.
 */
class ReadableAxesTest {
    private static final int[][] SIZES = {{420, 300}, {960, 600}, {1600, 1000}, {2560, 1600}};

    /** The labelled ticks of each number axis (not symbol axes) of a chart drawn at {@code w x h}. */
    private static List<Integer> tickCounts(JFreeChart chart, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        PlotRenderingInfo pi = info.getPlotInfo();
        List<Integer> out = new ArrayList<>();
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            for (int i = 0; i < c.getSubplots().size(); i++) {
                XYPlot sub = c.getSubplots().get(i);
                Rectangle2D area = pi.getSubplotInfo(i).getDataArea();
                count(out, c.getDomainAxis(), g, area, sub.getDomainAxisEdge());
                count(out, sub.getRangeAxis(), g, area, sub.getRangeAxisEdge());
            }
        } else if (chart.getPlot() instanceof XYPlot p) {
            count(out, p.getDomainAxis(), g, pi.getDataArea(), p.getDomainAxisEdge());
            count(out, p.getRangeAxis(), g, pi.getDataArea(), p.getRangeAxisEdge());
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            count(out, p.getRangeAxis(), g, pi.getDataArea(), p.getRangeAxisEdge());
        }
        g.dispose();
        return out;
    }

    private static void count(List<Integer> out, ValueAxis a, Graphics2D g, Rectangle2D area, RectangleEdge edge) {
        if (!(a instanceof NumberAxis) || a instanceof SymbolAxis) return;
        int n = 0;
        for (Object o : a.refreshTicks(g, new AxisState(), area, edge)) {
            if (o instanceof Tick t && t.getText() != null && !t.getText().isEmpty()) n++;
        }
        out.add(n);
    }

    private static JFreeChart figure(String name, double fontScale, int width) {
        LabFigure f = Figures.create(name);
        f.update(PlotExporterTest.data(), new ChartStyle(false, fontScale, List.of(Color.BLUE, Color.RED)), width);
        return f.chart();
    }

    private static JFreeChart classCounts() {
        List<String> names = List.of("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot");
        return CnnMatrixFigures.classCounts(names, new int[] {200, 200, 200, 200, 200, 10, 10, 200, 200, 200}, new int[] {5, 6}, "counts");
    }

    @Test
    void atMostAboutTenLabelledTicksPerAxisAtAnySizeAndInPresenterMode() {
        for (double font : new double[] {1.0, 1.6}) {
            for (int[] size : SIZES) {
                List<JFreeChart> charts = new ArrayList<>();
                for (String name : Figures.NAMES) charts.add(figure(name, font, size[0]));
                charts.add(classCounts());
                for (JFreeChart c : charts) {
                    ReadableTicks.apply(c, size[0], size[1]);
                    for (int n : tickCounts(c, size[0], size[1])) {
                        assertTrue(n <= ReadableTicks.MAX + 1, c.getTitle().getText() + " at " + size[0] + "x" + size[1]
                                + ", font x" + font + ": " + n + " labelled ticks");
                    }
                }
            }
        }
    }

    @Test
    void withoutTheRuleTheTallAxesWereCrowded() {
        int most = 0;
        for (JFreeChart c : List.of(figure("trajectories", 1, 2560), classCounts())) {
            for (int n : tickCounts(c, 2560, 1600)) most = Math.max(most, n);
        }
        assertTrue(most > 2 * ReadableTicks.MAX, "JFreeChart's own choice at 2560 x 1600: " + most + " labels on one axis");
    }
}

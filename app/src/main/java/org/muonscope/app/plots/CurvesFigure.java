package org.muonscope.app.plots;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.muonscope.engine.theory.ClassMetrics;

/**
 * Two stacked panels sharing the step axis (loss above, accuracy below), revealed up to the cursor. The
 * subclasses say which curves go in: summary metrics per optimizer, or class-wise curves.
 */
abstract class CurvesFigure extends LabFigure {
    protected final RevealDataset top = new RevealDataset();
    protected final RevealDataset bottom = new RevealDataset();
    protected final XYPlot topPlot;
    protected final XYPlot bottomPlot;
    private final ValueMarker cursorTop = new ValueMarker(0);
    private final ValueMarker cursorBottom = new ValueMarker(0);
    private final String bottomLabel;

    CurvesFigure(String title, String topLabel, String bottomLabel) {
        topPlot = new XYPlot(top, null, new NumberAxis(topLabel), lines());
        bottomPlot = new XYPlot(bottom, null, new NumberAxis(bottomLabel), lines());
        this.bottomLabel = bottomLabel;
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(stepAxis("step t"));
        plot.setGap(8);
        plot.add(topPlot, 1);
        plot.add(bottomPlot, 1);
        chart = newChart(title, plot);
    }

    protected final void finishRanges(RunData data, ChartStyle style) {
        List<double[]> t = new ArrayList<>(), b = new ArrayList<>();
        for (int s = 0; s < top.getSeriesCount(); s++) t.add(top.ys(s));
        for (int s = 0; s < bottom.getSeriesCount(); s++) b.add(bottom.ys(s));
        double[] tb = finiteBounds(t), bb = finiteBounds(b);
        if (Double.isFinite(tb[0])) fixRange(topPlot.getRangeAxis(), Math.min(0, tb[0]), tb[1], 0.04);
        fixRange(bottomPlot.getRangeAxis(), 0, 1, 0.03);
        // Accuracies without an exact rule are Monte Carlo estimates (docs/theory.md section 5): say so on the axis.
        boolean monteCarlo = data.slots().stream().anyMatch(s -> s.snapshots().stream().anyMatch(TheoryPoint::monteCarlo));
        bottomPlot.getRangeAxis().setLabel(monteCarlo ? bottomLabel + "  (Monte Carlo, " + ClassMetrics.DEFAULT_DRAWS
                + " draws, \u00b1" + String.format(java.util.Locale.ROOT, "%.3f", 0.5 / Math.sqrt(ClassMetrics.DEFAULT_DRAWS)) + ")"
                : bottomLabel);
        fixRange(((CombinedDomainXYPlot) chart.getPlot()).getDomainAxis(), 0, data.spec().steps(), 0.01);
        for (ValueMarker m : List.of(cursorTop, cursorBottom)) {
            m.setPaint(Palette.withAlpha(style.foreground(), 120));
            m.setStroke(style.stroke(1.2f));
        }
    }

    @Override
    protected void reveal(double step) {
        top.setLimit(step);
        bottom.setLimit(step);
        top.changed();
        bottom.changed();
        topPlot.clearDomainMarkers();
        bottomPlot.clearDomainMarkers();
        if (Double.isFinite(step)) {
            cursorTop.setValue(step);
            cursorBottom.setValue(step);
            topPlot.addDomainMarker(cursorTop);
            bottomPlot.addDomainMarker(cursorBottom);
        }
    }
}

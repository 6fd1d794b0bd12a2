package org.muonscope.app.plots;

import java.awt.Stroke;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Balanced, minority and worst-class loss (top) and balanced, minority and worst-class accuracy (bottom)
 * per optimizer: the optimizer is the hue, the metric the line style.
 */
public final class MetricsFigure extends CurvesFigure {
    public MetricsFigure() {
        super("Balanced, minority and worst-class metrics", "loss", "accuracy");
    }

    @Override public String name() { return "metrics"; }
    @Override public String title() { return "Balanced / minority / worst-class metrics"; }

    @Override
    protected void rebuild(RunData data, ChartStyle style, int buckets) {
        top.clear();
        bottom.clear();
        int minority = data.spec().minorityClass();
        LegendItemCollection legend = new LegendItemCollection();
        for (RunData.Slot slot : data.slots()) {
            legend.add(legendLine(slot.label(), style.slot(slot.index()), style.stroke(3f)));
            int n = drawable(slot, 3 * maxWStar(data));
            double[] x = head(slot.steps(), n);
            add(top, topPlot, slot, x, "balanced loss", TheoryPoint::balancedLoss, style.stroke(2f), style, buckets);
            add(top, topPlot, slot, x, "minority loss", TheoryPoint::minorityLoss, style.dashed(1.6f), style, buckets);
            add(top, topPlot, slot, x, "worst-class loss", TheoryPoint::worstClassLoss, style.dotted(2f), style, buckets);
            add(bottom, bottomPlot, slot, x, "balanced accuracy", TheoryPoint::balancedAccuracy, style.stroke(2f), style, buckets);
            add(bottom, bottomPlot, slot, x, "minority accuracy", s -> s.classAccuracy()[minority], style.dashed(1.6f), style, buckets);
            add(bottom, bottomPlot, slot, x, "worst-class accuracy", TheoryPoint::worstClassAccuracy, style.dotted(2f), style, buckets);
        }
        legend.add(legendLine("balanced", style.faint(), style.stroke(2f)));
        legend.add(legendLine("minority", style.faint(), style.dashed(1.6f)));
        legend.add(legendLine("worst class", style.faint(), style.dotted(2f)));
        topPlot.setFixedLegendItems(legend);
        bottomPlot.setFixedLegendItems(new LegendItemCollection());
        ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot()).setFixedLegendItems(legend);
        finishRanges(data, style);
    }

    private static void add(RevealDataset ds, org.jfree.chart.plot.XYPlot plot, RunData.Slot slot, double[] x, String what,
                            ToDoubleFunction<TheoryPoint> f, Stroke stroke, ChartStyle style, int buckets) {
        double[] y = head(slot.values(f), x.length);
        double[][] d = Decimator.decimate(x, y, buckets);
        int s = ds.getSeriesCount();
        ds.add(slot.label() + " " + what, d[0], d[1], x, y);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(s, style.slot(slot.index()), false);
        r.setSeriesStroke(s, stroke, false);
    }
}

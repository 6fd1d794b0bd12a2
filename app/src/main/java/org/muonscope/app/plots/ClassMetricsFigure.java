package org.muonscope.app.plots;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.muonscope.engine.spec.TheorySpec;

/** Class-wise loss {@code L_c} (top) and accuracy {@code a_c} (bottom): hue per optimizer, shade per class. */
public final class ClassMetricsFigure extends CurvesFigure {
    public ClassMetricsFigure() {
        super("Class-wise loss and accuracy", "class loss L_c", "class accuracy a_c");
    }

    @Override public String name() { return "class-metrics"; }
    @Override public String title() { return "Class-wise loss and accuracy"; }

    @Override
    protected void rebuild(RunData data, ChartStyle style, int buckets) {
        top.clear();
        bottom.clear();
        TheorySpec spec = data.spec();
        int k = spec.classes();
        int[] rank = rankByPrior(spec.priors());
        XYLineAndShapeRenderer tr = (XYLineAndShapeRenderer) topPlot.getRenderer();
        XYLineAndShapeRenderer br = (XYLineAndShapeRenderer) bottomPlot.getRenderer();
        LegendItemCollection legend = new LegendItemCollection();
        for (RunData.Slot slot : data.slots()) {
            legend.add(legendLine(slot.label(), style.slot(slot.index()), style.stroke(3f)));
            int n = drawable(slot, 3 * maxWStar(data));
            double[] x = head(slot.steps(), n);
            for (int c = 0; c < k; c++) {
                java.awt.Color color = classColor(style, slot.index(), rank[c], k);
                java.awt.Stroke stroke = style.stroke(classWidth(rank[c]));
                double[] loss = head(slot.classLoss(c), n), acc = head(slot.classAccuracy(c), n);
                double[][] l = Decimator.decimate(x, loss, buckets);
                int s = top.getSeriesCount();
                top.add(slot.label() + " class " + (c + 1), l[0], l[1], x, loss);
                tr.setSeriesPaint(s, color, false);
                tr.setSeriesStroke(s, stroke, false);
                double[][] a = Decimator.decimate(x, acc, buckets);
                bottom.add(slot.label() + " class " + (c + 1), a[0], a[1], x, acc);
                br.setSeriesPaint(s, color, false);
                br.setSeriesStroke(s, stroke, false);
            }
        }
        legend.add(legendLine("thick = minority class", style.foreground(), style.stroke(2.8f)));
        ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot()).setFixedLegendItems(legend);
        finishRanges(data, style);
    }
}

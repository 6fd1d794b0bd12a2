package org.muonscope.app.plots;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Steps to 90% of {@code w*_c} per class: measured (dots joined by a thin line) against the closed form
 * (dashed, ticks), one hue per optimizer. Classes that never saturate are left out of the measured line.
 */
public final class SaturationFigure extends LabFigure {
    private final RevealDataset measured = new RevealDataset();
    private final RevealDataset theory = new RevealDataset();
    private final XYPlot plot;

    public SaturationFigure() {
        plot = new XYPlot(measured, new SymbolAxis("class", new String[] {""}), new NumberAxis("steps to 90% of w*  (t90)"), null);
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(true, true);
        m.setDefaultSeriesVisibleInLegend(false);
        m.setAutoPopulateSeriesPaint(false);
        m.setAutoPopulateSeriesShape(false);
        m.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(0, m);
        XYLineAndShapeRenderer t = new XYLineAndShapeRenderer(true, true);
        t.setDefaultSeriesVisibleInLegend(false);
        t.setAutoPopulateSeriesPaint(false);
        t.setAutoPopulateSeriesShape(false);
        t.setAutoPopulateSeriesStroke(false);
        t.setDefaultShapesFilled(false);
        plot.setDataset(1, theory);
        plot.setRenderer(1, t);
        chart = newChart("Saturation steps: measured vs theory", plot);
    }

    @Override public String name() { return "saturation"; }
    @Override public String title() { return "Saturation steps"; }

    @Override
    protected void rebuild(RunData data, ChartStyle style, int buckets) {
        TheorySpec spec = data.spec();
        int k = spec.classes();
        double[] wStar = TheoryFormulas.wStar(spec);
        String[] names = new String[k];
        for (int c = 0; c < k; c++) names[c] = String.format(Locale.ROOT, "%d (p=%.3f)", c + 1, spec.priors()[c]);
        SymbolAxis axis = new SymbolAxis("class (prior)", names);
        axis.setGridBandsVisible(false);
        plot.setDomainAxis(axis);
        measured.clear();
        theory.clear();
        XYLineAndShapeRenderer mr = (XYLineAndShapeRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer tr = (XYLineAndShapeRenderer) plot.getRenderer(1);
        double dot = 8 * Math.sqrt(style.fontScale());
        List<double[]> all = new ArrayList<>();
        LegendItemCollection legend = new LegendItemCollection();
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = spec.optimizers().get(slot.index());
            Color color = style.slot(slot.index());
            legend.add(legendLine(slot.label(), color, style.stroke(3f)));
            double[] x = new double[k], y = new double[k];
            for (int c = 0; c < k; c++) {
                x[c] = c;
                long t = slot.t90(c, wStar[c]);
                y[c] = t >= 0 ? t : Double.NaN;
            }
            all.add(y);
            int s = measured.getSeriesCount();
            measured.add(slot.label() + " measured", x, y);
            mr.setSeriesPaint(s, color, false);
            mr.setSeriesStroke(s, style.stroke(1.2f), false);
            mr.setSeriesShape(s, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot), false);
            if (TheoryFormulas.hasTheory(spec, o)) {
                double[] ty = new double[k];
                for (int c = 0; c < k; c++) {
                    long t = TheoryFormulas.t90(spec, o, c);
                    ty[c] = t >= 0 && t != Long.MAX_VALUE ? t : Double.NaN; // a closed form that never gets there has no tick
                }
                all.add(ty);
                int i = theory.getSeriesCount();
                theory.add(slot.label() + " theory", x, ty);
                tr.setSeriesPaint(i, color, false);
                tr.setSeriesStroke(i, style.dashed(1.2f), false);
                tr.setSeriesShape(i, new Line2D.Double(-1.3 * dot, 0, 1.3 * dot, 0), false);
            }
        }
        legend.add(legendShape("measured", style.faint(), new Ellipse2D.Double(-4, -4, 8, 8), true));
        legend.add(legendLine("theory", style.faint(), style.dashed(1.4f)));
        plot.setFixedLegendItems(legend);
        double[] b = finiteBounds(all);
        fixRange(plot.getRangeAxis(), 0, Double.isFinite(b[1]) ? b[1] : spec.steps(), 0.06);
        fixRange(plot.getDomainAxis(), 0, k - 1, 0.06);
    }
}

package org.muonscope.app.plots;

import org.muonscope.engine.optim.OptimizerKind;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Depth amplifies balance: SpecGD's {@code t_90(c) = (0.9 w*_c)^(1/L) / eta} per class for {@code L = 1..6}
 * (top) and the spread {@code t_max / t_min} against {@code L} (bottom), with the measured values of the
 * current run's SpecGD slots at the current depth as dots.
 */
public final class DepthFigure extends LabFigure {
    public static final int MAX_DEPTH = 6;
    private final RevealDataset perClass = new RevealDataset();
    private final RevealDataset perClassMeasured = new RevealDataset();
    private final RevealDataset spread = new RevealDataset();
    private final RevealDataset spreadMeasured = new RevealDataset();
    private final XYPlot top;
    private final XYPlot bottom;
    private long[][] sweep;

    /** The measured SpecGD {@code t90[L-1][c]} of a depth sweep (rows null until run); drawn as squares. */
    public void setMeasured(long[][] t90) {
        sweep = t90;
    }

    public DepthFigure() {
        top = new XYPlot(perClass, null, new NumberAxis("SpecGD t90 (steps)"), marked(true));
        top.setDataset(1, perClassMeasured);
        top.setRenderer(1, shapes());
        LogAxis ratio = new LogAxis("spread t_max / t_min");
        ratio.setSmallestValue(1);
        bottom = new XYPlot(spread, null, new NumberAxis("spread t_max / t_min"), marked(true));
        bottom.setDataset(1, spreadMeasured);
        bottom.setRenderer(1, shapes());
        NumberAxis depth = new NumberAxis("depth L");
        depth.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(depth);
        plot.setGap(8);
        plot.add(top, 3);
        plot.add(bottom, 2);
        chart = newChart("Depth amplifies balance (SpecGD)", plot);
    }

    @Override public String name() { return "depth"; }
    @Override public String title() { return "Depth view"; }

    private static XYLineAndShapeRenderer marked(boolean lines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, true);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesShape(false);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    /** The step size the depth view uses: the first SpecGD slot's, else the first optimizer's. */
    public static double eta(TheorySpec spec) {
        for (OptimizerSettings o : spec.optimizers()) if (o.kind() == OptimizerKind.SPECGD) return o.lr();
        return spec.optimizers().get(0).lr();
    }

    @Override
    protected void rebuild(RunData data, ChartStyle style, int buckets) {
        TheorySpec spec = data.spec();
        int k = spec.classes();
        int[] rank = rankByPrior(spec.priors());
        double eta = eta(spec);
        double[] wStar = TheoryFormulas.wStar(spec);
        perClass.clear();
        perClassMeasured.clear();
        spread.clear();
        spreadMeasured.clear();
        Color base = Palette.forKind("specgd");
        XYLineAndShapeRenderer pr = (XYLineAndShapeRenderer) top.getRenderer(0);
        double dot = 6 * Math.sqrt(style.fontScale());
        double[] ls = new double[MAX_DEPTH];
        for (int l = 1; l <= MAX_DEPTH; l++) ls[l - 1] = l;
        List<double[]> tops = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] t = new double[MAX_DEPTH];
            for (int l = 1; l <= MAX_DEPTH; l++) t[l - 1] = TheoryFormulas.t90SpecExact(spec, c, eta, l);
            tops.add(t);
            perClass.add("class " + (c + 1), ls, t);
            Color color = Palette.shade(base, rank[c], k, style.background());
            pr.setSeriesPaint(c, color, false);
            pr.setSeriesStroke(c, style.stroke(classWidth(rank[c])), false);
            pr.setSeriesShape(c, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot), false);
        }
        double[] sp = new double[MAX_DEPTH];
        for (int l = 1; l <= MAX_DEPTH; l++) sp[l - 1] = TheoryFormulas.spreadSpec(spec, l);
        spread.add("spread", ls, sp);
        XYLineAndShapeRenderer br = (XYLineAndShapeRenderer) bottom.getRenderer(0);
        br.setSeriesPaint(0, base, false);
        br.setSeriesStroke(0, style.stroke(2f), false);
        br.setSeriesShape(0, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot), false);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendLine("SpecGD theory (0.9 w*)^(1/L) / eta, eta = " + eta, base, style.stroke(2f)));
        XYLineAndShapeRenderer mr = (XYLineAndShapeRenderer) top.getRenderer(1);
        XYLineAndShapeRenderer smr = (XYLineAndShapeRenderer) bottom.getRenderer(1);
        double big = 11 * Math.sqrt(style.fontScale());
        java.awt.Shape square = new java.awt.geom.Rectangle2D.Double(-big / 2, -big / 2, big, big);
        if (sweep != null) {
            for (int c = 0; c < k; c++) {
                List<double[]> pts = new ArrayList<>();
                for (int l = 1; l <= MAX_DEPTH; l++) {
                    long[] row = sweep[l - 1];
                    if (row != null && c < row.length && row[c] >= 0) pts.add(new double[] {l, row[c]});
                }
                if (pts.isEmpty()) continue;
                int s = perClassMeasured.getSeriesCount();
                perClassMeasured.add("measured class " + (c + 1), pts.stream().mapToDouble(p -> p[0]).toArray(),
                        pts.stream().mapToDouble(p -> p[1]).toArray());
                mr.setSeriesPaint(s, Palette.shade(base, rank[c], k, style.background()), false);
                mr.setSeriesShape(s, square, false);
                mr.setSeriesShapesFilled(s, false);
                mr.setSeriesOutlineStroke(s, style.stroke(1.6f), false);
                mr.setUseOutlinePaint(false);
                mr.setDrawOutlines(true);
            }
            List<double[]> sp2 = new ArrayList<>();
            for (int l = 1; l <= MAX_DEPTH; l++) {
                long[] row = sweep[l - 1];
                if (row == null) continue;
                long min = Long.MAX_VALUE, max = 0;
                boolean all = row.length == k;
                for (long t : row) {
                    if (t < 0) all = false;
                    min = Math.min(min, Math.max(1, t));
                    max = Math.max(max, t);
                }
                if (all) sp2.add(new double[] {l, (double) max / min});
            }
            if (!sp2.isEmpty()) {
                spreadMeasured.add("measured spread", sp2.stream().mapToDouble(p -> p[0]).toArray(),
                        sp2.stream().mapToDouble(p -> p[1]).toArray());
                smr.setSeriesPaint(0, base, false);
                smr.setSeriesShape(0, square, false);
                smr.setSeriesShapesFilled(0, false);
                smr.setUseOutlinePaint(false);
                smr.setDrawOutlines(true);
                smr.setSeriesOutlineStroke(0, style.stroke(1.6f), false);
            }
            legend.add(legendShape("SpecGD measured (engine, one run per depth, init " + 1e-3 + ")", base,
                    new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10), false));
        }
        legend.add(legendLine("shade: class, thick = minority", style.faint(), style.stroke(2.8f)));
        ((CombinedDomainXYPlot) chart.getPlot()).setFixedLegendItems(legend);
        for (int i = 0; i < perClassMeasured.getSeriesCount(); i++) tops.add(perClassMeasured.ys(i));
        double[] b = finiteBounds(tops);
        fixRange(top.getRangeAxis(), 0, b[1], 0.05);
        fixRange(bottom.getRangeAxis(), 1, Math.max(1.01, sp[0]), 0.06);
        fixRange(((CombinedDomainXYPlot) chart.getPlot()).getDomainAxis(), 1, MAX_DEPTH, 0.04);
    }
}

package org.muonscope.app.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The main view: {@code W_t[c,c]} against the step for every optimizer (hue) and class (shade; the minority
 * class darkest and thickest), closed-form theory dashed, targets {@code w*_c} as faint horizontal lines,
 * measured saturation steps as dots and theory saturation steps as ticks.
 */
public final class TrajectoryFigure extends LabFigure {
    /** Closed forms are smooth (or piecewise linear): this many points draw them exactly to the eye. */
    private static final int THEORY_POINTS = 120;
    private final RevealDataset measured = new RevealDataset();
    private final RevealDataset theory = new RevealDataset();
    private final RevealDataset t90Measured = new RevealDataset();
    private final RevealDataset t90Theory = new RevealDataset();
    private final XYPlot plot;
    private final ValueMarker cursorLine = new ValueMarker(0);
    private final TextTitle warning = new TextTitle("");

    public TrajectoryFigure() {
        NumberAxis x = stepAxis("step t");
        NumberAxis y = new NumberAxis("W[c,c]  (diagonal of the end-to-end map)");
        plot = new XYPlot(measured, x, y, lines());
        plot.setDataset(1, theory);
        plot.setRenderer(1, lines());
        plot.setDataset(2, t90Measured);
        plot.setRenderer(2, shapes());
        plot.setDataset(3, t90Theory);
        XYLineAndShapeRenderer ticks = shapes();
        ticks.setDefaultShapesFilled(false);
        ticks.setUseOutlinePaint(false);
        ticks.setDrawOutlines(true);
        plot.setRenderer(3, ticks);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        chart = newChart("Diagonal trajectories", plot);
        warning.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(warning);
    }

    @Override public String name() { return "trajectories"; }
    @Override public String title() { return "Diagonal trajectories"; }

    @Override
    protected void rebuild(RunData data, ChartStyle style, int buckets) {
        TheorySpec spec = data.spec();
        int k = spec.classes();
        int[] rank = rankByPrior(spec.priors());
        double[] wStar = TheoryFormulas.wStar(spec);
        measured.clear();
        theory.clear();
        t90Measured.clear();
        t90Theory.clear();
        XYLineAndShapeRenderer mr = (XYLineAndShapeRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer tr = (XYLineAndShapeRenderer) plot.getRenderer(1);
        XYLineAndShapeRenderer sr = (XYLineAndShapeRenderer) plot.getRenderer(2);
        XYLineAndShapeRenderer kr = (XYLineAndShapeRenderer) plot.getRenderer(3);
        List<double[]> ys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        double dot = 7 * Math.sqrt(style.fontScale());
        LegendItemCollection legend = new LegendItemCollection();
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = spec.optimizers().get(slot.index());
            int n = drawable(slot, 3 * maxWStar(data));
            double[] steps = head(slot.steps(), n);
            String label = slot.label();
            if (slot.diverged()) {
                label += " (diverged)";
                problems.add(slot.result().message());
            }
            legend.add(legendLine(label, style.slot(slot.index()), style.stroke(3f)));
            boolean theoryHere = TheoryFormulas.hasTheory(spec, o);
            for (int c = 0; c < k; c++) {
                double[] y = head(slot.diag(c), n);
                ys.add(y);
                double[][] d = Decimator.decimate(steps, y, buckets);
                int s = measured.getSeriesCount();
                measured.add(label + " class " + (c + 1), d[0], d[1], steps, y);
                Color color = classColor(style, slot.index(), rank[c], k);
                mr.setSeriesPaint(s, color, false);
                mr.setSeriesStroke(s, style.stroke(classWidth(rank[c])), false);

                long tm = slot.t90(c, wStar[c]);
                if (tm >= 0) {
                    int i = t90Measured.getSeriesCount();
                    t90Measured.add(label + " t90 class " + (c + 1), new double[] {tm}, new double[] {0.9 * wStar[c]});
                    sr.setSeriesPaint(i, color, false);
                    sr.setSeriesShape(i, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot), false);
                }
                if (theoryHere) {
                    int m = Math.min(THEORY_POINTS, spec.steps()) + 1;
                    double[] tx = new double[m], ty = new double[m];
                    for (int i = 0; i < m; i++) {
                        tx[i] = (double) spec.steps() * i / (m - 1);
                        ty[i] = TheoryFormulas.diag(spec, o, c, tx[i]);
                    }
                    int t = theory.getSeriesCount();
                    theory.add(label + " theory class " + (c + 1), tx, ty);
                    tr.setSeriesPaint(t, Palette.withAlpha(color, 200), false);
                    tr.setSeriesStroke(t, style.dashed(rank[c] == 0 ? 1.8f : 1.1f), false);
                    long tt = TheoryFormulas.t90(spec, o, c);
                    if (tt >= 0) {
                        int i = t90Theory.getSeriesCount();
                        t90Theory.add(label + " t90 theory class " + (c + 1), new double[] {tt}, new double[] {0.9 * wStar[c]});
                        kr.setSeriesPaint(i, color, false);
                        kr.setSeriesOutlineStroke(i, style.stroke(2f), false);
                        kr.setSeriesStroke(i, style.stroke(2f), false);
                        kr.setSeriesShape(i, new Line2D.Double(0, -1.6 * dot, 0, 1.6 * dot), false);
                    }
                }
            }
        }
        legend.add(legendLine("theory (closed form)", style.faint(), style.dashed(1.4f)));
        legend.add(legendShape("measured t90", style.faint(), new Ellipse2D.Double(-4, -4, 8, 8), true));
        legend.add(legendShape("theory t90", style.faint(), new Line2D.Double(0, -6, 0, 6), false));
        legend.add(legendLine("target w*", style.faint(), new BasicStroke(1f)));
        legend.add(legendLine("thick = minority class", style.foreground(), style.stroke(2.8f)));
        plot.setFixedLegendItems(legend);

        plot.clearRangeMarkers();
        double maxW = 0;
        int minority = spec.minorityClass();
        for (int c = 0; c < k; c++) {
            maxW = Math.max(maxW, wStar[c]);
            ValueMarker m = new ValueMarker(wStar[c], Palette.withAlpha(style.faint(), c == minority ? 200 : 110),
                    new BasicStroke(c == minority ? 1.4f : 0.8f));
            if (c == minority) {
                m.setLabel("w* minority (class " + (c + 1) + ")");
                m.setLabelFont(style.font(10, Font.PLAIN));
                m.setLabelPaint(style.faint());
                m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            }
            plot.addRangeMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        double[] b = finiteBounds(ys);
        double hi = Math.max(1.1 * maxW, Math.min(b[1], 3 * maxW));
        double lo = Math.min(0, Math.max(b[0], -maxW));
        fixRange(plot.getRangeAxis(), lo, hi, 0.04);
        fixRange(plot.getDomainAxis(), 0, spec.steps(), 0.01);

        warning.setText(String.join("\n", problems));
        warning.setVisible(!problems.isEmpty());

        cursorLine.setPaint(Palette.withAlpha(style.foreground(), 120));
        cursorLine.setStroke(style.stroke(1.2f));
    }

    @Override
    protected void styled(ChartStyle style) {
        warning.setPaint(new Color(0xD0, 0x30, 0x30));
        warning.setFont(style.font(13, Font.BOLD));
    }

    @Override
    protected void reveal(double step) {
        measured.setLimit(step);
        t90Measured.setLimit(step);
        measured.changed();
        t90Measured.changed();
        plot.clearDomainMarkers();
        if (Double.isFinite(step)) {
            cursorLine.setValue(step);
            plot.addDomainMarker(cursorLine);
        }
    }
}

package org.muonscope.app.cnnlab.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.plots.Palette;
import org.muonscope.engine.data.InputCovariance;

/**
 * The spectral view of a CNN run: the singular values of one weight matrix over training (one panel per run), and
 * each layer's effective rank over training (one panel per layer, one line per run). Built from run data alone, like
 * {@link CnnFigures}, so the lab, its exports and {@code muonscope plot} draw the same charts.
 *
 * <p>Singular values go on a log axis: a layer's values span one to three decades (the top ones grow from the init's
 * bulk while the tail stays near it), which a linear axis squeezes onto zero, and on a log axis values that grow by
 * the same factor move as parallel lines, so "every component at one rate" and "the top ones first" look different
 * at a glance.
 */
public final class CnnSpectraFigures {
    /** The floor of the log axis: a value that rounded to 0 (a dead filter) is not drawn below it. */
    private static final double LOG_FLOOR = 1e-6;

    private CnnSpectraFigures() { }

    /**
     * The default layer of the spectra figure: the first hidden weight matrix (the second of three or more: the first
     * layer sees raw pixels and the last the classes), else the first.
     */
    public static String defaultLayer(List<String> layers) {
        if (layers.isEmpty()) return null;
        return layers.get(layers.size() >= 3 ? 1 : 0);
    }

    /**
     * Singular values of {@code layer} over steps, a panel per run that has that layer: {@code s_1} thick and dark in
     * the run's hue, the smaller ones ever lighter. A run without the layer (another model) is named in a note.
     */
    public static JFreeChart spectra(List<CnnRunData> runs, String layer, double cursorStep) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(stepAxis());
        plot.setGap(10);
        List<Color> colors = CnnFigures.runColors(runs);
        LegendItemCollection legend = new LegendItemCollection();
        List<String> without = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            CnnRunData run = runs.get(i);
            int row = run.layers().indexOf(layer);
            if (row < 0 || !run.hasSpectra()) {
                without.add(run.label());
                continue;
            }
            int n = width(run, row);
            XYSeriesCollection ds = new XYSeriesCollection();
            XYLineAndShapeRenderer r = CnnFigures.lines();
            for (int k = 0; k < n; k++) {
                int idx = k;
                ds.addSeries(CnnFigures.series(run.label() + " s_" + (k + 1) + " #" + i, run.history(), p -> value(p, row, idx)));
                // the largest value darkest; the colour fades with the index so the bulk reads as a band
                r.setSeriesPaint(k, k == 0 ? colors.get(i).darker() : Palette.blend(colors.get(i), Color.WHITE, 0.15 + 0.6 * k / Math.max(1, n - 1)));
                r.setSeriesStroke(k, CnnFigures.STYLE.stroke(k == 0 ? 2.4f : 0.9f));
            }
            SpectrumLogAxis y = new SpectrumLogAxis(run.label() + ": " + n + " singular values", LOG_FLOOR);
            XYPlot sub = new XYPlot(ds, null, y, r);
            cursor(sub, cursorStep);
            plot.add(sub, 1);
            legend.add(CnnFigures.legendLine(run.label() + ": s_1", colors.get(i).darker(), CnnFigures.STYLE.stroke(2.4f)));
            legend.add(CnnFigures.legendLine("s_2 .. s_" + n + " (lighter: smaller)", Palette.blend(colors.get(i), Color.WHITE, 0.45),
                    CnnFigures.STYLE.stroke(0.9f)));
        }
        // one range for every panel: the optimizers' magnitudes compare by eye, not only their shapes
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (XYPlot sub : plot.getSubplots()) {
            org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(sub.getDataset());
            if (r == null) continue;
            lo = Math.min(lo, r.getLowerBound());
            hi = Math.max(hi, r.getUpperBound());
        }
        if (hi > lo) for (XYPlot sub : plot.getSubplots()) sub.getRangeAxis().setRange(lo / 1.15, hi * 1.15);
        plot.setFixedLegendItems(legend);
        JFreeChart ch = new JFreeChart("Singular values of " + layer + " over training", CnnFigures.STYLE.font(13, Font.BOLD), plot, true);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        if (plot.getSubplots().isEmpty()) return CnnFigures.withNote(ch, "no run recorded the spectra of " + layer);
        if (!without.isEmpty()) CnnFigures.withNote(ch, "without " + layer + ": " + String.join(", ", without));
        return ch;
    }

    /** Effective rank of every layer over steps: a panel per layer (their ranks differ by an order), a line per run. */
    public static JFreeChart layerRank(List<CnnRunData> runs, double cursorStep) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(stepAxis());
        plot.setGap(8);
        List<Color> colors = CnnFigures.runColors(runs);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).hasSpectra()) legend.add(CnnFigures.legendLine(runs.get(i).label(), colors.get(i), CnnFigures.STYLE.stroke(3f)));
        }
        for (String layer : layers(runs)) {
            XYSeriesCollection ds = new XYSeriesCollection();
            XYLineAndShapeRenderer r = CnnFigures.lines();
            int most = 0;
            for (int i = 0; i < runs.size(); i++) {
                CnnRunData run = runs.get(i);
                int row = run.layers().indexOf(layer);
                if (row < 0 || !run.hasSpectra()) continue;
                most = Math.max(most, width(run, row));
                int s = ds.getSeriesCount();
                ds.addSeries(CnnFigures.series(run.label() + " " + layer + " #" + i, run.history(),
                        p -> p.layerRank() != null && row < p.layerRank().length ? p.layerRank()[row] : Double.NaN));
                r.setSeriesPaint(s, colors.get(i));
                r.setSeriesStroke(s, CnnFigures.STYLE.stroke(2f));
            }
            // a short label: four stacked panels leave each about a hundred pixels of axis
            NumberAxis y = new NumberAxis(layer.replace(".weight", "") + " (of " + most + ")");
            y.setAutoRangeIncludesZero(false);
            fixTicks(y, ds);
            XYPlot sub = new XYPlot(ds, null, y, r);
            cursor(sub, cursorStep);
            plot.add(sub, 1);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart ch = new JFreeChart("Effective rank per layer", CnnFigures.STYLE.font(13, Font.BOLD), plot, true);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        CnnFigures.withNote(ch, "exp(entropy of s_i / sum s_j): 1 for rank one, r for r equal values");
        return ch;
    }

    /**
     * The eigenvalues of the training inputs' covariance, descending, on a log axis; the top ones drawn as images
     * beside it are marked. Eigenvalues that rounded to zero or below (pixels that never vary) cannot sit on a log
     * axis: a note counts them.
     */
    public static JFreeChart inputSpectrum(InputCovariance c) {
        XYSeries all = new XYSeries("eigenvalue", false, true);
        XYSeries top = new XYSeries("drawn as images", false, true);
        int dropped = 0;
        // a value 1e-12 of the largest is rounding, not variance: it would stretch the axis by decades of noise
        double floor = 1e-12 * Math.max(0, c.eigenvalues()[0]);
        for (int i = 0; i < c.eigenvalues().length; i++) {
            double v = c.eigenvalues()[i];
            if (!(v > floor)) {
                dropped++;
                continue;
            }
            all.add(i + 1, v, false);
            if (i < c.eigenvectors().length) top.add(i + 1, v, false);
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(all);
        ds.addSeries(top);
        XYLineAndShapeRenderer r = CnnFigures.lines();
        r.setSeriesPaint(0, new Color(0x33, 0x55, 0x88));
        r.setSeriesStroke(0, CnnFigures.STYLE.stroke(1.8f));
        r.setSeriesPaint(1, new Color(0xD0, 0x50, 0x20));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        // the index on a log axis too: the top directions, the ones drawn as images, would crowd the left edge
        SpectrumLogAxis x = new SpectrumLogAxis("index (largest first)", 1);
        XYPlot plot = new XYPlot(ds, x, new SpectrumLogAxis("eigenvalue (pixel variance)", floor > 0 ? floor : LOG_FLOOR), r);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(CnnFigures.legendLine("eigenvalues of the input covariance", new Color(0x33, 0x55, 0x88), CnnFigures.STYLE.stroke(1.8f)));
        legend.add(CnnFigures.legendLine("top " + c.eigenvectors().length + " (the images)", new Color(0xD0, 0x50, 0x20), CnnFigures.STYLE.stroke(3f)));
        plot.setFixedLegendItems(legend);
        JFreeChart ch = new JFreeChart("Input covariance spectrum", CnnFigures.STYLE.font(13, Font.BOLD), plot, true);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        CnnFigures.withNote(ch, String.format(Locale.ROOT, "first %d training images after the transform; the top %d hold %.1f%% of the variance%s",
                c.images(), c.eigenvectors().length, 100 * c.explained(c.eigenvectors().length),
                dropped > 0 ? "; " + dropped + " at zero (pixels that never vary) not drawn" : ""));
        return ch;
    }

    /**
     * Three or four labelled ticks on a short panel's axis, where the general rule (one label per six font heights)
     * leaves one: the unit is a 1-2-5 step of about a third of the data's range, fixed, so the figure host's tick rule
     * leaves it alone.
     */
    private static void fixTicks(NumberAxis y, XYSeriesCollection ds) {
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(ds);
        if (r == null || !(r.getLength() > 0)) return;
        double raw = r.getLength() / 3, p = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
        y.setRange(Math.floor(r.getLowerBound() / unit) * unit, Math.ceil(r.getUpperBound() / unit) * unit);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(unit), false, true);
    }

    /** The CSV behind {@link #spectra}: every singular value of {@code layer} at every evaluation of every run. */
    public static String spectraCsv(List<CnnRunData> runs, String layer) {
        StringBuilder sb = new StringBuilder("run,optimizer,step,layer,index,value\n");
        for (CnnRunData r : runs) {
            int row = r.layers().indexOf(layer);
            if (row < 0) continue;
            for (EvalPoint p : r.history()) {
                if (p.singularValues() == null || row >= p.singularValues().length) continue;
                double[] s = p.singularValues()[row];
                for (int k = 0; k < s.length; k++) {
                    sb.append(CnnFigureSet.quote(r.label())).append(',').append(r.optimizerKind()).append(',').append(p.step())
                            .append(',').append(CnnFigureSet.quote(layer)).append(',').append(k + 1).append(',').append(num(s[k])).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The CSV behind {@link #layerRank}. */
    public static String layerRankCsv(List<CnnRunData> runs) {
        StringBuilder sb = new StringBuilder("run,optimizer,step,layer,effective_rank\n");
        for (CnnRunData r : runs) {
            for (EvalPoint p : r.history()) {
                if (p.layerRank() == null) continue;
                for (int l = 0; l < p.layerRank().length && l < r.layers().size(); l++) {
                    sb.append(CnnFigureSet.quote(r.label())).append(',').append(r.optimizerKind()).append(',').append(p.step())
                            .append(',').append(CnnFigureSet.quote(r.layers().get(l))).append(',').append(num(p.layerRank()[l])).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Every layer name of the runs, in order of first appearance. */
    public static List<String> layers(List<CnnRunData> runs) {
        List<String> out = new ArrayList<>();
        for (CnnRunData r : runs) for (String l : r.layers()) if (r.hasSpectra() && !out.contains(l)) out.add(l);
        return out;
    }

    private static int width(CnnRunData run, int row) {
        int n = 0;
        for (EvalPoint p : run.history()) if (p.singularValues() != null && row < p.singularValues().length) n = Math.max(n, p.singularValues()[row].length);
        return n;
    }

    private static double value(EvalPoint p, int row, int k) {
        if (p.singularValues() == null || row >= p.singularValues().length || k >= p.singularValues()[row].length) return Double.NaN;
        return Math.max(LOG_FLOOR, p.singularValues()[row][k]);
    }

    private static NumberAxis stepAxis() {
        NumberAxis x = new NumberAxis("step");
        x.setAutoRangeIncludesZero(false);
        // steps are whole numbers: a short run must not get ticks at 9.5
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return x;
    }

    private static void cursor(XYPlot plot, double step) {
        if (Double.isFinite(step)) plot.addDomainMarker(new ValueMarker(step, new Color(0, 0, 0, 90), new java.awt.BasicStroke(1f)));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}

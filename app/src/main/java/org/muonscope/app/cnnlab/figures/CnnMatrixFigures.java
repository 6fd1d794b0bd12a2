package org.muonscope.app.cnnlab.figures;

import org.muonscope.engine.optim.OptimizerKind;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.SweepSummary;
import org.muonscope.app.plots.Palette;

/** The confusion-matrix heat map, the class-count bars and the sweep summaries. */
public final class CnnMatrixFigures {
    private CnnMatrixFigures() { }

    /**
     * Row-normalized confusion matrix (each true class's share of predictions) at one evaluation; cells show the
     * percentage; minority classes carry an asterisk on both axes. Null {@code point} or a point without a matrix
     * gives an empty chart with a note.
     */
    public static JFreeChart confusion(CnnRunData run, EvalPoint point) {
        int k = run.classes();
        String[] names = new String[k];
        int[] minority = run.minorityClasses();
        for (int c = 0; c < k; c++) names[c] = run.className(c) + (CnnFigures.contains(minority, c) ? " *" : "");
        SymbolAxis x = new SymbolAxis("predicted", names);
        SymbolAxis y = new SymbolAxis("true class", names);
        y.setInverted(true);
        x.setVerticalTickLabels(k > 6);
        DefaultXYZDataset ds = new DefaultXYZDataset();
        XYBlockRenderer r = new XYBlockRenderer();
        Color base = Palette.forKind(run.optimizerKind());
        r.setPaintScale(new Shade(base));
        XYPlot plot = new XYPlot(ds, x, y, r);
        String title = "Confusion matrix";
        if (point != null && point.confusion() != null) {
            int[][] m = point.confusion();
            double[] xs = new double[k * k], ys = new double[k * k], zs = new double[k * k];
            for (int t = 0; t < k; t++) {
                long rowSum = 0;
                for (int p = 0; p < k; p++) rowSum += m[t][p];
                for (int p = 0; p < k; p++) {
                    int i = t * k + p;
                    xs[i] = p;
                    ys[i] = t;
                    zs[i] = rowSum == 0 ? 0 : m[t][p] / (double) rowSum;
                    if (k <= 12) {
                        XYTextAnnotation a = new XYTextAnnotation(Long.toString(Math.round(100 * zs[i])), p, t);
                        a.setFont(CnnFigures.STYLE.font(k <= 10 ? 10 : 8, Font.PLAIN));
                        a.setPaint(zs[i] > 0.55 ? Color.WHITE : Color.DARK_GRAY);
                        a.setTextAnchor(TextAnchor.CENTER);
                        plot.addAnnotation(a);
                    }
                }
            }
            ds.addSeries("confusion", new double[][] {xs, ys, zs});
            title += " at step " + point.step() + " — " + run.label();
        }
        r.setBlockAnchor(RectangleAnchor.CENTER);
        plot.setFixedLegendItems(new LegendItemCollection());
        JFreeChart ch = new JFreeChart(title, CnnFigures.STYLE.font(13, Font.BOLD), plot, false);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (point == null) CnnFigures.withNote(ch, "no evaluation yet");
        else if (point.confusion() == null) CnnFigures.withNote(ch, "the engine did not record a confusion matrix");
        else CnnFigures.withNote(ch, "share of each true class, in percent" + (minority.length > 0 ? "; * minority class" : ""));
        return ch;
    }

    /**
     * Test accuracy of every class (columns) for every compared run (rows) at the evaluation nearest the cursor,
     * minority classes marked with an asterisk; cells show the percentage.
     */
    public static JFreeChart classHeatmap(List<CnnRunData> runs, double cursor) {
        int k = runs.stream().mapToInt(CnnRunData::classes).max().orElse(0);
        CnnRunData first = runs.isEmpty() ? null : runs.get(0);
        String[] cols = new String[k];
        int[] minority = first == null ? new int[0] : first.minorityClasses();
        for (int c = 0; c < k; c++) cols[c] = (first == null ? "" + c : first.className(c)) + (CnnFigures.contains(minority, c) ? " *" : "");
        String[] rows = runs.stream().map(CnnRunData::label).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, cols);
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis(null, rows);
        y.setInverted(true);
        DefaultXYZDataset ds = new DefaultXYZDataset();
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(new Shade(new Color(0x33, 0x55, 0x88)));
        XYPlot plot = new XYPlot(ds, x, y, r);
        long step = -1;
        List<double[]> cells = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            EvalPoint p = runs.get(i).nearest(cursor);
            if (p == null) continue;
            step = Math.max(step, p.step());
            for (int c = 0; c < p.classAccuracy().length; c++) {
                double v = p.classAccuracy()[c];
                cells.add(new double[] {c, i, Double.isNaN(v) ? 0 : v});
                if (k <= 12 && runs.size() <= 8) {
                    XYTextAnnotation a = new XYTextAnnotation(Double.isNaN(v) ? "–" : Long.toString(Math.round(100 * v)), c, i);
                    a.setFont(CnnFigures.STYLE.font(10, Font.PLAIN));
                    a.setPaint(v > 0.55 ? Color.WHITE : Color.DARK_GRAY);
                    a.setTextAnchor(TextAnchor.CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) for (int j = 0; j < 3; j++) xyz[j][i] = cells.get(i)[j];
        ds.addSeries("accuracy", xyz);
        r.setBlockAnchor(RectangleAnchor.CENTER);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart ch = new JFreeChart("Per-class accuracy" + (step >= 0 ? " at step " + step : ""),
                CnnFigures.STYLE.font(13, Font.BOLD), plot, false);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        CnnFigures.withNote(ch, "percent correct per class, at the cursor" + (minority.length > 0 ? "; * minority class" : ""));
        return ch;
    }

    /** White to the optimizer's hue, by the share in [0, 1]. */
    private record Shade(Color base) implements PaintScale {
        @Override public double getLowerBound() { return 0; }
        @Override public double getUpperBound() { return 1; }
        @Override public java.awt.Paint getPaint(double v) {
            double t = Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v));
            return Palette.blend(Color.WHITE, base.darker(), Math.sqrt(t));
        }
    }

    /** Training images per class after the transform; minority classes in the darker shade. */
    public static JFreeChart classCounts(List<String> classNames, int[] counts, int[] minority, String title) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int c = 0; c < counts.length; c++) ds.addValue(counts[c], "images", c < classNames.size() ? classNames.get(c) : "" + c);
        CategoryAxis x = new CategoryAxis(null);
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis("training images");
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return CnnFigures.contains(minority, column) ? new Color(0xD5, 0x5E, 0x00) : new Color(0x56, 0x77, 0x99);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart ch = new JFreeChart(title, CnnFigures.STYLE.font(13, Font.BOLD), plot, false);
        ch.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(CnnFigures.STYLE.grid());
        ch.getTitle().setPaint(CnnFigures.STYLE.foreground());
        if (minority.length > 0) CnnFigures.withNote(ch, "orange: minority classes");
        return ch;
    }

    /** One sweep summary: a line with markers per series, the swept value on x, the seeds' range as a band. */
    public static JFreeChart sweep(SweepSummary.Chart c) {
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        boolean gap = c.series().size() == 1 && c.series().get(0).name().contains("−");
        int maxSeeds = 0;
        for (int i = 0; i < c.series().size(); i++) {
            SweepSummary.Series s = c.series().get(i);
            YIntervalSeries xs = new YIntervalSeries(s.name(), true, true);
            maxSeeds = Math.max(maxSeeds, max(s.n()));
            for (int j = 0; j < s.x().length; j++) xs.add(s.x()[j], s.y()[j], s.lo()[j], s.hi()[j]);
            ds.addSeries(xs);
            Color col = gap ? Palette.forKind("muon") : colorFor(s.name(), i);
            r.setSeriesPaint(i, col);
            r.setSeriesFillPaint(i, col);
            r.setSeriesStroke(i, CnnFigures.STYLE.stroke(2f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        XYPlot plot = new XYPlot(ds, sweepAxis(c), null, r);
        NumberAxis y = new NumberAxis(c.yLabel());
        y.setAutoRangeIncludesZero(gap);
        plot.setRangeAxis(y);
        if (gap) plot.addRangeMarker(new ValueMarker(0, Color.GRAY, CnnFigures.STYLE.dashed(1f)));
        JFreeChart ch = new JFreeChart(c.title(), CnnFigures.STYLE.font(13, Font.BOLD), plot, true);
        CnnFigures.STYLE.apply(ch);
        ch.getTitle().setFont(CnnFigures.STYLE.font(13, Font.BOLD));
        if (ds.getSeriesCount() == 0 || ds.getItemCount(0) == 0) CnnFigures.withNote(ch, "waiting for cells to reach the measured step");
        else if (maxSeeds > 1) CnnFigures.withNote(ch, "mean over seeds (up to " + maxSeeds + "), band: lowest to highest seed");
        return ch;
    }

    /**
     * The swept value's axis: logarithmic when the values span a factor of 8 or more (imbalance ratios 1 to 50),
     * linear otherwise; a fixed margin around the values, so a single point does not collapse the range.
     */
    static org.jfree.chart.axis.ValueAxis sweepAxis(SweepSummary.Chart c) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SweepSummary.Series s : c.series()) {
            for (double v : s.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo <= hi)) {
            NumberAxis a = new NumberAxis(c.xLabel());
            a.setRange(0, 1);
            return a;
        }
        if (lo > 0 && hi / lo >= 8) {
            java.util.TreeSet<Double> values = new java.util.TreeSet<>();
            for (SweepSummary.Series s : c.series()) for (double v : s.x()) values.add(v);
            org.jfree.chart.axis.LogAxis a = new ValuesLogAxis(c.xLabel() + " (log scale)", values);
            a.setBase(10);
            a.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
            a.setSmallestValue(lo / 2);
            a.setRange(lo / 1.4, hi * 1.4);
            a.setMinorTickMarksVisible(true);
            return a;
        }
        NumberAxis a = new NumberAxis(c.xLabel());
        double pad = hi > lo ? 0.08 * (hi - lo) : Math.max(0.5, Math.abs(lo) * 0.5);
        a.setRange(lo - pad, hi + pad);
        return a;
    }

    /** A log axis whose ticks (and grid lines) sit on the swept values themselves: 1, 5, 10, 20, 50. */
    private static final class ValuesLogAxis extends org.jfree.chart.axis.LogAxis {
        private final java.util.Set<Double> values;

        ValuesLogAxis(String label, java.util.Set<Double> values) {
            super(label);
            this.values = values;
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected List refreshTicksHorizontal(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                                              org.jfree.chart.ui.RectangleEdge edge) {
            List<org.jfree.chart.axis.NumberTick> ticks = new java.util.ArrayList<>();
            java.text.DecimalFormat f = new java.text.DecimalFormat("0.##");
            for (double v : values) {
                ticks.add(new org.jfree.chart.axis.NumberTick(v, f.format(v), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }

    private static Color colorFor(String label, int i) {
        String l = label.toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith("muon")) return Palette.forKind("muon");
        if (l.startsWith("adam")) return Palette.forKind("adam");
        if (l.startsWith("sgd") || l.startsWith("gd")) return Palette.forKind("gd");
        for (String k : org.muonscope.engine.optim.OptimizerKind.ids()) if (l.startsWith(k)) return Palette.forKind(k);
        return Palette.forKind(org.muonscope.engine.optim.OptimizerKind.ids().get(i % 8));
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) m = Math.max(m, v);
        return m;
    }
}

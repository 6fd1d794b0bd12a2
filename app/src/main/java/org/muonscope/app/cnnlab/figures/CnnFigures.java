package org.muonscope.app.cnnlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.Palette;

/**
 * The CNN Lab's line figures, built from run data alone (no JavaFX), so the window, its exports and
 * {@code muonscope plot} draw the same charts. Each call returns a fresh chart.
 */
public final class CnnFigures {
    public static final ChartStyle STYLE = new ChartStyle(false, 1.0, List.of());
    private static final float MINORITY_WIDTH = 2.8f;
    private static final float MAJORITY_WIDTH = 1.2f;

    private CnnFigures() { }

    /** Hue of a run among several: the optimizer's color; repeated kinds are shaded so lines stay apart. */
    public static List<Color> runColors(List<CnnRunData> runs) {
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String kind = runs.get(i).optimizerKind();
            int same = 0, total = 0;
            for (int j = 0; j < runs.size(); j++) {
                if (runs.get(j).optimizerKind().equals(kind)) {
                    if (j < i) same++;
                    total++;
                }
            }
            out.add(Palette.shade(Palette.forKind(kind), same, Math.max(total, 2), Color.WHITE));
        }
        return out;
    }

    /**
     * Test accuracy of every class of one run over steps; the minority classes are drawn thick and dark, the
     * others thin and light. A vertical line marks the cursor.
     */
    public static JFreeChart classAccuracy(CnnRunData run, double cursorStep) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lines();
        Color base = Palette.forKind(run.optimizerKind());
        int[] minority = run.minorityClasses();
        LegendItemCollection legend = new LegendItemCollection();
        for (int c = 0; c < run.classes(); c++) {
            int cls = c;
            ds.addSeries(series(run.className(c), run.history(), p -> p.classAccuracy()[cls]));
            boolean minor = contains(minority, c);
            // With balanced data no class is singled out: every class in a shade of the optimizer's hue.
            double light = minority.length == 0 ? 0.1 + 0.45 * c / Math.max(1, run.classes() - 1)
                    : 0.35 + 0.35 * c / Math.max(1, run.classes() - 1);
            Color col = minor ? base.darker() : Palette.blend(base, Color.WHITE, light);
            r.setSeriesPaint(c, col);
            r.setSeriesStroke(c, STYLE.stroke(minor ? MINORITY_WIDTH : minority.length == 0 ? 1.5f : MAJORITY_WIDTH));
        }
        // a folder without the lab's class counts cannot tell balanced from imbalanced data: say only what is known
        String every = run.info() == null ? "every class (class counts unknown)" : "every class (balanced data)";
        legend.add(minority.length == 0 ? legendLine(every, Palette.blend(base, Color.WHITE, 0.3), STYLE.stroke(1.5f))
                : legendLine("minority classes", base.darker(), STYLE.stroke(MINORITY_WIDTH)));
        if (minority.length > 0) legend.add(legendLine("other classes", Palette.blend(base, Color.WHITE, 0.5), STYLE.stroke(MAJORITY_WIDTH)));
        JFreeChart ch = chart("Per-class test accuracy — " + run.label(), "step", "test accuracy", ds, r, legend);
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    /** Balanced (solid) and worst-class (dashed) test accuracy of each run. */
    public static JFreeChart balancedWorst(List<CnnRunData> runs, double cursorStep) {
        JFreeChart ch = perRun("Balanced and worst-class accuracy", "accuracy", runs,
                List.of(new Metric("balanced", EvalPoint::balancedAccuracy, STYLE.stroke(2f)),
                        new Metric("worst class", EvalPoint::worstClassAccuracy, STYLE.dashed(1.6f))));
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    public static JFreeChart trainLoss(List<CnnRunData> runs, double cursorStep) {
        JFreeChart ch = perRun("Training loss", "train loss", runs, List.of(new Metric("", EvalPoint::trainLoss, STYLE.stroke(2f))));
        cursor(ch, cursorStep);
        return ch;
    }

    /** Overall test accuracy of each run (the experiment panel for plain and imbalanced runs). */
    public static JFreeChart testAccuracy(List<CnnRunData> runs, double cursorStep) {
        JFreeChart ch = perRun("Test accuracy", "accuracy", runs, List.of(new Metric("", EvalPoint::testAccuracy, STYLE.stroke(2f))));
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    /** Imbalanced runs: mean accuracy of the minority classes (solid) and of the others (dashed) per run. */
    public static JFreeChart minorityAccuracy(List<CnnRunData> runs, double cursorStep) {
        List<Metric> metrics = List.of(new Metric("minority classes", null, STYLE.stroke(2.4f)),
                new Metric("other classes", null, STYLE.dashed(1.4f)));
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lines();
        LegendItemCollection legend = new LegendItemCollection();
        List<Color> colors = runColors(runs);
        for (int i = 0; i < runs.size(); i++) {
            CnnRunData run = runs.get(i);
            int[] minority = run.minorityClasses(), majority = complement(minority, run.classes());
            legend.add(legendLine(run.label(), colors.get(i), STYLE.stroke(3f)));
            int s = ds.getSeriesCount();
            ds.addSeries(series(new RunSeries(run.label() + " minority classes", i), run.history(), p -> p.meanAccuracy(minority)));
            ds.addSeries(series(new RunSeries(run.label() + " other classes", i), run.history(), p -> p.meanAccuracy(majority)));
            r.setSeriesPaint(s, colors.get(i));
            r.setSeriesStroke(s, metrics.get(0).stroke());
            r.setSeriesPaint(s + 1, colors.get(i));
            r.setSeriesStroke(s + 1, metrics.get(1).stroke());
        }
        for (Metric m : metrics) legend.add(legendLine(m.name(), STYLE.faint(), m.stroke()));
        JFreeChart ch = chart("Minority vs other classes", "step", "mean class accuracy", ds, r, legend);
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    /** The classes not in {@code a}, of {@code k}. */
    public static int[] complement(int[] a, int k) {
        return java.util.stream.IntStream.range(0, k).filter(c -> !contains(a, c)).toArray();
    }

    /** Spurious-pixel runs: accuracy on clean test images (solid) and on images carrying the pixel (dashed). */
    public static JFreeChart cleanVsSpurious(List<CnnRunData> runs, double cursorStep) {
        JFreeChart ch = perRun("Clean vs spurious test accuracy", "accuracy", runs,
                List.of(new Metric("clean", EvalPoint::cleanAccuracy, STYLE.stroke(2f)),
                        new Metric("with pixel", EvalPoint::spuriousAccuracy, STYLE.dashed(1.6f))));
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    /** Colored digits: accuracy of every (label, color) group of one run; the worst group thick. */
    public static JFreeChart groups(CnnRunData run, double cursorStep) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lines();
        Color base = Palette.forKind(run.optimizerKind());
        int g = run.history().isEmpty() ? 0 : run.history().get(run.history().size() - 1).groupAccuracy().length;
        for (int i = 0; i < g; i++) {
            int gi = i;
            String name = run.info() != null && i < run.info().groupNames().size() ? run.info().groupNames().get(i) : "group " + i;
            ds.addSeries(series(name, run.history(), p -> gi < p.groupAccuracy().length ? p.groupAccuracy()[gi] : Double.NaN));
            r.setSeriesPaint(i, Palette.blend(base, Color.WHITE, 0.25 + 0.5 * i / Math.max(1, g - 1)));
            r.setSeriesStroke(i, STYLE.stroke(MAJORITY_WIDTH));
        }
        ds.addSeries(series("worst group", run.history(), EvalPoint::worstGroupAccuracy));
        r.setSeriesPaint(g, Color.BLACK);
        r.setSeriesStroke(g, STYLE.stroke(MINORITY_WIDTH));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendLine("each (label, color) group", Palette.blend(base, Color.WHITE, 0.4), STYLE.stroke(MAJORITY_WIDTH)));
        legend.add(legendLine("worst group", Color.BLACK, STYLE.stroke(MINORITY_WIDTH)));
        JFreeChart ch = chart("Per-group accuracy — " + run.label(), "step", "accuracy", ds, r, legend);
        unitRange(ch);
        cursor(ch, cursorStep);
        return ch;
    }

    record Metric(String name, ToDoubleFunction<EvalPoint> f, Stroke stroke) { }

    private static JFreeChart perRun(String title, String yLabel, List<CnnRunData> runs, List<Metric> metrics) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lines();
        LegendItemCollection legend = new LegendItemCollection();
        List<Color> colors = runColors(runs);
        for (int i = 0; i < runs.size(); i++) {
            CnnRunData run = runs.get(i);
            legend.add(legendLine(run.label(), colors.get(i), STYLE.stroke(3f)));
            for (Metric m : metrics) {
                int s = ds.getSeriesCount();
                ds.addSeries(series(new RunSeries(run.label() + (m.name().isEmpty() ? "" : " " + m.name()), i), run.history(), m.f()));
                r.setSeriesPaint(s, colors.get(i));
                r.setSeriesStroke(s, m.stroke());
            }
        }
        if (metrics.size() > 1) for (Metric m : metrics) legend.add(legendLine(m.name(), STYLE.faint(), m.stroke()));
        return chart(title, "step", yLabel, ds, r, legend);
    }

    /**
     * The key of a run's series: two compared runs may carry the same label, so the run's index keeps keys apart;
     * the name alone is what the hover readout shows.
     */
    record RunSeries(String name, int run) implements Comparable<RunSeries> {
        @Override
        public int compareTo(RunSeries o) {
            return run != o.run ? Integer.compare(run, o.run) : name.compareTo(o.name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static XYSeries series(Comparable<?> key, List<EvalPoint> history, ToDoubleFunction<EvalPoint> f) {
        XYSeries s = new XYSeries(key, false, true);
        for (EvalPoint p : history) {
            double v = f.applyAsDouble(p);
            if (Double.isFinite(v)) s.add(p.step(), v, false);
        }
        return s;
    }

    static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new Lines();
        r.setDefaultSeriesVisibleInLegend(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    static JFreeChart chart(String title, String xLabel, String yLabel, XYSeriesCollection ds, XYLineAndShapeRenderer r,
                            LegendItemCollection legend) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        // steps are whole numbers: a short run must not get ticks at 9.5
        if (xLabel.equals("step")) x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(ds, x, y, r);
        plot.setFixedLegendItems(legend);
        JFreeChart ch = new JFreeChart(title, STYLE.font(13, Font.BOLD), plot, true);
        STYLE.apply(ch);
        ch.getTitle().setFont(STYLE.font(13, Font.BOLD));
        return ch;
    }

    static void unitRange(JFreeChart ch) {
        ((XYPlot) ch.getPlot()).getRangeAxis().setRange(0, 1.02);
    }

    static void cursor(JFreeChart ch, double step) {
        if (Double.isFinite(step)) {
            ValueMarker m = new ValueMarker(step, new Color(0, 0, 0, 90), new BasicStroke(1f));
            ((XYPlot) ch.getPlot()).addDomainMarker(m);
        }
    }

    static LegendItem legendLine(String label, Color paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-9, 0, 9, 0), stroke, paint);
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    /** A note under the title, e.g. why a panel is empty. */
    public static JFreeChart withNote(JFreeChart ch, String note) {
        TextTitle t = new TextTitle(note, STYLE.font(11, Font.PLAIN));
        t.setPaint(STYLE.faint());
        ch.addSubtitle(t);
        return ch;
    }

    /**
     * Lines without markers, except for a curve of one point, which a line cannot show: a run evaluated once (the
     * command line's default, at the epoch's end) would otherwise leave every figure empty.
     */
    static final class Lines extends XYLineAndShapeRenderer {
        Lines() {
            super(true, false);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            if (super.getItemShapeVisible(series, item)) return true;
            XYPlot p = getPlot();
            org.jfree.data.xy.XYDataset d = p == null ? null : p.getDataset(p.getIndexOf(this));
            return d != null && series < d.getSeriesCount() && d.getItemCount(series) == 1;
        }
    }
}

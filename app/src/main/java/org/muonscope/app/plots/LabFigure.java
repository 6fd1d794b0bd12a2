package org.muonscope.app.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * One figure of the Theory Lab: a JFreeChart that is rebuilt from {@link RunData} when a run streams in and
 * revealed up to a cursor during the animation. The same object draws on screen and into every export.
 */
public abstract class LabFigure {
    /**
     * Decimation columns are this many pixels wide: the plot area is narrower than the figure, and at 2-3 px a
     * column the kept envelope is indistinguishable from the full curve while the path is a third as long.
     */
    public static final int PIXELS_PER_BUCKET = 3;
    protected JFreeChart chart;
    private double cursor = Double.POSITIVE_INFINITY;

    /** The file-name stem of the figure: {@code trajectories}, {@code metrics}, ... */
    public abstract String name();

    public abstract String title();

    public JFreeChart chart() {
        return chart;
    }

    /** Rebuilds the datasets from {@code data}, decimated to about {@code pixelWidth} columns. */
    public final void update(RunData data, ChartStyle style, int pixelWidth) {
        chart.setNotify(false);
        try {
            rebuild(data, style, Math.max(100, pixelWidth / PIXELS_PER_BUCKET));
            style.apply(chart);
            styled(style);
            reveal(cursor);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Shows the curves up to {@code step} and moves the cursor line there; one redraw. */
    public final void setCursor(double step) {
        cursor = step;
        chart.setNotify(false);
        try {
            reveal(step);
        } finally {
            chart.setNotify(true);
        }
    }

    public double cursor() {
        return cursor;
    }

    protected abstract void rebuild(RunData data, ChartStyle style, int buckets);

    /** Styles what the theme must not touch (e.g. a red warning), after the theme is applied. */
    protected void styled(ChartStyle style) { }

    /**
     * How many leading snapshots of a slot to draw: all of them, except for a diverged optimizer, whose curve
     * stops where its diagonal leaves {@code [-bound, bound]} or turns non-finite. The blow-up before the NaN
     * is real but would paint the plot solid and squash every other curve; the legend and a red line say what
     * happened instead.
     */
    protected static int drawable(RunData.Slot slot, double bound) {
        java.util.List<TheoryPoint> snaps = slot.snapshots();
        if (!slot.diverged()) return snaps.size();
        for (int i = 0; i < snaps.size(); i++) {
            for (double v : snaps.get(i).diag()) {
                if (!Double.isFinite(v) || Math.abs(v) > bound) return i;
            }
        }
        return snaps.size();
    }

    /** The largest target {@code w*_c} of the data's spec, the scale the bound above is set from. */
    protected static double maxWStar(RunData data) {
        double m = 0;
        for (double w : org.muonscope.app.common.TheoryFormulas.wStar(data.spec())) m = Math.max(m, Math.abs(w));
        return m;
    }

    protected static double[] head(double[] a, int n) {
        return n >= a.length ? a : java.util.Arrays.copyOf(a, n);
    }

    /** Moves the cursor; the default figure does not animate. */
    protected void reveal(double step) { }

    // ---- helpers shared by the figures ----

    protected static JFreeChart newChart(String title, Plot plot) {
        JFreeChart c = new JFreeChart(title, new Font(ChartStyle.FONT, Font.BOLD, 15), plot, true);
        c.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 8));
        return c;
    }

    protected static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    protected static XYLineAndShapeRenderer shapes() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesShape(false);
        return r;
    }

    protected static LegendItem legendLine(String label, Paint paint, Stroke stroke) {
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        LegendItem item = new LegendItem(label, null, null, null, line, stroke, paint);
        return item;
    }

    protected static LegendItem legendShape(String label, Paint paint, Shape shape, boolean filled) {
        return new LegendItem(label, null, null, null, true, shape, filled, paint, !filled, paint,
                new BasicStroke(1.5f), false, new Line2D.Double(), new BasicStroke(1f), paint);
    }

    /** Sets a fixed axis range from the full (unrevealed) data so the axes do not jump while animating. */
    protected static void fixRange(ValueAxis axis, double lo, double hi, double margin) {
        if (!(hi > lo)) { lo = lo - 0.5; hi = lo + 1; }
        double pad = (hi - lo) * margin;
        axis.setRange(lo - pad, hi + pad);
    }

    /** Finite min and max of arrays, ignoring NaN and infinities. */
    protected static double[] finiteBounds(Iterable<double[]> arrays) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Class order by prior, smallest first: rank 0 is the minority class (drawn darkest and thickest). */
    protected static int[] rankByPrior(double[] priors) {
        Integer[] idx = new Integer[priors.length];
        for (int c = 0; c < idx.length; c++) idx[c] = c;
        Arrays.sort(idx, (a, b) -> Double.compare(priors[a], priors[b]));
        int[] rank = new int[priors.length];
        for (int r = 0; r < idx.length; r++) rank[idx[r]] = r;
        return rank;
    }

    protected static NumberAxis stepAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    protected static Color classColor(ChartStyle style, int slot, int rank, int k) {
        return Palette.shade(style.slot(slot), rank, k, style.background());
    }

    protected static float classWidth(int rank) {
        return rank == 0 ? 2.8f : 1.3f;
    }
}

package org.muonscope.app.simplicitylab;

import org.muonscope.engine.experiments.routing.RoutingRun;

import org.muonscope.engine.experiments.dln.DlnRun;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.Palette;

/**
 * The Simplicity Lab's figures as JFreeCharts (so the window, PNG, SVG and PDF show the same thing). Every
 * {@code show*} method redraws one chart for the records up to {@code cursor} (a step), which is how the
 * animation reveals training.
 */
final class SimplicityCharts {
    static final ChartStyle STYLE = new ChartStyle(false, 1.0, List.of());
    private static final double LOG_FLOOR = 1e-6;
    /** Turns (direction changes) in a run's last quarter that make a series count as oscillating. */
    static final int MIN_TURNS = 4;
    static final double RIGHT_PAD = 22;

    private SimplicityCharts() {
    }

    static JFreeChart lineChart(String title, String x, String y, boolean logY) {
        NumberAxis xAxis = new NumberAxis(x);
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xAxis, logY ? logAxis(y) : new NumberAxis(y),
                new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart(title, new Font(ChartStyle.FONT, Font.BOLD, 14), plot, true);
        STYLE.apply(chart);
        // room for the last x label, which is centred on the plot's right edge and was cut off there
        chart.setPadding(new RectangleInsets(2, 2, 2, RIGHT_PAD));
        return chart;
    }

    private static LogAxis logAxis(String label) {
        return new DecadeLogAxis(label, LOG_FLOOR);
    }

    /**
     * The peak-to-peak range of {@code values} over their last quarter when they oscillate there (at least
     * {@link #MIN_TURNS} turns), else NaN. A swing this fast draws as a solid band on a log axis; the legend says
     * its size so it does not read as a thick line.
     */
    static double swing(double[] values) {
        int from = values.length * 3 / 4;
        if (values.length - from < MIN_TURNS + 2) return Double.NaN;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int turns = 0;
        double lastDiff = 0;
        for (int i = from; i < values.length; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
            if (i == from) continue;
            double d = values[i] - values[i - 1];
            if (d != 0) {
                if (lastDiff != 0 && Math.signum(d) != Math.signum(lastDiff)) turns++;
                lastDiff = d;
            }
        }
        // rounding noise turns too; only a swing of more than 10% shows as a band on a log axis
        boolean visible = hi - lo > 0.1 * Math.max(Math.abs(hi), Math.abs(lo));
        return turns >= MIN_TURNS && visible ? hi - lo : Double.NaN;
    }

    private static String withSwing(String name, String what, double swing) {
        return Double.isNaN(swing) ? name : String.format(Locale.ROOT, "%s (%sswings %.2g peak to peak)", name, what, swing);
    }

    /** Simulated singular values (solid) and the closed forms (dashed), per optimizer and mode. */
    static void showSingularValues(JFreeChart chart, DlnRun r, double cursor) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        if (r != null) {
            for (DlnRun.Trace t : r.traces()) {
                Color c = Palette.forKind(t.optimizer().kind());
                int d = r.targetSingularValues().length;
                for (int k = 0; k < d; k++) {
                    XYSeries sim = new XYSeries(t.label() + " sigma" + (k + 1), false, true);
                    XYSeries th = new XYSeries(t.label() + " theory" + (k + 1), false, true);
                    for (DlnRun.Point p : t.points()) {
                        if (p.step() > cursor) break;
                        sim.add(p.step(), p.sigma()[k]);
                        if (!Double.isNaN(p.theory()[k])) th.add(p.step(), p.theory()[k]);
                    }
                    data.addSeries(sim);
                    ren.setSeriesPaint(series, c);
                    ren.setSeriesStroke(series, STYLE.stroke(2f));
                    ren.setSeriesVisibleInLegend(series, k == 0);
                    series++;
                    if (th.getItemCount() > 0) {
                        data.addSeries(th);
                        ren.setSeriesPaint(series, c.darker());
                        ren.setSeriesStroke(series, STYLE.dashed(1.2f));
                        ren.setSeriesVisibleInLegend(series, k == 0);
                        series++;
                    }
                }
            }
        }
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(data);
        plot.setRenderer(ren);
        plot.clearRangeMarkers();
        if (r != null) {
            for (double s : r.targetSingularValues()) {
                ValueMarker m = new ValueMarker(s, STYLE.faint(), new BasicStroke(0.8f));
                plot.addRangeMarker(m);
            }
            fixDomain(plot, r.spec().steps());
        }
    }

    /** The loss per optimizer on a log axis: GD's plateaus are the flat stretches. */
    static void showLoss(JFreeChart chart, DlnRun r, double cursor) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, false);
        if (r != null) {
            int i = 0;
            for (DlnRun.Trace t : r.traces()) {
                double[] loss = t.points().stream().mapToDouble(p -> Math.max(LOG_FLOOR, p.loss())).toArray();
                XYSeries s = new XYSeries(withSwing(t.label(), "", swing(loss)), false, true);
                for (DlnRun.Point p : t.points()) {
                    if (p.step() > cursor) break;
                    s.add(p.step(), Math.max(LOG_FLOOR, p.loss()));
                }
                data.addSeries(s);
                ren.setSeriesPaint(i, Palette.forKind(t.optimizer().kind()));
                ren.setSeriesStroke(i, STYLE.stroke(2f));
                i++;
            }
            fixDomain(chart.getXYPlot(), r.spec().steps());
        }
        chart.getXYPlot().setDataset(data);
        chart.getXYPlot().setRenderer(ren);
    }

    /**
     * {@code |sigma_k - s_k|} per optimizer and mode on a log scale: GD's distance keeps shrinking, SpecGD's stops at
     * a floor set by its step (the oscillation), which the step-size slider moves.
     */
    static void showDistance(JFreeChart chart, DlnRun r, double cursor) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, false);
        if (r != null) {
            int i = 0;
            double[] s = r.targetSingularValues();
            for (DlnRun.Trace t : r.traces()) {
                Color c = Palette.forKind(t.optimizer().kind());
                for (int k = 0; k < s.length; k++) {
                    int kk = k;
                    double[] dist = t.points().stream().mapToDouble(p -> Math.max(LOG_FLOOR, Math.abs(p.sigma()[kk] - s[kk]))).toArray();
                    // the band is sigma_k swinging near s_k: name the swing of sigma_k itself (as the slider's label does)
                    double sw = Double.isNaN(swing(dist)) ? Double.NaN : t.oscillation()[k];
                    XYSeries ser = new XYSeries(withSwing(t.label() + " |sigma" + (k + 1) + " - s" + (k + 1) + "|",
                            "sigma" + (k + 1) + " ", sw), false, true);
                    for (DlnRun.Point p : t.points()) {
                        if (p.step() > cursor) break;
                        ser.add(p.step(), Math.max(LOG_FLOOR, Math.abs(p.sigma()[k] - s[k])));
                    }
                    data.addSeries(ser);
                    ren.setSeriesPaint(i, k == 0 ? c : c.brighter());
                    ren.setSeriesStroke(i, k == 0 ? STYLE.stroke(1.6f) : STYLE.dashed(1.4f));
                    i++;
                }
            }
            fixDomain(chart.getXYPlot(), r.spec().steps());
        }
        chart.getXYPlot().setDataset(data);
        chart.getXYPlot().setRenderer(ren);
    }

    /** Seen (dashed) and unseen (solid) error over training, a vertical line at the cursor. */
    static void showRoutingErrors(JFreeChart chart, RoutingRun r, double cursor) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = chart.getXYPlot();
        plot.clearDomainMarkers();
        if (r != null) {
            int i = 0;
            for (RoutingRun.Trace t : r.traces()) {
                XYSeries seen = new XYSeries(t.label() + " seen", false, true);
                XYSeries unseen = new XYSeries(t.label() + " unseen", false, true);
                for (RoutingRun.Point p : t.points()) {
                    seen.add(p.step(), Math.max(LOG_FLOOR, p.seenError()));
                    unseen.add(p.step(), Math.max(LOG_FLOOR, p.unseenError()));
                }
                Color c = Palette.forKind(t.optimizer().kind());
                data.addSeries(seen);
                ren.setSeriesPaint(i, c);
                ren.setSeriesStroke(i++, STYLE.dashed(1.6f));
                data.addSeries(unseen);
                ren.setSeriesPaint(i, c);
                ren.setSeriesStroke(i++, STYLE.stroke(2.2f));
            }
            plot.addDomainMarker(new ValueMarker(cursor, STYLE.faint(), new BasicStroke(1f)));
            fixDomain(plot, r.spec().steps());
        }
        plot.setDataset(data);
        plot.setRenderer(ren);
    }

    /** W_h's singular values at the record nearest the cursor, one line per optimizer. */
    static void showSpectrum(JFreeChart chart, RoutingRun r, double cursor) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, true);
        if (r != null) {
            int i = 0;
            for (RoutingRun.Trace t : r.traces()) {
                RoutingRun.Point p = at(t, cursor);
                XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (effective rank %.1f)", t.label(), p.effectiveRank()));
                for (int k = 0; k < p.hiddenSpectrum().length; k++) s.add(k + 1, Math.max(LOG_FLOOR, p.hiddenSpectrum()[k]));
                data.addSeries(s);
                ren.setSeriesPaint(i, Palette.forKind(t.optimizer().kind()));
                ren.setSeriesStroke(i, STYLE.stroke(1.6f));
                ren.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
                i++;
            }
        }
        chart.getXYPlot().setDataset(data);
        chart.getXYPlot().setRenderer(ren);
    }

    /** The record at or before {@code cursor} (the first one before any). */
    static RoutingRun.Point at(RoutingRun.Trace t, double cursor) {
        RoutingRun.Point best = t.points().get(0);
        for (RoutingRun.Point p : t.points()) {
            if (p.step() > cursor + 1e-9) break;
            best = p;
        }
        return best;
    }

    /** An empty 7 x 7 grid chart: x = output domain, y = input domain (1 at the top). */
    static JFreeChart gridChart(String title) {
        NumberAxis x = new NumberAxis("output domain");
        NumberAxis y = new NumberAxis("input domain");
        for (NumberAxis a : List.of(x, y)) {
            a.setRange(0.5, 7.5);
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        }
        y.setInverted(true);
        XYBlockRenderer ren = new XYBlockRenderer();
        ren.setPaintScale(new ErrorScale());
        XYPlot plot = new XYPlot(new DefaultXYZDataset(), x, y, ren);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(ChartStyle.FONT, Font.BOLD, 14), plot, false);
        STYLE.apply(chart);
        return chart;
    }

    /** Colors every (input, output) cell by its error at the cursor; trained cells get a black frame. */
    static void showGrid(JFreeChart chart, RoutingRun.Trace t, double cursor) {
        XYPlot plot = chart.getXYPlot();
        plot.clearAnnotations();
        DefaultXYZDataset data = new DefaultXYZDataset();
        chart.clearSubtitles();
        if (t != null) {
            RoutingRun.Point p = at(t, cursor);
            double[][] g = p.errorGrid();
            int m = g.length;
            double[][] series = new double[3][m * m];
            for (int j = 0; j < m; j++) {
                for (int o = 0; o < m; o++) {
                    int i = j * m + o;
                    series[0][i] = o + 1;
                    series[1][i] = j + 1;
                    series[2][i] = g[j][o];
                    XYTextAnnotation txt = new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", g[j][o]), o + 1, j + 1);
                    txt.setFont(STYLE.font(10, Font.PLAIN));
                    txt.setPaint(g[j][o] > 0.55 ? Color.WHITE : new Color(0x22, 0x22, 0x22));
                    plot.addAnnotation(txt);
                    if (o == j || o == (j + 1) % m) {
                        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(o + 0.56, j + 0.56, 0.88, 0.88),
                                new BasicStroke(2.5f), Color.BLACK));
                    }
                }
            }
            data.addSeries("error", series);
            chart.setTitle(t.label() + ": error per (input, output) pair");
            TextTitle sub = new TextTitle(String.format(Locale.ROOT,
                    "step %d   seen %.3f   unseen %.3f   framed = trained", p.step(), p.seenError(), p.unseenError()));
            sub.setFont(STYLE.font(11, Font.PLAIN));
            sub.setPaint(STYLE.faint());
            chart.addSubtitle(sub);
        }
        plot.setDataset(data);
    }

    private static void fixDomain(XYPlot plot, int steps) {
        plot.getDomainAxis().setAutoRange(false);
        plot.getDomainAxis().setRange(0, Math.max(1, steps));
    }

    /** Error 0 (white) to 1 and above (deep red): the unseen memorization shows at a glance. */
    static final class ErrorScale implements PaintScale {
        @Override public double getLowerBound() { return 0; }

        @Override public double getUpperBound() { return 1; }

        @Override public Paint getPaint(double v) {
            double x = Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
            double g = Math.pow(x, 0.6);
            return new Color((int) Math.round(255 - 75 * g), (int) Math.round(255 - 225 * g), (int) Math.round(255 - 215 * g));
        }
    }
}

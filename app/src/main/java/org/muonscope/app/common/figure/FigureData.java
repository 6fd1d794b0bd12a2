package org.muonscope.app.common.figure;

import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * What the mouse can ask about a drawn figure, copied out of the chart by the render thread right after it drew
 * it: each panel's data area and axes, and the curves (name, colour, points), heat-map cells or bars in it. The FX
 * thread answers hover, zoom and pan from this alone and never touches the chart, which belongs to the render thread.
 *
 * @param fontPx the chart's tick-label size, so the readout grows with presenter mode
 * @param dark   whether the chart's background is dark (the readout follows the theme)
 */
public record FigureData(List<Panel> panels, double fontPx, boolean dark) {

    /** A curve of the figure: a series drawn as a line (or a row of markers) with at least two points. */
    public record Curve(String name, Color color, double[] x, double[] y, boolean revealed) {
        /** The index of the point nearest {@code v} in x among the first {@code n}, or -1. */
        int nearest(double v, int n) {
            if (n <= 0) return -1;
            int lo = 0, hi = n - 1;
            boolean ascending = x[0] <= x[n - 1];
            if (!ascending) {
                int best = 0;
                for (int i = 1; i < n; i++) if (Math.abs(x[i] - v) < Math.abs(x[best] - v)) best = i;
                return best;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x[mid] < v) lo = mid + 1;
                else hi = mid;
            }
            return lo > 0 && Math.abs(x[lo - 1] - v) <= Math.abs(x[lo] - v) ? lo - 1 : lo;
        }

        /** How many leading points are shown when the figure is revealed up to {@code cursor}. */
        int shown(double cursor) {
            if (!revealed) return x.length;
            int lo = 0, hi = x.length; // a revealed curve is a function of the step: x ascends
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x[mid] <= cursor) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /** Heat-map cells: cell {@code i} covers {@code [x+dx, x+dx+w] x [y+dy, y+dy+h]} and holds {@code z}. */
    public record Cells(double[] x, double[] y, double[] z, double w, double h, double dx, double dy) { }

    /** Bars of a category plot: one value per category, centred at a pixel column. */
    public record Bars(String series, String[] categories, double[] centers, double halfWidth, double[] values) { }

    /**
     * One plot area.
     *
     * @param x null for a category axis
     */
    public record Panel(int index, javafx.geometry.Rectangle2D area, AxisMap x, AxisMap y, List<Curve> curves, Cells cells, Bars bars) {
        public boolean contains(double px, double py) {
            return area.contains(px, py);
        }
    }

    /** The panel under a point, or the nearest one in y when the point is in a gap between stacked panels. */
    public Panel panelAt(double px, double py) {
        Panel best = null;
        double dist = Double.MAX_VALUE;
        for (Panel p : panels) {
            if (px < p.area().getMinX() || px > p.area().getMaxX()) continue;
            double d = py < p.area().getMinY() ? p.area().getMinY() - py : py > p.area().getMaxY() ? py - p.area().getMaxY() : 0;
            if (d < dist) {
                dist = d;
                best = p;
            }
        }
        return dist <= 12 ? best : null;
    }

    /**
     * Copies what hover and zoom need out of a chart just drawn with {@code info}. With a {@code reveal}, the chart is
     * then set to reveal nothing, and every series that lost points is marked revealed (drawn up to the cursor); the
     * chart is left in that state, ready for the bare image.
     *
     * @param whole the range each axis had before the zoom was applied
     */
    static FigureData of(JFreeChart chart, ChartRenderingInfo info, Zoom.Applied whole, DoubleConsumer reveal) {
        List<Panel> panels = new ArrayList<>();
        PlotRenderingInfo pi = info.getPlotInfo();
        List<ChartAxes> axes = ChartAxes.of(chart);
        List<int[]> sources = new ArrayList<>();
        float font = 11;
        for (ChartAxes a : axes) {
            Rectangle2D area = pi.getSubplotCount() > a.index() ? pi.getSubplotInfo(a.index()).getDataArea() : pi.getDataArea();
            if (area == null || area.isEmpty() || a.y() == null) continue; // an empty plot (a note) has no axes
            font = a.y().getTickLabelFont().getSize2D();
            javafx.geometry.Rectangle2D fxArea = new javafx.geometry.Rectangle2D(area.getX(), area.getY(), area.getWidth(), area.getHeight());
            if (a.plot() instanceof XYPlot xy) {
                AxisMap x = map(a.x(), area, xy.getDomainAxisEdge(), whole);
                AxisMap y = map(a.y(), area, xy.getRangeAxisEdge(), whole);
                if (x == null || y == null) continue;
                List<Curve> curves = new ArrayList<>();
                Cells cells = null;
                for (int d = 0; d < xy.getDatasetCount(); d++) {
                    XYDataset ds = xy.getDataset(d);
                    if (ds == null) continue;
                    XYItemRenderer r = xy.getRendererForDataset(ds);
                    if (r == null) continue;
                    if (r instanceof XYBlockRenderer b && ds instanceof XYZDataset z) {
                        cells = cells(z, b);
                        continue;
                    }
                    for (int s = 0; s < ds.getSeriesCount(); s++) {
                        int n = ds.getItemCount(s);
                        if (n < 2 || !r.isSeriesVisible(s)) continue;
                        double[] xs, ys;
                        if (ds instanceof Thinned t) {
                            // every recorded point, by reference: the dataset promises not to change them
                            xs = t.recordedX(s);
                            ys = t.recordedY(s);
                        } else {
                            xs = new double[n];
                            ys = new double[n];
                            for (int i = 0; i < n; i++) {
                                xs[i] = ds.getXValue(s, i);
                                ys[i] = ds.getYValue(s, i);
                            }
                        }
                        curves.add(new Curve(String.valueOf(ds.getSeriesKey(s)), fx(r.getItemPaint(s, 0)), xs, ys, false));
                        sources.add(new int[] {panels.size(), curves.size() - 1, d, s, n});
                    }
                }
                panels.add(new Panel(a.index(), fxArea, x, y, curves, cells, null));
            } else if (a.plot() instanceof CategoryPlot cp) {
                AxisMap y = map(a.y(), area, cp.getRangeAxisEdge(), whole);
                if (y != null) panels.add(new Panel(a.index(), fxArea, null, y, List.of(), null, bars(cp, area)));
            }
        }
        if (reveal != null) {
            reveal.accept(Double.NEGATIVE_INFINITY);
            for (int[] src : sources) {
                Panel p = panels.get(src[0]);
                XYDataset ds = ((XYPlot) axes.get(p.index()).plot()).getDataset(src[2]);
                if (ds.getItemCount(src[3]) < src[4]) {
                    Curve c = p.curves().get(src[1]);
                    p.curves().set(src[1], new Curve(c.name(), c.color(), c.x(), c.y(), true));
                }
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            panels.set(i, new Panel(p.index(), p.area(), p.x(), p.y(), List.copyOf(p.curves()), p.cells(), p.bars()));
        }
        return new FigureData(List.copyOf(panels), font, dark(chart.getBackgroundPaint()));
    }

    private static AxisMap map(ValueAxis axis, Rectangle2D area, RectangleEdge edge, Zoom.Applied whole) {
        if (axis == null) return null;
        Span visible = new Span(axis.getLowerBound(), axis.getUpperBound());
        Span w = whole.whole(axis);
        String[] symbols = axis instanceof SymbolAxis s ? s.getSymbols() : null;
        return new AxisMap(axis.getLabel(), visible, w != null ? w : visible, axis instanceof LogAxis,
                axis.valueToJava2D(visible.lo(), area, edge), axis.valueToJava2D(visible.hi(), area, edge), symbols);
    }

    private static Cells cells(XYZDataset z, XYBlockRenderer b) {
        int n = 0;
        for (int s = 0; s < z.getSeriesCount(); s++) n += z.getItemCount(s);
        double[] x = new double[n], y = new double[n], v = new double[n];
        int k = 0;
        for (int s = 0; s < z.getSeriesCount(); s++) {
            for (int i = 0; i < z.getItemCount(s); i++, k++) {
                x[k] = z.getXValue(s, i);
                y[k] = z.getYValue(s, i);
                v[k] = z.getZValue(s, i);
            }
        }
        // where the renderer puts a block relative to its (x, y): the anchor decides
        Rectangle2D r = org.jfree.chart.ui.RectangleAnchor.createRectangle(new Size2D(b.getBlockWidth(), b.getBlockHeight()), 0, 0, b.getBlockAnchor());
        return new Cells(x, y, v, b.getBlockWidth(), b.getBlockHeight(), r.getX(), r.getY());
    }

    private static Bars bars(CategoryPlot p, Rectangle2D area) {
        CategoryDataset ds = p.getDataset();
        CategoryAxis axis = p.getDomainAxis();
        if (ds == null || axis == null || ds.getRowCount() == 0) return null;
        int n = ds.getColumnCount();
        String[] names = new String[n];
        double[] centers = new double[n], values = new double[n];
        for (int c = 0; c < n; c++) {
            names[c] = String.valueOf(ds.getColumnKey(c));
            centers[c] = axis.getCategoryMiddle(c, n, area, p.getDomainAxisEdge());
            Number v = ds.getValue(0, c);
            values[c] = v == null ? Double.NaN : v.doubleValue();
        }
        double half = n > 1 ? Math.abs(centers[1] - centers[0]) / 2 : area.getWidth() / 2;
        String label = p.getRangeAxis() != null && p.getRangeAxis().getLabel() != null ? p.getRangeAxis().getLabel() : String.valueOf(ds.getRowKey(0));
        return new Bars(label, names, centers, half, values);
    }

    static Color fx(Paint p) {
        if (p instanceof java.awt.Color c) return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
        return Color.GRAY;
    }

    private static boolean dark(Paint p) {
        return p instanceof java.awt.Color c && (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) < 128;
    }
}

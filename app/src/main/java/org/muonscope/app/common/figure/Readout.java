package org.muonscope.app.common.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * What the figure says about the point under the mouse, computed on the FX thread from {@link FigureData} (binary
 * searches over copied arrays; no chart is asked): on curves, the nearest recorded step and every curve's value
 * there (the ten nearest the pointer when there are more); on a heat map, the cell's row, column and value; on
 * bars, the category and its value.
 *
 * @param crossX   the pixel column of the crosshair (the snapped step), NaN for none
 * @param title    the first line: the step, or the cell's row
 * @param lines    the value lines under it
 * @param more     how many curves were left out of the lines
 * @param cell     the hovered cell or bar in pixels (minX, minY, maxX, maxY), else null
 */
public record Readout(double crossX, String title, List<Line> lines, int more, double[] cell) {
    /** The most curves the readout lists; the rest are counted. */
    public static final int MAX_LINES = 10;

    /**
     * One line: a curve's name and value with its colour and the pixel where the value sits (for the dot), or a
     * plain text line (no colour).
     */
    public record Line(String name, String value, double y, Color color, double px, double py) { }

    /** The readout at pixel {@code (px, py)}, or null off the data. {@code cursor} limits revealed curves. */
    public static Readout at(FigureData data, double px, double py, double cursor) {
        return at(data, px, py, cursor, MAX_LINES);
    }

    /** As {@link #at(FigureData, double, double, double)}, listing at most {@code maxLines} curves. */
    public static Readout at(FigureData data, double px, double py, double cursor, int maxLines) {
        if (data == null) return null;
        FigureData.Panel p = data.panelAt(px, py);
        if (p == null) return null;
        if (p.cells() != null) return cell(p, px, py);
        if (p.bars() != null) return bar(p, px);
        if (p.curves().isEmpty() || p.x() == null) return null;
        return curves(p, px, py, cursor, Math.max(1, Math.min(MAX_LINES, maxLines)));
    }

    private static Readout curves(FigureData.Panel p, double px, double py, double cursor, int maxLines) {
        AxisMap xa = p.x(), ya = p.y();
        double v = xa.toValue(px);
        // the crosshair snaps to the recorded step nearest the pointer, over all curves
        double step = Double.NaN;
        for (FigureData.Curve c : p.curves()) {
            int n = c.shown(cursor);
            int i = c.nearest(v, n);
            if (i >= 0 && (Double.isNaN(step) || Math.abs(c.x()[i] - v) < Math.abs(step - v))) step = c.x()[i];
        }
        if (Double.isNaN(step)) return null;
        double crossX = xa.toPixel(step);
        if (crossX < p.area().getMinX() - 1 || crossX > p.area().getMaxX() + 1) return null;
        List<Line> lines = new ArrayList<>();
        double tolerance = Math.abs(xa.toValue(px + 6) - xa.toValue(px));
        for (FigureData.Curve c : p.curves()) {
            int n = c.shown(cursor);
            int i = c.nearest(step, n);
            if (i < 0) continue;
            double gap = Math.abs(c.x()[i] - step);
            // a curve that has no point near this step (it stopped, or starts later) says nothing here
            if (gap > tolerance && (step < c.x()[0] || step > c.x()[n - 1])) continue;
            double y = c.y()[i];
            // a value off the visible range (zoomed in on the values, or clipped by the figure) is not on the plot
            if (!Double.isFinite(y) || y < ya.visible().lo() || y > ya.visible().hi()) continue;
            double ypx = ya.toPixel(y);
            lines.add(new Line(c.name(), null, y, c.color(), xa.toPixel(c.x()[i]), ypx));
        }
        if (lines.isEmpty()) return null;
        int total = lines.size();
        if (total > maxLines) {
            lines.sort(Comparator.comparingDouble(l -> Math.abs(l.py() - py)));
            lines = new ArrayList<>(lines.subList(0, maxLines));
        }
        // top to bottom as they lie on the plot; only the lines shown are formatted (140 curves on the stress preset)
        lines.sort(Comparator.comparingDouble(Line::py));
        lines.replaceAll(l -> new Line(l.name(), ya.format(l.y()), l.y(), l.color(), l.px(), l.py()));
        String title = (xa.label() == null || xa.label().isBlank() ? "x" : xa.label()) + "  " + xa.format(step);
        return new Readout(crossX, title, List.copyOf(lines), total - lines.size(), null);
    }

    private static Readout cell(FigureData.Panel p, double px, double py) {
        FigureData.Cells c = p.cells();
        double x = p.x().toValue(px), y = p.y().toValue(py);
        for (int i = 0; i < c.x().length; i++) {
            double x0 = c.x()[i] + c.dx(), y0 = c.y()[i] + c.dy();
            if (x < x0 || x > x0 + c.w() || y < y0 || y > y0 + c.h()) continue;
            String row = name(p.y(), "row") + "  " + p.y().format(c.y()[i]);
            List<Line> lines = List.of(new Line(name(p.x(), "column"), p.x().format(c.x()[i]), c.x()[i], null, Double.NaN, Double.NaN),
                    new Line("value", AxisMap.number(round(c.z()[i])), c.z()[i], null, Double.NaN, Double.NaN));
            double ax = p.x().toPixel(x0), bx = p.x().toPixel(x0 + c.w());
            double ay = p.y().toPixel(y0), by = p.y().toPixel(y0 + c.h());
            return new Readout(Double.NaN, row, lines, 0, new double[] {Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)});
        }
        return null;
    }

    private static Readout bar(FigureData.Panel p, double px) {
        FigureData.Bars b = p.bars();
        for (int i = 0; i < b.centers().length; i++) {
            if (Math.abs(px - b.centers()[i]) > b.halfWidth()) continue;
            double top = p.y().toPixel(b.values()[i]), base = p.y().toPixel(Math.max(p.y().visible().lo(), 0));
            return new Readout(Double.NaN, b.categories()[i], List.of(new Line(b.series(), p.y().format(b.values()[i]), b.values()[i], null,
                    Double.NaN, Double.NaN)), 0, new double[] {b.centers()[i] - b.halfWidth(), Math.min(top, base), b.centers()[i] + b.halfWidth(),
                    Math.max(top, base)});
        }
        return null;
    }

    private static String name(AxisMap a, String fallback) {
        return a.label() == null || a.label().isBlank() ? fallback : a.label();
    }

    /** Heat-map values are shares and errors: three significant digits say enough. */
    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) return v;
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}

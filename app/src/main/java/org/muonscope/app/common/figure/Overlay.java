package org.muonscope.app.common.figure;

import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The light layer over a figure, redrawn on the FX thread at every mouse move: the hover crosshair with a dot on
 * each curve and the readout box, the zoom box being dragged, and a one-line hint while zoomed. A few dozen canvas
 * calls, never a chart render.
 */
final class Overlay {
    private final Canvas canvas;
    private final Text measure = new Text();
    /**
     * Text widths by font and text: laying out a Text node costs tens of microseconds, a readout has two dozen
     * strings, and the names repeat from one mouse move to the next.
     */
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();
    private final java.util.Map<String, Font> fonts = new java.util.HashMap<>();

    Overlay(Canvas canvas) {
        this.canvas = canvas;
        canvas.setMouseTransparent(true);
    }

    /**
     * @param box the zoom box being dragged (minX, minY, maxX, maxY), or null
     */
    void paint(FigureData data, Readout r, double px, double py, double[] box, boolean zoomed) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (data == null) return;
        boolean dark = data.dark();
        Color ink = dark ? Color.gray(0.92) : Color.gray(0.12);
        double fontPx = fontPx(data);
        // the hint gives way to the readout, which sits where it would
        if (zoomed && r == null && !data.panels().isEmpty()) hint(g, data, ink, fontPx);
        if (box != null) {
            g.setFill(dark ? Color.rgb(120, 170, 255, 0.18) : Color.rgb(40, 90, 200, 0.12));
            g.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
            g.setStroke(dark ? Color.rgb(150, 190, 255) : Color.rgb(40, 90, 200));
            g.setLineWidth(1);
            g.setLineDashes(5, 3);
            g.strokeRect(Math.round(box[0]) + 0.5, Math.round(box[1]) + 0.5, Math.round(box[2] - box[0]), Math.round(box[3] - box[1]));
            g.setLineDashes();
        }
        if (r == null) return;
        if (!Double.isNaN(r.crossX())) {
            g.setStroke(dark ? Color.gray(1, 0.55) : Color.gray(0, 0.45));
            g.setLineWidth(1);
            double x = Math.round(r.crossX()) + 0.5;
            for (FigureData.Panel p : data.panels()) g.strokeLine(x, p.area().getMinY(), x, p.area().getMaxY());
            double d = Math.max(7, fontPx * 0.55);
            for (Readout.Line l : r.lines()) {
                if (l.color() == null || Double.isNaN(l.py())) continue;
                g.setFill(l.color());
                g.fillOval(l.px() - d / 2, l.py() - d / 2, d, d);
                g.setStroke(dark ? Color.BLACK : Color.WHITE);
                g.setLineWidth(1.5);
                g.strokeOval(l.px() - d / 2, l.py() - d / 2, d, d);
            }
        }
        if (r.cell() != null) {
            // an accent colour: the figures frame cells in black themselves (the routing grid's trained pairs)
            double[] c = r.cell();
            Color accent = dark ? Color.rgb(110, 180, 255) : Color.rgb(0, 110, 230);
            g.setFill(accent.deriveColor(0, 1, 1, 0.15));
            g.fillRect(c[0], c[1], c[2] - c[0], c[3] - c[1]);
            g.setStroke(accent);
            g.setLineWidth(3);
            g.strokeRect(c[0] + 1.5, c[1] + 1.5, c[2] - c[0] - 3, c[3] - c[1] - 3);
        }
        box(g, data.panelAt(px, py), r, px, py, w, h, fontPx, dark, ink);
    }

    /** The readout's font size: a little larger than the chart's tick labels, so presenter mode enlarges it too. */
    static double fontPx(FigureData data) {
        return Math.max(12, Math.min(24, data.fontPx() * 1.1));
    }

    private void hint(GraphicsContext g, FigureData data, Color ink, double fontPx) {
        javafx.geometry.Rectangle2D a = data.panels().get(0).area();
        g.setFont(font(false, fontPx * 0.85));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ink.deriveColor(0, 1, 1, 0.7));
        g.fillText("zoomed · double-click or Esc: whole figure", a.getMaxX() - 6, a.getMinY() + 4);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * The readout box beside the crosshair, in the half of the plot away from the pointer (so it never hides what is
     * pointed at), on the side of the crosshair with room for it.
     */
    private void box(GraphicsContext g, FigureData.Panel panel, Readout r, double px, double py, double w, double h, double fontPx,
                     boolean dark, Color ink) {
        Font bold = font(true, fontPx), plain = font(false, fontPx);
        double line = fontPx * 1.35, pad = fontPx * 0.5, swatch = fontPx * 0.8;
        double nameW = 0, valueW = 0;
        for (Readout.Line l : r.lines()) {
            nameW = Math.max(nameW, width(l.name(), plain));
            valueW = Math.max(valueW, width(l.value(), bold));
        }
        double textW = Math.max(width(r.title(), bold), (r.lines().stream().anyMatch(l -> l.color() != null) ? swatch + pad : 0)
                + nameW + pad * 2 + valueW);
        String more = r.more() > 0 ? "+ " + r.more() + " more curves (zoom in or point closer)" : null;
        if (more != null) textW = Math.max(textW, width(more, plain));
        int rows = 1 + r.lines().size() + (more != null ? 1 : 0);
        double bw = textW + 2 * pad, bh = rows * line + 2 * pad - (line - fontPx) / 2;
        double anchor = Double.isNaN(r.crossX()) ? px : r.crossX();
        double x = anchor + 14, y;
        if (x + bw > w - 2) x = anchor - 14 - bw;
        if (x < 2) x = 2;
        javafx.geometry.Rectangle2D a = panel != null ? panel.area() : new javafx.geometry.Rectangle2D(0, 0, w, h);
        if (r.cell() != null) {
            y = py + 16; // a heat map's cell is small: the box goes just below the pointer
        } else {
            y = py < a.getMinY() + a.getHeight() / 2 ? a.getMaxY() - 8 - bh : a.getMinY() + 8;
        }
        if (y + bh > h - 2) y = h - 2 - bh;
        if (y < 2) y = 2;
        g.setFill(dark ? Color.rgb(30, 33, 38, 0.93) : Color.rgb(255, 255, 255, 0.94));
        g.fillRoundRect(x, y, bw, bh, 8, 8);
        g.setStroke(dark ? Color.gray(0.5) : Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, bw - 1, bh - 1, 8, 8);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ink);
        g.setFont(bold);
        double ty = y + pad;
        g.fillText(r.title(), x + pad, ty);
        for (Readout.Line l : r.lines()) {
            ty += line;
            double tx = x + pad;
            if (l.color() != null) {
                g.setFill(l.color());
                g.fillRect(tx, ty + (fontPx - swatch) / 2, swatch, swatch);
                tx += swatch + pad;
            }
            g.setFill(ink);
            g.setFont(plain);
            g.fillText(l.name(), tx, ty);
            g.setFont(bold);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(l.value(), x + bw - pad, ty);
            g.setTextAlign(TextAlignment.LEFT);
        }
        if (more != null) {
            g.setFont(plain);
            g.setFill(ink.deriveColor(0, 1, 1, 0.7));
            g.fillText(more, x + pad, ty + line);
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    private Font font(boolean bold, double size) {
        return fonts.computeIfAbsent((bold ? "b" : "p") + size, k -> bold ? Font.font("SansSerif", FontWeight.BOLD, size) : Font.font("SansSerif", size));
    }

    private double width(String s, Font f) {
        // numbers change at every move: their digits are as wide as a zero (tabular figures), no layout needed
        if (!s.isEmpty() && s.chars().allMatch(ch -> Character.isDigit(ch) || ".,-+e–".indexOf(ch) >= 0)) return s.length() * measured("0", f);
        int split = s.lastIndexOf("  ");
        if (split > 0) return measured(s.substring(0, split + 2), f) + width(s.substring(split + 2), f); // "step t  1234"
        return measured(s, f);
    }

    private double measured(String s, Font f) {
        String key = f.getStyle() + f.getSize() + '\u0000' + s;
        Double w = widths.get(key);
        if (w != null) return w;
        if (widths.size() > 4000) widths.clear();
        measure.setFont(f);
        measure.setText(s);
        Bounds b = measure.getLayoutBounds();
        widths.put(key, b.getWidth());
        return b.getWidth();
    }
}

package org.muonscope.app.common.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One value axis as the render thread drew it: the visible range, the whole range the figure itself set, and where
 * the ends of the visible range landed in pixels. Maps pixels to values and back without asking JFreeChart, so the
 * FX thread can answer the mouse from this record alone. A log axis maps linearly in the logarithm, as JFreeChart's
 * {@code LogAxis} does. {@code pxLo} is the pixel of {@code lo}: on a vertical or inverted axis it is the larger one.
 *
 * @param symbols the names of the integer positions on a symbol axis (class names), else null
 */
public record AxisMap(String label, Span visible, Span whole, boolean log, double pxLo, double pxHi, String[] symbols) {

    private double t(double v) {
        return log ? Math.log(v) : v;
    }

    private double inv(double t) {
        return log ? Math.exp(t) : t;
    }

    public double toPixel(double v) {
        double a = t(visible.lo()), b = t(visible.hi());
        return pxLo + (t(v) - a) / (b - a) * (pxHi - pxLo);
    }

    public double toValue(double px) {
        double a = t(visible.lo()), b = t(visible.hi());
        return inv(a + (px - pxLo) / (pxHi - pxLo) * (b - a));
    }

    /** The pixel extent of the axis, smaller end first. */
    public double pixelMin() {
        return Math.min(pxLo, pxHi);
    }

    public double pixelMax() {
        return Math.max(pxLo, pxHi);
    }

    /**
     * The visible range scaled by {@code factor} (below 1 zooms in) around the value under pixel {@code px}, in the
     * axis's own measure (a log axis zooms by ratios). Null when the result covers the whole range: zoomed out.
     */
    public Span zoomed(double px, double factor) {
        double a = t(visible.lo()), b = t(visible.hi()), c = t(toValue(px));
        return clamp(c + (a - c) * factor, c + (b - c) * factor);
    }

    /** The visible range moved by {@code dPx} pixels of the axis (the data follows the mouse), kept inside the whole. */
    public Span panned(double dPx) {
        double a = t(visible.lo()), b = t(visible.hi());
        double d = -dPx / (pxHi - pxLo) * (b - a);
        return clamp(a + d, b + d);
    }

    /** The range between two pixels (a dragged box), or null when they are too close to mean a range. */
    public Span between(double px1, double px2) {
        if (Math.abs(px1 - px2) < 4) return null;
        double u = t(toValue(px1)), v = t(toValue(px2));
        return clamp(Math.min(u, v), Math.max(u, v));
    }

    /**
     * Keeps a range (in the axis's measure) inside the whole range and no narrower than a millionth of it; a range
     * as wide as the whole one is null (not zoomed).
     */
    private Span clamp(double a, double b) {
        double wa = t(whole.lo()), wb = t(whole.hi());
        double span = b - a, full = wb - wa;
        if (!(span > 0) || !(full > 0)) return null;
        if (span >= full * (1 - 1e-9)) return null;
        span = Math.max(span, full * 1e-6);
        if (a < wa) a = wa;
        if (a + span > wb) a = wb - span;
        return new Span(inv(a), inv(a + span));
    }

    /** A value as a reader wants it on this axis: the symbol at a symbol axis's position, else a short number. */
    public String format(double v) {
        if (symbols != null) {
            int i = (int) Math.round(v);
            return i >= 0 && i < symbols.length ? symbols[i] : "";
        }
        return number(v);
    }

    /** Whole numbers as they are, others to four significant digits, very large or small ones in e-notation. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e9) return Long.toString((long) v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            // 2.880e-07 reads as 2.88e-7
            String[] m = String.format(Locale.ROOT, "%.3e", v).split("e");
            String mantissa = m[0].contains(".") ? m[0].replaceAll("0+$", "").replaceAll("\\.$", "") : m[0];
            return mantissa + "e" + Integer.parseInt(m[1]);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

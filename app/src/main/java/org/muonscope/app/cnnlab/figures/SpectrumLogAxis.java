package org.muonscope.app.cnnlab.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis for spectra, labelled with numbers a reader reads as such. A layer's singular values
 * often span a single decade, where labels at powers of ten alone give one label or none; so the labels step
 * through 1, 2, 5 times each power of ten, or 1, 1.5, 2, 3, 5, 7 over less than a decade, and only the powers of ten
 * (every second, third ... one over many decades) once the range is wide, at most about eight labels in all.
 * JFreeChart's own log ticks land on half decades ({@code 3.16E-1}).
 */
final class SpectrumLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[][] MANTISSAS = {{1, 1.5, 2, 3, 5, 7}, {1, 2, 5}, {1}};
    private static final int MOST_LABELS = 8;

    SpectrumLogAxis(String label, double smallest) {
        super(label);
        setBase(10);
        setSmallestValue(smallest);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    private List<NumberTick> ticks(TextAnchor anchor) {
        List<NumberTick> out = new ArrayList<>();
        for (double v : tickValues(getLowerBound(), getUpperBound())) out.add(new NumberTick(v, label(v), anchor, TextAnchor.CENTER, 0.0));
        return out;
    }

    /** The labelled values in {@code [lo, hi]}: the finest sequence that gives at most {@link #MOST_LABELS}. */
    static List<Double> tickValues(double lo, double hi) {
        if (!(lo > 0 && hi > lo)) return List.of();
        for (double[] m : MANTISSAS) {
            List<Double> v = values(lo, hi, m, 1);
            if (v.size() <= MOST_LABELS) return v;
        }
        for (int every = 2; ; every++) {
            List<Double> v = values(lo, hi, MANTISSAS[2], every);
            if (v.size() <= MOST_LABELS) return v;
        }
    }

    private static List<Double> values(double lo, double hi, double[] mantissas, int everyDecade) {
        List<Double> out = new ArrayList<>();
        int from = (int) Math.floor(Math.log10(lo)), to = (int) Math.ceil(Math.log10(hi));
        for (int k = from; k <= to; k++) {
            if (Math.floorMod(k, everyDecade) != 0) continue;
            for (double m : mantissas) {
                // parsed back from text so 3 x 0.1 is the 0.3 a reader means, not 0.30000000000000004
                double v = Double.parseDouble(m + "e" + k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.add(v);
            }
        }
        return out;
    }

    /** {@code 0.002 .. 50000} in plain digits, beyond that as {@code 1e-5}. */
    static String label(double v) {
        if (v >= 1e-3 && v < 1e5) return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        int k = (int) Math.floor(Math.log10(v) + 1e-9);
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v / Math.pow(10, k)) + "e" + k;
    }
}

package org.muonscope.app.simplicitylab;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.data.Range;

/**
 * A base-10 log axis labelled only at powers of ten, written as a reader would ({@code 100, 10, 1, 0.1, 0.01,
 * 1e-3}), with unlabelled minor ticks at 2..9 times each decade. JFreeChart's own choice of tick units lands on
 * half decades ({@code 3.16E-1}), which nobody reads as a log scale.
 */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    DecadeLogAxis(String label, double smallest) {
        super(label);
        setBase(10);
        setSmallestValue(smallest);
        TickUnits units = new TickUnits();
        // one decade per label with 2..9 as minor ticks; wider ranges skip decades (no minors: they would be linear)
        units.add(new NumberTickUnit(1, NumberFormat.getIntegerInstance(Locale.ROOT), 9));
        for (int step : new int[] {2, 3, 4, 5, 10, 20}) units.add(new NumberTickUnit(step, NumberFormat.getIntegerInstance(Locale.ROOT), 1));
        setStandardTickUnits(units);
        setNumberFormatOverride(new DecadeFormat());
    }

    /** A range that holds no power of ten would get no label: widen it to the decades around it. */
    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        Range r = getRange();
        if (r.getLowerBound() <= 0 || r.getUpperBound() <= r.getLowerBound()) return;
        double lo = Math.log10(r.getLowerBound());
        double hi = Math.log10(r.getUpperBound());
        if (Math.ceil(lo - 1e-9) > hi + 1e-9) {
            setRange(new Range(Math.pow(10, Math.floor(lo)), Math.pow(10, Math.floor(lo) + 1)), false, false);
        }
    }

    /** Powers of ten as {@code 1000 .. 0.01}, beyond that {@code 1e-3}, {@code 1e4}; anything else to 3 digits. */
    static final class DecadeFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        static String label(double v) {
            if (v == 0 || !Double.isFinite(v)) return Double.toString(v);
            double e = Math.log10(Math.abs(v));
            long k = Math.round(e);
            if (Math.abs(e - k) > 1e-6) return String.format(Locale.ROOT, "%.3g", v);
            String sign = v < 0 ? "-" : "";
            if (k >= 0 && k <= 3) return sign + (long) Math.pow(10, k);
            if (k < 0 && k >= -2) return sign + (k == -1 ? "0.1" : "0.01");
            return sign + "1e" + k;
        }

        @Override public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(label(number));
        }

        @Override public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(label(number));
        }

        @Override public Number parse(String source, ParsePosition pos) {
            // labels only; nothing parses them back
            return null;
        }
    }
}

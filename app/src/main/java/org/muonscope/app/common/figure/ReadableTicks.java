package org.muonscope.app.common.figure;

import java.io.Serializable;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;

/**
 * At most about ten labelled ticks per number axis, at any size and font. JFreeChart picks the smallest standard tick
 * unit whose labels do not overlap, which on a tall axis meant a label every 0.01 and 30 of them; here the unit is
 * also at least the visible range divided by {@link #maxTicks}: as many ticks as fit one every four label heights
 * (vertical) or six (horizontal, where labels are wider than tall), never more than ten. Symbol axes (one label per class)
 * and log axes (one per decade) keep their own rule. Applied to every chart the figure host draws and every export.
 */
public final class ReadableTicks {
    /** The most labelled ticks on an axis, whatever its length. */
    public static final int MAX = 10;

    private ReadableTicks() { }

    /**
     * How many labelled ticks an axis of {@code lengthPx} pixels gets with tick labels of {@code fontPx}: one per six
     * font sizes of length along a horizontal axis, one per four along a vertical one, at least 2, at most {@link #MAX}.
     */
    public static int maxTicks(double lengthPx, double fontPx, boolean horizontal) {
        return (int) Math.max(2, Math.min(MAX, Math.floor(lengthPx / ((horizontal ? 6 : 4) * Math.max(6, fontPx)))));
    }

    /**
     * Sets the tick rule on every number axis of a chart drawn at {@code width x height}. The axis lengths are
     * estimated from the chart size (titles, legend and the other axis take about a fifth to a third); only an upper
     * bound on the count depends on them, JFreeChart still spaces labels so they do not overlap.
     */
    public static void apply(JFreeChart chart, double width, double height) {
        List<ChartAxes> panels = ChartAxes.of(chart);
        for (ChartAxes p : panels) {
            set(p.x(), 0.8 * width, true);
            set(p.y(), 0.65 * height / panels.size(), false);
        }
    }

    private static void set(ValueAxis axis, double lengthPx, boolean horizontal) {
        if (!(axis instanceof NumberAxis n) || axis instanceof SymbolAxis || !n.isAutoTickUnitSelection()) return;
        TickUnitSource units = n.getStandardTickUnits();
        if (units == null) return;
        if (units instanceof AtMost a) units = a.base;
        n.setStandardTickUnits(new AtMost(units, n, maxTicks(lengthPx, n.getTickLabelFont().getSize2D(), horizontal)));
    }

    /** The standard units of an axis, but never one that gives more than {@code max} ticks over its current range. */
    private static final class AtMost implements TickUnitSource, Serializable {
        private static final long serialVersionUID = 1L;
        private final TickUnitSource base;
        private final ValueAxis axis;
        private final int max;

        AtMost(TickUnitSource base, ValueAxis axis, int max) {
            this.base = base;
            this.axis = axis;
            this.max = max;
        }

        private double least() {
            return axis.getRange().getLength() / max;
        }

        @Override
        public TickUnit getLargerTickUnit(TickUnit unit) {
            return base.getLargerTickUnit(unit);
        }

        @Override
        public TickUnit getCeilingTickUnit(TickUnit unit) {
            return unit.getSize() >= least() ? base.getCeilingTickUnit(unit) : base.getCeilingTickUnit(least());
        }

        @Override
        public TickUnit getCeilingTickUnit(double size) {
            return base.getCeilingTickUnit(Math.max(size, least()));
        }
    }
}

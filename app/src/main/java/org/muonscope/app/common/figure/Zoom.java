package org.muonscope.app.common.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.Range;

/**
 * What part of a figure is shown: the domain range (shared by every panel) and each panel's range, in data units;
 * null means the figure's own (whole) range. Being data, not pixels, a zoom survives new data streaming in, a
 * resize, and an export at another size ("as shown").
 *
 * @param y panel index to its visible range
 */
public record Zoom(Span x, Map<Integer, Span> y) {
    public static final Zoom WHOLE = new Zoom(null, Map.of());

    public Zoom {
        y = Map.copyOf(y);
    }

    public boolean isWhole() {
        return x == null && y.isEmpty();
    }

    public Zoom withX(Span s) {
        return new Zoom(s, y);
    }

    public Zoom withY(int panel, Span s) {
        Map<Integer, Span> m = new HashMap<>(y);
        if (s == null) m.remove(panel);
        else m.put(panel, s);
        return new Zoom(x, m);
    }

    /** The axes of a chart set to this zoom, and how to put them back as the figure had them. */
    public static final class Applied {
        private final Map<ValueAxis, Span> whole = new IdentityHashMap<>();
        private final List<Runnable> undo = new ArrayList<>();
        private final java.util.Set<ValueAxis> pinned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        /** The range each axis had before the zoom: what the figure itself chose. */
        public Span whole(ValueAxis a) {
            return whole.get(a);
        }

        /** Restores every axis (auto-ranging ones recompute their range from the data). */
        public void restore() {
            for (int i = undo.size() - 1; i >= 0; i--) undo.get(i).run();
            undo.clear();
        }
    }

    /**
     * Sets every value axis of {@code chart} to an explicit range: this zoom's where it has one, else the axis's own
     * range, where an auto-ranging value axis fits the data in the visible steps (JFreeChart's rule, kept: zooming
     * into a loss curve shows its wiggles). Pinning the unzoomed axes too keeps the fully revealed and the bare image
     * of an animated figure on the same axes. The whole ranges are read before any axis moves. Render thread (or a
     * chart no other thread draws); call {@link Applied#restore()} afterwards.
     */
    public Applied applyTo(JFreeChart chart) {
        Applied a = new Applied();
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            List<ChartAxes> panels = ChartAxes.of(chart);
            for (ChartAxes p : panels) {
                remember(a, p.x());
                remember(a, p.y());
            }
            for (ChartAxes p : panels) pin(a, p.x(), x);
            for (ChartAxes p : panels) pin(a, p.y(), y.get(p.index()));
        } finally {
            chart.setNotify(notify);
        }
        return a;
    }

    private static void remember(Applied a, ValueAxis axis) {
        if (axis == null || a.whole.containsKey(axis)) return;
        boolean auto = axis.isAutoRange();
        if (auto) axis.configure(); // an auto range follows the data: bring it up to date before reading it
        Range own = axis.getRange();
        if (!(own.getLength() > 0)) return;
        a.whole.put(axis, new Span(own.getLowerBound(), own.getUpperBound()));
        a.undo.add(() -> {
            if (auto) axis.setAutoRange(true);
            else axis.setRange(own, true, false);
        });
    }

    private static void pin(Applied a, ValueAxis axis, Span zoom) {
        if (axis == null || !a.whole.containsKey(axis) || !a.pinned.add(axis)) return;
        if (zoom == null && axis.isAutoRange()) axis.configure(); // fit the data in the (maybe zoomed) visible steps
        Range r = zoom != null ? new Range(zoom.lo(), zoom.hi()) : axis.getRange();
        axis.setRange(r, true, false);
    }
}

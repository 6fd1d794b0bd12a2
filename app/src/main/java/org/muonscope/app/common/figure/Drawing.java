package org.muonscope.app.common.figure;

import java.util.function.DoubleConsumer;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to be drawn by the figure host, and how it animates.
 *
 * @param reveal for a figure whose curves draw themselves in behind a cursor: shows the points up to a step (the
 *               host draws the chart once revealed fully and once bare, and composites the two, decision 0401);
 *               null for a still figure
 * @param cursor whether the host draws its cursor line over the figure
 */
public record Drawing(JFreeChart chart, DoubleConsumer reveal, boolean cursor) {

    /** A still figure. */
    public static Drawing of(JFreeChart chart) {
        return new Drawing(chart, null, false);
    }

    /** A figure revealed up to the cursor, with the cursor line. */
    public static Drawing revealing(JFreeChart chart, DoubleConsumer reveal) {
        return new Drawing(chart, reveal, true);
    }

    /** A figure drawn whole, with the cursor line over it. */
    public static Drawing withCursor(JFreeChart chart) {
        return new Drawing(chart, null, true);
    }

    /**
     * Prepares a chart on the render thread (rebuilding its datasets, say) and hands it over to be drawn. It may be
     * called again for the same data when the view is zoomed or resized.
     */
    @FunctionalInterface
    public interface Source {
        Drawing prepare(Size size);
    }

    /**
     * The size a figure is drawn at, in pixels.
     *
     * @param xMagnification how much the domain axis is zoomed (whole range over visible range, 1 when not zoomed):
     *                       a figure that thins its curves to the pixel width keeps this many times more points
     */
    public record Size(int width, int height, double xMagnification) {
        /** The width to thin curves for: the pixel width times the magnification, within reason. */
        public int detailWidth() {
            return (int) Math.min(40_000, Math.round(width * Math.max(1, xMagnification)));
        }
    }
}

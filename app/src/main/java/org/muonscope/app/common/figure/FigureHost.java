package org.muonscope.app.common.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * The one place a figure of any lab is shown. Charts are drawn off the FX thread, on the lane the lab context names
 * {@code figures}; the FX thread only swaps finished images in and draws a light overlay. The newest request wins:
 * each request bumps a generation, a request superseded before the lane reaches it is skipped, and a finished image
 * of a superseded request is not shown. A figure that reveals its curves behind a cursor is drawn twice, fully and
 * bare, and a frame at cursor {@code t} composites the two (decision 0401), two image copies whatever the data.
 *
 * <p>Every figure gets, with nothing per figure: a hover readout (the nearest recorded step and each curve's value
 * there, or a heat map's cell), zoom and pan with the wheel, a dragged box, Shift-drag or the middle button, reset by
 * double-click or Esc, and keys (+/-, arrows while zoomed). All of it is answered from the {@link FigureData} the
 * render thread copied out of the chart after drawing it (decision 1201). The zoom is data ranges, applied to the
 * chart on the render thread before each draw, so it stays while new data streams in.
 */
public final class FigureHost extends Region {
    private final Executor lane;

    /** A finished render: the images and what was drawn in them. */
    private record Frame(long generation, WritableImage full, WritableImage bare, FigureData data, boolean cursorLine) {
        Frame withBare(WritableImage b) {
            return new Frame(generation, full, b, data, cursorLine);
        }
    }

    private final Canvas canvas = new Canvas();
    private final Canvas overlayCanvas = new Canvas();
    private final Overlay overlay = new Overlay(overlayCanvas);
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyObjectWrapper<Zoom> zoom = new ReadOnlyObjectWrapper<>(this, "zoom", Zoom.WHOLE);
    private final ReadOnlyObjectWrapper<Readout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private Frame shown;
    /** The last bare image, stood in for a moment while a new frame's bare image is still being drawn. */
    private WritableImage lastBare;
    private Drawing.Source source;
    private double cursor = Double.POSITIVE_INFINITY;
    private Color cursorColor = Color.gray(0.4, 0.8);
    private DoubleConsumer onScrub;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;
    private double[] box;
    private volatile double renderMillis;
    private long paintNanos;
    private long paints;

    /** @param lane the one lane figures are drawn on (the lab context's {@code figures} lane) */
    public FigureHost(Executor lane) {
        this.lane = lane;
        getChildren().addAll(canvas, overlayCanvas);
        setMinSize(80, 60);
        setPrefSize(800, 600);
        setFocusTraversable(true);
        getStyleClass().add("figure-host");
        new Gestures(this).install();
    }

    // ---- rendering ----

    /**
     * Draws a figure in the background at the current size: {@code source} runs on the render lane (it must only
     * read data no other thread changes), then the chart is drawn with the current zoom, and {@code onShown} runs on
     * the FX thread once the fully revealed image is on screen. The host keeps the source to redraw after a zoom or a
     * resize. Returns false (and draws nothing now) while the view is too small to draw.
     */
    public boolean request(Drawing.Source source, Runnable onShown) {
        this.source = source;
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        if (w < 40 || h < 40) return false;
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        long gen = generation.incrementAndGet();
        Zoom z = zoom.get();
        Drawing.Size size = new Drawing.Size(w, h, magnification(z));
        lane.execute(() -> {
            if (gen != generation.get()) return;
            try {
                render(gen, source, size, scale, z, onShown);
            } catch (RuntimeException e) {
                // a figure that cannot draw must not kill the shared render lane; the next request retries
                System.getLogger(FigureHost.class.getName()).log(System.Logger.Level.WARNING, "figure render failed", e);
            }
        });
        return true;
    }

    /** Shows nothing (and forgets the source). */
    public void clear() {
        generation.incrementAndGet();
        source = null;
        shown = null;
        lastBare = null;
        paint();
        hoverChanged();
    }

    private void render(long gen, Drawing.Source src, Drawing.Size size, double scale, Zoom z, Runnable onShown) {
        long t0 = System.nanoTime();
        Drawing d = src.prepare(size);
        if (gen != generation.get() || d == null || d.chart() == null) return; // superseded while preparing
        JFreeChart chart = d.chart();
        if (d.reveal() != null) d.reveal().accept(Double.POSITIVE_INFINITY);
        Zoom.Applied applied = z.applyTo(chart);
        try {
            ReadableTicks.apply(chart, size.width(), size.height());
            ChartRenderingInfo info = new ChartRenderingInfo();
            WritableImage full = SwingFXUtils.toFXImage(draw(chart, size, scale, info), null);
            FigureData data = FigureData.of(chart, info, applied, d.reveal());
            Frame frame = new Frame(gen, full, null, data, d.cursor());
            renderMillis = (System.nanoTime() - t0) / 1e6;
            Platform.runLater(() -> {
                if (gen != generation.get()) return;
                if (shown != null && shown.bare() != null) lastBare = shown.bare();
                shown = frame;
                paint();
                hoverChanged();
                if (onShown != null) onShown.run();
            });
            if (d.reveal() == null || gen != generation.get()) return;
            // FigureData.of left the chart revealing nothing: the bare image (axes, grid, what does not animate)
            WritableImage bare = SwingFXUtils.toFXImage(draw(chart, size, scale, null), null);
            Platform.runLater(() -> {
                if (shown == null || shown.generation() != gen) return;
                shown = shown.withBare(bare);
                paint();
            });
        } finally {
            if (d.reveal() != null) d.reveal().accept(Double.POSITIVE_INFINITY);
            applied.restore();
        }
    }

    private static BufferedImage draw(JFreeChart chart, Drawing.Size size, double scale, ChartRenderingInfo info) {
        int w = size.width(), h = size.height();
        BufferedImage img = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * How many times {@code z} magnifies the domain axis over the whole range last drawn (1 before the first render
     * or when x is not zoomed): figures that thin their curves to the pixel width keep this many times more points.
     */
    public double magnification(Zoom z) {
        FigureData d = data();
        if (z.x() == null || d == null || d.panels().isEmpty() || d.panels().get(0).x() == null) return 1;
        AxisMap x = d.panels().get(0).x();
        double whole = x.log() ? Math.log(x.whole().hi() / x.whole().lo()) : x.whole().length();
        double seen = x.log() ? Math.log(z.x().hi() / z.x().lo()) : z.x().length();
        return seen > 0 ? Math.max(1, whole / seen) : 1;
    }

    // ---- zoom ----

    public ReadOnlyObjectProperty<Zoom> zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public Zoom zoom() {
        return zoom.get();
    }

    /** Shows {@code z} (redrawn in the background); the zoom stays through later requests until reset. */
    public void setZoom(Zoom z) {
        Zoom next = z == null ? Zoom.WHOLE : z;
        if (next.equals(zoom.get())) return;
        zoom.set(next);
        if (source != null) request(source, null);
        hoverChanged();
    }

    public void resetZoom() {
        setZoom(Zoom.WHOLE);
    }

    // ---- the cursor ----

    public void setCursor(double step) {
        if (step == cursor) return;
        cursor = step;
        paint();
        if (!Double.isNaN(hoverX)) hoverChanged(); // revealed curves end at the cursor: so does the readout
    }

    public void setCursorColor(Color c) {
        cursorColor = c;
        paint();
    }

    /** Called with the step under the mouse on a click, and while dragging the cursor line; null: no scrubbing. */
    public void setOnScrub(DoubleConsumer scrub) {
        onScrub = scrub;
    }

    DoubleConsumer onScrub() {
        return onScrub;
    }

    double cursor() {
        return cursor;
    }

    /** The pixel column of a step, or NaN before the first render. */
    public double xOf(double step) {
        AxisMap x = xAxis();
        return x == null ? Double.NaN : x.toPixel(step);
    }

    /** The step under a pixel column, or NaN before the first render. */
    public double stepAt(double px) {
        AxisMap x = xAxis();
        return x == null ? Double.NaN : x.toValue(px);
    }

    private AxisMap xAxis() {
        FigureData d = data();
        return d == null || d.panels().isEmpty() ? null : d.panels().get(0).x();
    }

    // ---- hover ----

    /** The hover readout now showing, or null. */
    public ReadOnlyObjectProperty<Readout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public Readout readout() {
        return readout.get();
    }

    /** What the shown image was drawn with (axes, curves), or null before the first render. */
    public FigureData data() {
        Frame f = shown;
        return f == null ? null : f.data();
    }

    void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        hoverChanged();
    }

    void setBox(double[] b) {
        box = b;
        hoverChanged();
    }

    private void hoverChanged() {
        FigureData d = data();
        Readout r = box != null || Double.isNaN(hoverX) ? null
                : Readout.at(d, hoverX, hoverY, animates() ? cursor : Double.POSITIVE_INFINITY, maxLines(d));
        readout.set(r);
        overlay.paint(d, r, hoverX, hoverY, box, !zoom.get().isWhole());
    }

    /**
     * As many curve lines as fill about two fifths of the panel's height at the readout's font: ten on a desktop
     * figure, fewer in presenter mode or a small panel, so the box never hides most of the plot.
     */
    private static int maxLines(FigureData d) {
        if (d == null || d.panels().isEmpty()) return Readout.MAX_LINES;
        double line = Overlay.fontPx(d) * 1.35;
        return (int) Math.max(3, Math.min(Readout.MAX_LINES, Math.floor(0.4 * d.panels().get(0).area().getHeight() / line) - 1));
    }

    private boolean animates() {
        return shown != null && shown.cursorLine();
    }

    // ---- frames ----

    /** How long the latest render took on the render lane (preparation and the full image). */
    public double renderMillis() {
        return renderMillis;
    }

    /** Whether an image has been shown yet. */
    public boolean hasImage() {
        return shown != null;
    }

    /** The mean time the FX thread spent compositing a frame, for the frame-cost measurement. */
    public double meanPaintMillis() {
        return paints == 0 ? Double.NaN : paintNanos / 1e6 / paints;
    }

    private void paint() {
        long t0 = System.nanoTime();
        composite();
        paintNanos += System.nanoTime() - t0;
        paints++;
    }

    private void composite() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Frame f = shown;
        g.clearRect(0, 0, w, h);
        if (f == null) return;
        WritableImage full = f.full();
        double sx = full.getWidth() / w;
        boolean cursorVisible = f.cursorLine() && Double.isFinite(cursor);
        double x = Math.max(0, Math.min(w, xOf(cursor)));
        if (Double.isNaN(x)) x = w;
        WritableImage bare = f.bare() != null ? f.bare()
                : lastBare != null && lastBare.getWidth() == full.getWidth() && lastBare.getHeight() == full.getHeight() ? lastBare : full;
        if (!cursorVisible || f.data() == null || f.data().panels().stream().noneMatch(p -> p.curves().stream().anyMatch(FigureData.Curve::revealed))) {
            g.drawImage(full, 0, 0, w, h);
        } else {
            // until this frame's bare image arrives (one render later) the previous one stands in if it fits
            if (x > 0) g.drawImage(full, 0, 0, x * sx, full.getHeight(), 0, 0, x, h);
            if (x < w) g.drawImage(bare, x * sx, 0, (w - x) * sx, bare.getHeight(), x, 0, w - x, h);
        }
        if (!cursorVisible || f.data() == null) return;
        g.setStroke(cursorColor);
        g.setLineWidth(1.2);
        for (FigureData.Panel p : f.data().panels()) {
            if (x >= p.area().getMinX() && x <= p.area().getMaxX()) {
                g.strokeLine(Math.round(x) + 0.5, p.area().getMinY(), Math.round(x) + 0.5, p.area().getMaxY());
            }
        }
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            for (Canvas c : new Canvas[] {canvas, overlayCanvas}) {
                c.setWidth(w);
                c.setHeight(h);
            }
            paint();
            hoverChanged();
            if (source != null) request(source, null);
        }
    }
}

package org.muonscope.app.plots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Shows a {@link LabFigure} and animates its cursor at the cost of two image copies per frame. The figure is
 * drawn twice whenever its data or size changes: once fully revealed and once with the revealed curves hidden
 * (axes, grid, theory, targets only). A frame at cursor {@code t} shows the full image left of {@code t}'s
 * pixel and the bare one right of it, which is exactly what revealing every point with {@code x <= t} draws,
 * because the revealed curves are functions of the step. A 7 x 10 x 2000-point figure thus animates at the
 * display rate on a software pipeline, where redrawing the chart each frame managed about 6 frames/s.
 *
 * <p>Both images are drawn on one shared render thread, never on the FX thread: a JFreeChart render of the
 * stress preset takes 100-250 ms, which froze the window at every redraw while a run streamed in. The figure
 * object belongs to the render thread once constructed; {@link #request} hands it a preparation step, and
 * only the finished images and the step-to-pixel mapping come back. The latest request wins: a request that
 * is superseded before the thread reaches it is dropped, and a finished render of a superseded request is
 * not shown.
 */
public final class FigureView extends Region {
    private final Executor render;

    /** What a finished render hands the FX thread: the images and the domain axis's linear pixel mapping. */
    private record Frame(long generation, WritableImage full, WritableImage bare, Rectangle2D area,
                         double lo, double hi, double pxLo, double pxHi) {
        Frame withBare(WritableImage b) {
            return new Frame(generation, full, b, area, lo, hi, pxLo, pxHi);
        }
    }

    private final Canvas canvas = new Canvas();
    private final LabFigure figure;
    private final boolean animates;
    private final AtomicLong generation = new AtomicLong();
    private Frame shown;
    /** The last bare image, stood in for a moment while a new frame's bare image is still being drawn. */
    private WritableImage lastBare;
    private double cursor = Double.POSITIVE_INFINITY;
    private Color cursorColor = Color.gray(0.4, 0.8);
    private volatile double renderMillis;

    /** @param render the one lane figures are drawn on (the lab context's {@code figures} lane) */
    public FigureView(LabFigure figure, boolean animates, Executor render) {
        this.render = render;
        this.figure = figure;
        this.animates = animates;
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(800, 600);
        getStyleClass().add("figure-view");
    }

    /**
     * Redraws the figure in the background at the current size: {@code prepare} runs on the render thread
     * (it must only read data no other thread changes, e.g. a {@link RunData#freeze()} copy), then both images
     * are drawn, and {@code onShown} runs on the FX thread once the fully revealed image is on screen.
     * Returns false (and does nothing) while the view is too small to draw.
     */
    public boolean request(Consumer<LabFigure> prepare, Runnable onShown) {
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        if (w < 10 || h < 10) return false;
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        long gen = generation.incrementAndGet();
        render.execute(() -> {
            if (gen != generation.get()) return;
            try {
                renderInBackground(gen, prepare, w, h, scale, onShown);
            } catch (RuntimeException e) {
                // a figure that cannot draw must not kill the shared render thread; the next request retries
                System.getLogger(FigureView.class.getName()).log(System.Logger.Level.WARNING, "figure render failed", e);
            }
        });
        return true;
    }

    private void renderInBackground(long gen, Consumer<LabFigure> prepare, int w, int h, double scale, Runnable onShown) {
        long t0 = System.nanoTime();
        prepare.accept(figure);
        if (gen != generation.get()) return; // superseded while preparing: the figure is left for the newer request
        JFreeChart chart = figure.chart();
        figure.setCursor(Double.POSITIVE_INFINITY);
        ChartRenderingInfo info = new ChartRenderingInfo();
        WritableImage full = SwingFXUtils.toFXImage(draw(chart, w, h, scale, info), null);
        Rectangle2D area = dataArea(info);
        XYPlot plot = chart.getPlot() instanceof XYPlot p ? p : null;
        double lo = 0, hi = 1, pxLo = Double.NaN, pxHi = Double.NaN;
        if (area != null && plot != null) {
            lo = plot.getDomainAxis().getLowerBound();
            hi = plot.getDomainAxis().getUpperBound();
            pxLo = plot.getDomainAxis().valueToJava2D(lo, area, plot.getDomainAxisEdge());
            pxHi = plot.getDomainAxis().valueToJava2D(hi, area, plot.getDomainAxisEdge());
        }
        Frame frame = new Frame(gen, full, null, area, lo, hi, pxLo, pxHi);
        renderMillis = (System.nanoTime() - t0) / 1e6;
        Platform.runLater(() -> {
            if (gen != generation.get()) return;
            if (shown != null && shown.bare() != null) lastBare = shown.bare();
            shown = frame;
            paint();
            if (onShown != null) onShown.run();
        });
        if (!animates || gen != generation.get()) return;
        figure.setCursor(Double.NEGATIVE_INFINITY);
        WritableImage bare = SwingFXUtils.toFXImage(draw(chart, w, h, scale, null), null);
        figure.setCursor(Double.POSITIVE_INFINITY);
        Platform.runLater(() -> {
            if (shown == null || shown.generation() != gen) return;
            shown = shown.withBare(bare);
            paint();
        });
    }

    private static BufferedImage draw(JFreeChart chart, int w, int h, double scale, ChartRenderingInfo info) {
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
     * The area the domain axis maps onto. A combined plot records its own data area before its subplots
     * reserve room for their range axes, so there the first subplot's area is the true one (in x); its y
     * extent is widened to the whole stack so the cursor line crosses every panel.
     */
    private static Rectangle2D dataArea(ChartRenderingInfo info) {
        PlotRenderingInfo p = info.getPlotInfo();
        if (p == null) return null;
        if (p.getSubplotCount() == 0) return p.getDataArea();
        Rectangle2D first = p.getSubplotInfo(0).getDataArea();
        Rectangle2D all = p.getDataArea();
        return new Rectangle2D.Double(first.getX(), all.getY(), first.getWidth(), all.getHeight());
    }

    public void setCursor(double step) {
        if (step == cursor) return;
        cursor = step;
        paint();
    }

    public void setCursorColor(Color c) {
        cursorColor = c;
        paint();
    }

    /** The pixel column of a step (the step axes are linear), or NaN before the first render. */
    public double xOf(double step) {
        Frame f = shown;
        if (f == null || Double.isNaN(f.pxLo()) || !(f.hi() > f.lo())) return Double.NaN;
        return f.pxLo() + (step - f.lo()) / (f.hi() - f.lo()) * (f.pxHi() - f.pxLo());
    }

    /** The step under a pixel column, or NaN before the first render. */
    public double stepAt(double x) {
        Frame f = shown;
        if (f == null || Double.isNaN(f.pxLo()) || f.pxHi() == f.pxLo()) return Double.NaN;
        return f.lo() + (x - f.pxLo()) / (f.pxHi() - f.pxLo()) * (f.hi() - f.lo());
    }

    /** How long the latest render took on the render thread (both the preparation and the full image). */
    public double renderMillis() {
        return renderMillis;
    }

    /** Whether a fully revealed image has been shown yet. */
    public boolean hasImage() {
        return shown != null;
    }

    /** Total time spent compositing frames and how many, for the frame-cost measurement. */
    private long paintNanos;
    private long paints;

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
        if (f == null) {
            g.clearRect(0, 0, w, h);
            return;
        }
        WritableImage full = f.full();
        double sx = full.getWidth() / w;
        if (!animates || !Double.isFinite(cursor)) {
            g.drawImage(full, 0, 0, w, h);
            return;
        }
        double x = Math.max(0, Math.min(w, xOf(cursor)));
        if (Double.isNaN(x)) x = w;
        // until this frame's bare image arrives (one render later) the previous one stands in if it fits
        WritableImage bare = f.bare() != null ? f.bare()
                : lastBare != null && lastBare.getWidth() == full.getWidth() && lastBare.getHeight() == full.getHeight() ? lastBare : full;
        g.clearRect(0, 0, w, h);
        if (x > 0) g.drawImage(full, 0, 0, x * sx, full.getHeight(), 0, 0, x, h);
        if (x < w) g.drawImage(bare, x * sx, 0, (w - x) * sx, bare.getHeight(), x, 0, w - x, h);
        Rectangle2D area = f.area();
        if (area != null && x >= area.getMinX() && x <= area.getMaxX()) {
            g.setStroke(cursorColor);
            g.setLineWidth(1.2);
            g.strokeLine(Math.round(x) + 0.5, area.getMinY(), Math.round(x) + 0.5, area.getMaxY());
        }
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            sizeChanged = true;
            paint();
        }
    }

    private boolean sizeChanged = true;

    /** True once after the view was resized: the owner re-renders in its next frame. */
    public boolean takeSizeChanged() {
        boolean s = sizeChanged;
        sizeChanged = false;
        return s;
    }
}

package org.muonscope.app.plots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * Shows a {@link LabFigure} and animates its cursor at the cost of two image copies per frame. The figure is
 * drawn twice whenever its data or size changes: once fully revealed and once with the revealed curves hidden
 * (axes, grid, theory, targets only). A frame at cursor {@code t} shows the full image left of {@code t}'s
 * pixel and the bare one right of it, which is exactly what revealing every point with {@code x <= t} draws,
 * because the revealed curves are functions of the step. A 7 x 10 x 2000-point figure thus animates at the
 * display rate on a software pipeline, where redrawing the chart each frame managed about 6 frames/s.
 */
public final class FigureView extends Region {
    private final Canvas canvas = new Canvas();
    private final LabFigure figure;
    private final boolean animates;
    private WritableImage full;
    private WritableImage bare;
    private ChartRenderingInfo info = new ChartRenderingInfo();
    private double cursor = Double.POSITIVE_INFINITY;
    private Color cursorColor = Color.gray(0.4, 0.8);
    private double renderMillis;
    private boolean bareStale;
    private double renderScale = 1;

    private void renderBare() {
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        figure.setCursor(Double.NEGATIVE_INFINITY);
        bare = toFx(draw(figure.chart(), w, h, renderScale, null), bare);
        figure.setCursor(Double.POSITIVE_INFINITY);
        bareStale = false;
    }

    public FigureView(LabFigure figure, boolean animates) {
        this.figure = figure;
        this.animates = animates;
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(800, 600);
        getStyleClass().add("figure-view");
    }

    public LabFigure figure() {
        return figure;
    }

    /** Redraws both images at the current size (after a data, style or size change). */
    public void render() {
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        if (w < 10 || h < 10) return;
        long t0 = System.nanoTime();
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        JFreeChart chart = figure.chart();
        // the bare image is only needed once the cursor moves off the end: drawn on first use, so a data
        // change costs one chart render before its first frame
        bareStale = animates;
        renderScale = scale;
        figure.setCursor(Double.POSITIVE_INFINITY);
        info = new ChartRenderingInfo();
        full = toFx(draw(chart, w, h, scale, info), full);
        renderMillis = (System.nanoTime() - t0) / 1e6;
        paint();
    }

    private static WritableImage toFx(BufferedImage img, WritableImage reuse) {
        if (reuse != null && (reuse.getWidth() != img.getWidth() || reuse.getHeight() != img.getHeight())) reuse = null;
        return SwingFXUtils.toFXImage(img, reuse);
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

    public void setCursor(double step) {
        if (step == cursor) return;
        cursor = step;
        paint();
    }

    public void setCursorColor(Color c) {
        cursorColor = c;
        paint();
    }

    /** The pixel column of a step, or NaN before the first render. */
    public double xOf(double step) {
        Rectangle2D area = dataArea();
        if (area == null) return Double.NaN;
        XYPlot plot = (XYPlot) figure.chart().getPlot();
        return plot.getDomainAxis().valueToJava2D(step, area, plot.getDomainAxisEdge());
    }

    /** The step under a pixel column, or NaN before the first render. */
    public double stepAt(double x) {
        Rectangle2D area = dataArea();
        if (area == null) return Double.NaN;
        XYPlot plot = (XYPlot) figure.chart().getPlot();
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }

    /**
     * The area the domain axis maps onto. A combined plot records its own data area before its subplots
     * reserve room for their range axes, so there the first subplot's area is the true one (in x); its y
     * extent is widened to the whole stack so the cursor line crosses every panel.
     */
    private Rectangle2D dataArea() {
        org.jfree.chart.plot.PlotRenderingInfo p = info.getPlotInfo();
        if (p == null) return null;
        if (p.getSubplotCount() == 0) return p.getDataArea();
        Rectangle2D first = p.getSubplotInfo(0).getDataArea();
        Rectangle2D all = p.getDataArea();
        return new Rectangle2D.Double(first.getX(), all.getY(), first.getWidth(), all.getHeight());
    }

    public double renderMillis() {
        return renderMillis;
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
        if (full == null) {
            g.clearRect(0, 0, w, h);
            return;
        }
        double sx = full.getWidth() / w;
        if (!animates || !Double.isFinite(cursor)) {
            g.drawImage(full, 0, 0, w, h);
            return;
        }
        double x = Math.max(0, Math.min(w, xOf(cursor)));
        if (Double.isNaN(x)) x = w;
        if (x < w && bareStale) renderBare();
        if (x > 0) g.drawImage(full, 0, 0, x * sx, full.getHeight(), 0, 0, x, h);
        if (x < w) g.drawImage(bare, x * sx, 0, (w - x) * sx, bare.getHeight(), x, 0, w - x, h);
        Rectangle2D area = dataArea();
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

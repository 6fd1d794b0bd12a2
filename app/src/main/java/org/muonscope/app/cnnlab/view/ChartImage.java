package org.muonscope.app.cnnlab.view;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.plots.PlotExporter;

/**
 * Shows a chart that is drawn off the FX thread. JFreeChart's own FX canvas draws on the FX thread, and with
 * six charts updating while training saturates the CPU that cost 250+ ms a redraw (measured with the stall
 * meter's trace); here one shared render thread draws each chart into an image at the node's size and the FX
 * thread only swaps the finished image in. A chart handed to {@link #setChart} must not be touched afterwards.
 */
public final class ChartImage extends Region {
    private final Executor render;
    private final ImageView view = new ImageView();
    private final AtomicLong generation = new AtomicLong();
    private JFreeChart chart;
    private int drawnW = -1;
    private int drawnH = -1;

    /** @param render the one lane figures are drawn on (the lab context's {@code figures} lane) */
    public ChartImage(Executor render) {
        this.render = render;
        getChildren().add(view);
        setMinSize(80, 60);
        getStyleClass().add("cnn-chart");
    }

    public ChartImage(Executor render, double prefWidth, double prefHeight) {
        this(render);
        setPrefSize(prefWidth, prefHeight);
    }

    /** Shows {@code c} (drawn in the background); null clears. */
    public void setChart(JFreeChart c) {
        chart = c;
        drawnW = -1;
        requestLayout();
        render();
    }

    public JFreeChart chart() {
        return chart;
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        if (w != drawnW || h != drawnH) render();
    }

    private void render() {
        int w = (int) Math.floor(getWidth()), h = (int) Math.floor(getHeight());
        JFreeChart c = chart;
        if (c == null) {
            view.setImage(null);
            return;
        }
        if (w < 40 || h < 40) return;
        drawnW = w;
        drawnH = h;
        long gen = generation.incrementAndGet();
        render.execute(() -> {
            if (gen != generation.get()) return;
            BufferedImage img = PlotExporter.image(c, w, h, 1);
            WritableImage fx = SwingFXUtils.toFXImage(img, null);
            Platform.runLater(() -> {
                if (gen == generation.get()) view.setImage(fx);
            });
        });
    }
}

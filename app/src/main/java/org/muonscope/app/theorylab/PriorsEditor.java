package org.muonscope.app.theorylab;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One bar per class, drawn on a canvas; drag a bar's top to set that prior (the others rescale, the whole
 * stays normalized). The values are printed on the bars; typing them goes through the text field beside it.
 */
public final class PriorsEditor extends Region {
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<double[]> priors;
    private final BiConsumer<Integer, Double> onEdit;
    private int dragging = -1;
    private Color bar = Color.web("#5B7DB1");
    private Color text = Color.web("#222222");
    private double fontScale = 1;

    public PriorsEditor(ObjectProperty<double[]> priors, BiConsumer<Integer, Double> onEdit) {
        this.priors = priors;
        this.onEdit = onEdit;
        getStyleClass().add("priors-editor");
        getChildren().add(canvas);
        setMinHeight(110);
        setPrefHeight(130);
        priors.addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(e -> {
            dragging = barAt(e.getX());
            edit(e.getY());
        });
        canvas.setOnMouseDragged(e -> edit(e.getY()));
        canvas.setOnMouseReleased(e -> dragging = -1);
    }

    public void setColors(Color bar, Color text, double fontScale) {
        this.bar = bar;
        this.text = text;
        this.fontScale = fontScale;
        draw();
    }

    /** The bar index under x, for drags and tests. */
    public int barAt(double x) {
        double[] p = priors.get();
        int c = (int) Math.floor(x / (canvas.getWidth() / p.length));
        return Math.max(0, Math.min(p.length - 1, c));
    }

    /** The prior a drag to y sets: the top of the bar area is the largest prior shown, the bottom 0. */
    public double valueAt(double y) {
        double top = 18 * fontScale, bottom = canvas.getHeight() - 16 * fontScale;
        return Math.max(Priors.MIN, Math.min(1, (bottom - y) / (bottom - top) * scaleMax()));
    }

    private double scaleMax() {
        double max = 0;
        for (double v : priors.get()) max = Math.max(max, v);
        return Math.min(1, Math.max(0.25, Math.ceil(max * 1.25 * 10) / 10));
    }

    private void edit(double y) {
        if (dragging < 0) return;
        onEdit.accept(dragging, valueAt(y));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double[] p = priors.get();
        if (p == null || w <= 0) return;
        double top = 18 * fontScale, bottom = h - 16 * fontScale;
        double max = scaleMax();
        double slot = w / p.length;
        int minority = 0;
        for (int c = 1; c < p.length; c++) if (p[c] < p[minority]) minority = c;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(Math.min(11 * fontScale, slot * 0.45)));
        for (int c = 0; c < p.length; c++) {
            double bh = (bottom - top) * p[c] / max;
            g.setFill(c == minority ? bar.darker() : bar);
            g.fillRect(c * slot + slot * 0.12, bottom - bh, slot * 0.76, bh);
            g.setFill(text);
            if (slot > 22) g.fillText(String.format(Locale.ROOT, "%.2f", p[c]), c * slot + slot / 2, bottom - bh - 4);
            g.fillText(Integer.toString(c + 1), c * slot + slot / 2, h - 3);
        }
        g.setStroke(text.deriveColor(0, 1, 1, 0.4));
        g.strokeLine(0, bottom + 0.5, w, bottom + 0.5);
    }
}

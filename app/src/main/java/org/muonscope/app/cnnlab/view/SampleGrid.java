package org.muonscope.app.cnnlab.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.muonscope.app.cnnlab.DataPreview;

/**
 * Training images after the experiment's transform: one row per class, a few images each, drawn at 3x with the
 * spurious pixel circled in red (the pixel itself stays as the network sees it); two-channel (colored-digit)
 * images show channel 0 in red and channel 1 in green.
 */
public final class SampleGrid extends GridPane {
    private static final int SCALE = 3;

    public SampleGrid() {
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(6));
        getStyleClass().add("cnn-sample-grid");
    }

    public void show(DataPreview preview) {
        getChildren().clear();
        if (preview == null) return;
        int[] column = new int[preview.classNames().size()];
        for (int c = 0; c < preview.classNames().size(); c++) {
            Label name = new Label(preview.classNames().get(c) + " (" + preview.trainCounts()[c] + ")");
            name.setMinWidth(110);
            add(name, 0, c);
        }
        for (DataPreview.Sample s : preview.samples()) {
            int col = 1 + column[s.label()]++;
            add(tile(s), col, s.label());
        }
    }

    static VBox tile(DataPreview.Sample s) {
        WritableImage img = new WritableImage(s.width() * SCALE, s.height() * SCALE);
        PixelWriter w = img.getPixelWriter();
        // Clipped at 1: a pixel brighter than white (intensity I > 1) shows white, and the red ring says where.
        float max = 1f;
        int plane = s.width() * s.height();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                Color c;
                int i = y * s.width() + x;
                if (s.channels() == 2) {
                    // Colored digits: channel 0 drawn red, channel 1 green (one of them is black in each image).
                    c = Color.color(clamp(s.pixels()[i] / max), clamp(s.pixels()[plane + i] / max), 0);
                } else if (s.channels() >= 3) {
                    c = Color.color(clamp(s.pixels()[i] / max), clamp(s.pixels()[plane + i] / max), clamp(s.pixels()[2 * plane + i] / max));
                } else {
                    double g = clamp(s.pixels()[i] / max);
                    c = Color.gray(g);
                }
                for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) w.setColor(x * SCALE + dx, y * SCALE + dy, c);
            }
        }
        StackPane pane = new StackPane(new ImageView(img));
        pane.setAlignment(Pos.TOP_LEFT);
        if (s.markX() >= 0 && s.markY() >= 0) {
            Circle ring = new Circle(SCALE * 2.2, Color.TRANSPARENT);
            ring.setStroke(Color.RED);
            ring.setStrokeWidth(1.5);
            ring.setManaged(false);
            ring.setCenterX(s.markX() * SCALE + SCALE / 2.0);
            ring.setCenterY(s.markY() * SCALE + SCALE / 2.0);
            pane.getChildren().add(ring);
        }
        VBox box = new VBox(1, pane);
        if (s.note() != null && !s.note().isEmpty()) {
            Label note = new Label(s.note());
            note.setStyle("-fx-font-size: 9px;");
            box.getChildren().add(note);
        }
        return box;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}

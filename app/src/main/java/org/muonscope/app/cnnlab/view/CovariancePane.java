package org.muonscope.app.cnnlab.view;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.muonscope.app.cnnlab.ExperimentPickerViewModel;
import org.muonscope.app.cnnlab.figures.CnnSpectraFigures;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.engine.data.InputCovariance;

/**
 * The Data tab's input covariance: its eigenvalues (a chart on the figure host) and its top eigenvectors drawn as
 * images of the input's shape, each scaled symmetrically around 0 so the sign shows. Grey images: blue below 0, white
 * at 0, red above. Colour images: each channel at half intensity for 0, brighter above, darker below (channel 0 red,
 * 1 green, 2 blue, as the sample grid draws them), so a direction that adds red where it takes green away, a colour
 * direction, shows red on green.
 */
public final class CovariancePane extends HBox {
    private static final int SCALE = 3;
    private final FigureHost host;
    private final FlowPane vectors = new FlowPane(6, 6);

    /** @param figures the lab context's {@code figures} lane */
    public CovariancePane(ExperimentPickerViewModel picker, Executor figures) {
        super(8);
        host = new FigureHost(figures);
        host.setId("cnn-covariance-spectrum");
        host.setPrefSize(520, 320);
        host.setMinHeight(240);
        Label note = new Label();
        note.setWrapText(true);
        note.textProperty().bind(Bindings.createStringBinding(() -> picker.covarianceLoadingProperty().get()
                        ? "computing the input covariance (first " + InputCovariance.DEFAULT_IMAGES + " training images)…"
                        : picker.covarianceErrorProperty().get(),
                picker.covarianceLoadingProperty(), picker.covarianceErrorProperty()));
        vectors.setId("cnn-covariance-vectors");
        vectors.setPrefWrapLength(4 * (28 * SCALE + 6));
        Label title = new Label("Top eigenvectors of the input covariance");
        title.setStyle("-fx-font-weight: bold;");
        VBox right = new VBox(4, title, note, vectors);
        right.setPadding(new Insets(4));
        HBox.setHgrow(host, Priority.ALWAYS);
        getChildren().addAll(host, right);
        picker.covarianceProperty().addListener((o, a, c) -> show(c));
        show(picker.covarianceProperty().get());
    }

    public FigureHost host() { return host; }

    /** The eigenvector tiles now shown (tests). */
    public FlowPane vectors() { return vectors; }

    private void show(InputCovariance c) {
        vectors.getChildren().clear();
        if (c == null) {
            host.clear();
            return;
        }
        host.request(size -> Drawing.of(CnnSpectraFigures.inputSpectrum(c)), null);
        double total = 0;
        for (double v : c.eigenvalues()) total += Math.max(0, v);
        for (int k = 0; k < c.eigenvectors().length; k++) {
            Label caption = new Label(String.format(Locale.ROOT, "#%d  %.1f%%", k + 1, total > 0 ? 100 * Math.max(0, c.eigenvalues()[k]) / total : 0));
            caption.setStyle("-fx-font-size: 10px;");
            vectors.getChildren().add(new VBox(1, new ImageView(image(c.eigenvectors()[k], c.shape().c(), c.shape().h(), c.shape().w())), caption));
        }
    }

    /** One eigenvector as an image, scaled so its largest magnitude reaches full colour. */
    static WritableImage image(double[] v, int channels, int h, int w) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        if (m == 0) m = 1;
        WritableImage img = new WritableImage(w * SCALE, h * SCALE);
        PixelWriter out = img.getPixelWriter();
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                Color c = channels == 1 ? diverging(v[i] / m)
                        : Color.color(mid(v[i] / m), mid(v[plane + i] / m), channels >= 3 ? mid(v[2 * plane + i] / m) : 0.5);
                for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) out.setColor(x * SCALE + dx, y * SCALE + dy, c);
            }
        }
        return img;
    }

    /** Blue (-1), white (0), red (+1). */
    static Color diverging(double t) {
        double a = Math.min(1, Math.abs(t));
        Color end = t >= 0 ? Color.rgb(200, 30, 30) : Color.rgb(30, 80, 200);
        return Color.WHITE.interpolate(end, a);
    }

    /** A signed channel value in [-1, 1] as an intensity in [0, 1], 0 at half. */
    private static double mid(double t) {
        return Math.max(0, Math.min(1, 0.5 + 0.5 * t));
    }
}

package org.muonscope.app.theorylab;

import org.muonscope.app.common.AnimationModel;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Restart, step back, play/pause, step forward, the scrub slider, speed and loop. */
final class AnimationBar extends HBox {
    final Button play = new Button("Play");
    final Slider scrub = new Slider(0, 1, 0);
    final Label stepLabel = new Label("step 0");

    AnimationBar(AnimationModel a, java.util.function.DoubleSupplier interval) {
        super(6);
        getStyleClass().add("animation-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        Button restart = new Button("Restart");
        restart.setTooltip(new Tooltip("R"));
        restart.setOnAction(e -> a.restart());
        Button back = new Button("<");
        back.setTooltip(new Tooltip("Left arrow: one step back"));
        back.setOnAction(e -> a.stepBy(-1, interval.getAsDouble()));
        Button fwd = new Button(">");
        fwd.setTooltip(new Tooltip("Right arrow: one step forward"));
        fwd.setOnAction(e -> a.stepBy(1, interval.getAsDouble()));
        play.setId("play");
        play.setTooltip(new Tooltip("Space"));
        play.setOnAction(e -> a.togglePlay());
        a.playingProperty().addListener((o, was, is) -> play.setText(is ? "Pause" : "Play"));
        scrub.setId("scrub");
        scrub.maxProperty().bind(a.maxStepProperty());
        scrub.valueProperty().addListener((o, x, v) -> {
            if (scrub.isValueChanging() || scrub.isPressed()) a.scrubTo(v.doubleValue());
        });
        scrub.setOnMouseReleased(e -> a.scrubTo(scrub.getValue()));
        a.cursorProperty().addListener((o, x, v) -> {
            if (!scrub.isValueChanging()) scrub.setValue(v.doubleValue());
            stepLabel.setText("step " + Math.round(v.doubleValue()));
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().setAll(0.25, 0.5, 1.0, 2.0, 4.0, 8.0);
        speed.setValue(a.speedProperty().get());
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double d) { return d == null ? "" : d + "x"; }
            @Override public Double fromString(String s) { return Double.parseDouble(s.replace("x", "")); }
        });
        speed.valueProperty().addListener((o, x, v) -> { if (v != null) a.speedProperty().set(v); });
        speed.setTooltip(new Tooltip("speed: at 1x a whole run plays in " + (int) AnimationModel.BASE_SECONDS + " s"));
        CheckBox loop = new CheckBox("loop");
        loop.selectedProperty().bindBidirectional(a.loopProperty());
        getChildren().addAll(restart, back, play, fwd, scrub, stepLabel, speed, loop);
        // in presenter mode the fonts grow: the slider gives way, the buttons never truncate
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof javafx.scene.control.Control c && n != scrub) c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        scrub.setMinWidth(60);
    }
}

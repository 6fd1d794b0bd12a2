package org.muonscope.app.cnnlab.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.muonscope.app.cnnlab.ExperimentPickerViewModel;
import org.muonscope.app.cnnlab.SweepViewModel;
import org.muonscope.app.cnnlab.figures.CnnExport;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.ExportButton;
import org.muonscope.app.common.figure.FigureHost;
import org.jfree.chart.JFreeChart;
import javafx.scene.control.SplitMenuButton;
import org.muonscope.engine.SpecException;

/** Sweep settings, the button that queues it, and its summary charts (redrawn at most twice a second). */
public final class SweepPane extends BorderPane {
    private final SweepViewModel sweep;
    private final HBox charts = new HBox(6);
    private final Label status = new Label();
    private final List<FigureHost> images = new ArrayList<>();
    private boolean dirty = true;
    private final Executor render;
    private long last;

    public SweepPane(SweepViewModel sweep, ExperimentPickerViewModel picker, RunQueueHook hook, Executor background,
                     Executor ui, Executor render, Function<Window, Path> chooseDir) {
        this.render = render;
        this.sweep = sweep;
        TextField values = new TextField();
        values.setId("cnn-sweep-values");
        values.textProperty().bindBidirectional(sweep.valuesTextProperty());
        TextField seeds = new TextField();
        seeds.textProperty().bindBidirectional(sweep.seedsTextProperty());
        seeds.setPrefColumnCount(6);
        TextField early = new TextField();
        early.setPrefColumnCount(4);
        early.setText(Double.toString(sweep.earlyFractionProperty().get()));
        early.setOnAction(e -> {
            try {
                double f = Double.parseDouble(early.getText().trim());
                if (f > 0 && f <= 1) sweep.earlyFractionProperty().set(f);
            } catch (NumberFormatException ignored) {
                early.setText(Double.toString(sweep.earlyFractionProperty().get()));
            }
        });
        Label what = new Label();
        what.textProperty().bind(Bindings.createStringBinding(() -> picker.kindProperty().get().symbol().isEmpty()
                ? "pick an experiment on the left" : "values of " + picker.kindProperty().get().symbol()
                + " (" + picker.kindProperty().get().title() + ")", picker.kindProperty()));
        what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button launch = new Button("Queue sweep");
        launch.setId("cnn-queue-sweep");
        launch.setOnAction(e -> {
            sweep.kindProperty().set(picker.kindProperty().get());
            try {
                hook.launched(sweep.launch(picker.specs()).size());
            } catch (SpecException ex) {
                sweep.errorProperty().set(ex.getMessage());
            }
        });
        SplitMenuButton export = ExportButton.create("Export summary…", asShown -> {
            Path dir = chooseDir.apply(getScene() == null ? null : getScene().getWindow());
            if (dir == null) return;
            List<CnnFigureSet.Figure> figs = CnnFigureSet.sweep(sweep.chartsProperty().get());
            // fresh charts: pinned to their plot's zoom here, drawn by the export job alone
            for (int i = 0; asShown && i < figs.size() && i < images.size(); i++) images.get(i).zoom().applyTo(figs.get(i).chart());
            background.execute(() -> {
                String m;
                try {
                    m = "exported " + CnnExport.bundle(figs, List.of(), dir).size() + " files to " + dir;
                } catch (Exception ex) {
                    m = "export failed: " + ex.getMessage();
                }
                String msg = m;
                ui.execute(() -> status.setText(msg));
            });
        });
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(sweep.errorProperty());
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        early.setTooltip(new javafx.scene.control.Tooltip("The imbalance gap is read at this share of each run's steps"));
        form.addRow(0, what, values);
        form.add(new HBox(6, new Label("seeds"), seeds, new Label("early (share of steps)"), early, launch, export), 1, 1);
        GridPane.setHgrow(values, Priority.ALWAYS);
        for (javafx.scene.control.Labeled l : List.of(launch, export)) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox top = new VBox(4, form, error, status);
        top.setPadding(new Insets(6));
        setTop(top);
        charts.setAlignment(Pos.CENTER_LEFT);
        charts.setPadding(new Insets(6));
        setCenter(charts);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!dirty) {
                    stop();
                } else if (getScene() != null && now - last > 500_000_000L) {
                    last = now;
                    dirty = false;
                    redraw();
                }
            }
        };
        sweep.chartsProperty().addListener(o -> {
            dirty = true;
            timer.start();
        });
        timer.start();
    }

    /** Told how many runs a sweep queued, so the window can show the queue. */
    @FunctionalInterface
    public interface RunQueueHook {
        void launched(int runs);
    }

    private void redraw() {
        List<CnnFigureSet.Figure> figs = CnnFigureSet.sweep(sweep.chartsProperty().get());
        while (images.size() < figs.size()) {
            FigureHost v = new FigureHost(render);
            v.setPrefSize(560, 420);
            HBox.setHgrow(v, Priority.ALWAYS);
            images.add(v);
        }
        for (int i = 0; i < figs.size(); i++) {
            JFreeChart chart = figs.get(i).chart();
            images.get(i).request(size -> Drawing.of(chart), null);
        }
        charts.getChildren().setAll(images.subList(0, figs.size()));
    }
}

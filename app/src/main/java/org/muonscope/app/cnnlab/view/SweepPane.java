package org.muonscope.app.cnnlab.view;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.cnnlab.ExperimentPickerViewModel;
import org.muonscope.app.cnnlab.SweepCells;
import org.muonscope.app.cnnlab.SweepViewModel;
import org.muonscope.app.cnnlab.figures.CnnExport;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.ExportButton;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.engine.run.Status;

/**
 * The sweep panel: values, seeds, early share and master URL; run, cancel, resume, open a sweep folder, export; a progress
 * line; the summary charts (redrawn at most twice a second) over the list of cells, each with how it ended.
 */
public final class SweepPane extends BorderPane {
    private final SweepViewModel sweep;
    private final HBox charts = new HBox(6);
    private final Label status = new Label();
    private final List<FigureHost> images = new ArrayList<>();
    private final Executor render;
    private boolean dirty = true;
    private long last;

    public SweepPane(SweepViewModel sweep, ExperimentPickerViewModel picker, Executor background, Executor ui, Executor render,
                     Function<Window, Path> chooseDir) {
        this.render = render;
        this.sweep = sweep;
        TextField values = field("cnn-sweep-values", sweep.valuesTextProperty(), 20);
        TextField seeds = field("cnn-sweep-seeds", sweep.seedsTextProperty(), 5);
        seeds.setTooltip(new Tooltip("Master seeds A-B, one cell each (or one seed: A)"));
        TextField master = field("cnn-sweep-master", sweep.masterTextProperty(), 16);
        master.setPromptText("this machine");
        master.setTooltip(new Tooltip("Empty: this machine. local[2]: Spark in this process; spark://HOST:PORT: a standalone "
                + "cluster (needs the cluster module's build, README: Running on a cluster)"));
        TextField early = new TextField(Double.toString(sweep.earlyFractionProperty().get()));
        early.setPrefColumnCount(4);
        early.setTooltip(new Tooltip("The imbalance gap is read at this share of each run's steps"));
        early.setOnAction(e -> {
            try {
                double f = Double.parseDouble(early.getText().trim());
                if (f > 0 && f <= 1) sweep.earlyFractionProperty().set(f);
            } catch (NumberFormatException ignored) {
                early.setText(Double.toString(sweep.earlyFractionProperty().get()));
            }
        });
        // a share typed and left without Enter counts too
        early.focusedProperty().addListener((o, was, now) -> {
            if (!now) early.getOnAction().handle(null);
        });
        sweep.earlyFractionProperty().addListener((o, a, b) -> early.setText(Double.toString(b.doubleValue())));
        Label what = new Label();
        what.textProperty().bind(Bindings.createStringBinding(() -> picker.kindProperty().get().symbol().isEmpty()
                ? "no value to vary (plain): optimizers x seeds" : "values of " + picker.kindProperty().get().symbol()
                + " (" + picker.kindProperty().get().title() + ")", picker.kindProperty()));
        values.disableProperty().bind(Bindings.createBooleanBinding(() -> picker.kindProperty().get().symbol().isEmpty(), picker.kindProperty()));

        Button run = new Button("Run sweep");
        run.setId("cnn-run-sweep");
        run.setTooltip(new Tooltip("Every value x ticked optimizer x seed is one cell, run by the sweep engine into its folder; "
                + "cells finished by an earlier run of the same sweep are skipped"));
        run.disableProperty().bind(sweep.runningProperty());
        run.setOnAction(e -> sweep.launch());
        Button cancel = new Button("Cancel");
        cancel.setId("cnn-cancel-sweep");
        cancel.disableProperty().bind(sweep.runningProperty().not());
        cancel.setOnAction(e -> sweep.cancel());
        Button resume = new Button("Resume");
        resume.setId("cnn-resume-sweep");
        resume.setTooltip(new Tooltip("Run the shown sweep again as its folder saved it: finished cells are skipped, the rest run"));
        resume.disableProperty().bind(sweep.runningProperty().or(sweep.folderProperty().isNull()));
        resume.setOnAction(e -> sweep.resume());
        Button open = new Button("Open sweep…");
        open.setTooltip(new Tooltip("Show a sweep folder: the lab's (under cnn-runs/sweeps) or one muonscope sweep wrote"));
        open.disableProperty().bind(sweep.runningProperty());
        open.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Sweep folder (with sweep.json)");
            if (sweep.folderProperty().get() != null && sweep.folderProperty().get().getParent().toFile().isDirectory()) {
                dc.setInitialDirectory(sweep.folderProperty().get().getParent().toFile());
            }
            File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) sweep.open(f.toPath());
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
        for (Labeled l : List.of(run, cancel, resume, open, export, what)) l.setMinWidth(Region.USE_PREF_SIZE);

        Label error = new Label();
        error.setId("cnn-sweep-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(sweep.errorProperty());
        Label progress = new Label();
        progress.setId("cnn-sweep-progress");
        progress.setStyle("-fx-font-weight: bold;");
        progress.textProperty().bind(sweep.progressProperty());
        Label where = new Label();
        where.setStyle("-fx-font-size: 11px; -fx-text-fill: #666;");
        where.textProperty().bind(Bindings.createStringBinding(() -> sweep.folderProperty().get() == null ? ""
                : "folder: " + sweep.folderProperty().get(), sweep.folderProperty()));

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, what, values);
        form.add(new HBox(6, label("seeds"), seeds, label("early share"), early, label("master"), master), 1, 1);
        form.add(new HBox(6, run, cancel, resume, open, export), 1, 2);
        GridPane.setHgrow(values, Priority.ALWAYS);
        VBox top = new VBox(4, form, error, progress, where, status);
        top.setPadding(new Insets(6));
        setTop(top);

        charts.setAlignment(Pos.CENTER_LEFT);
        charts.setPadding(new Insets(6));
        ListView<SweepCells.Row> cells = new ListView<>(sweep.rows());
        cells.setId("cnn-sweep-cells");
        cells.setPrefHeight(150);
        cells.setCellFactory(v -> new RowCell(sweep));
        // the cell that just landed comes into view
        sweep.rows().addListener((javafx.collections.ListChangeListener<SweepCells.Row>) c -> {
            while (c.next()) if (c.wasReplaced() && c.getFrom() == c.getTo() - 1) cells.scrollTo(Math.max(0, c.getFrom() - 2));
        });
        cells.setPlaceholder(new Label("No sweep yet: the experiment and optimizers on the left, the values and seeds above, then Run sweep"));
        VBox center = new VBox(4, charts, cells);
        VBox.setVgrow(charts, Priority.ALWAYS);
        center.setPadding(new Insets(0, 6, 6, 6));
        setCenter(center);

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

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
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

    /** One cell: what it runs and how it ended (pending, done, diverged or failed with why, cancelled). */
    private static final class RowCell extends ListCell<SweepCells.Row> {
        private final SweepViewModel sweep;

        RowCell(SweepViewModel sweep) {
            this.sweep = sweep;
        }

        @Override
        protected void updateItem(SweepCells.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(r.label(sweep::name) + "   " + outcome(r));
            setStyle(r.status() == Status.FAILED ? "-fx-text-fill: #b00020;" : r.status() == Status.DIVERGED ? "-fx-text-fill: #b35900;"
                    : r.status() == null || r.status() == Status.CANCELLED ? "-fx-text-fill: #777;" : "");
        }

        static String outcome(SweepCells.Row r) {
            if (r.status() == null) return "pending";
            String s = switch (r.status()) {
                case COMPLETED -> r.before() ? "done before" : "done";
                case DIVERGED -> "DIVERGED";
                case FAILED -> "FAILED";
                case CANCELLED -> "cancelled";
            };
            if (r.status() == Status.COMPLETED && !r.runs().isEmpty() && !r.runs().get(0).history().isEmpty()) {
                var h = r.runs().get(0).history();
                s += String.format(Locale.ROOT, ", test accuracy %.3f", h.get(h.size() - 1).testAccuracy());
            }
            if (r.message() == null || r.status() == Status.COMPLETED) return s;
            String m = r.message().lines().findFirst().orElse("");
            // the engine's messages often start with the status itself ("cancelled at step 60")
            return m.toLowerCase(Locale.ROOT).startsWith(r.status().name().toLowerCase(Locale.ROOT)) ? m : s + ": " + m;
        }
    }
}

package org.muonscope.app.cnnlab.view;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.muonscope.app.cnnlab.RunItem;
import org.muonscope.app.cnnlab.RunQueueViewModel;
import org.muonscope.app.cnnlab.RunStatus;

/**
 * The run queue, in the manner of ControlsFX's task progress view: one row per run with its progress bar,
 * images/s, ETA and its own cancel / resume / delete buttons, but finished runs stay listed so they can be
 * reopened (double-click), compared (select several) and deleted.
 */
public final class QueuePane extends VBox {
    private final ListView<RunItem> list = new ListView<>();

    public QueuePane(RunQueueViewModel queue) {
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(360);
        Label title = new Label("Runs");
        title.getStyleClass().add("cnn-section");
        list.setId("cnn-queue");
        list.setItems(queue.runs());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new RunCell(queue));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                queue.reopen(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button compare = new Button("Compare selected");
        compare.setId("cnn-compare");
        compare.setTooltip(new Tooltip("Draw the selected runs together in the live plots"));
        compare.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        compare.setOnAction(e -> queue.compare(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Label running = new Label();
        running.textProperty().bind(Bindings.format("%d running · %d listed", queue.runningProperty(), Bindings.size(queue.runs())));
        HBox buttons = new HBox(6, compare);
        getChildren().addAll(title, running, list, buttons);
    }

    public ListView<RunItem> list() {
        return list;
    }

    static String eta(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "ETA –";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "ETA %d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "ETA %d:%02d", s / 60, s % 60);
    }

    /** One run: its bindings are made when the cell shows it and undone when it shows another. */
    private static final class RunCell extends ListCell<RunItem> {
        private final RunQueueViewModel queue;
        private final Label name = new Label();
        private final Label status = new Label();
        private final Label speed = new Label();
        private final ProgressBar bar = new ProgressBar(0);
        private final Button cancel = new Button("Cancel");
        private final Button resume = new Button("Resume");
        private final Button delete = new Button("Delete");
        private final VBox box;

        RunCell(RunQueueViewModel queue) {
            this.queue = queue;
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            name.setStyle("-fx-font-weight: bold;");
            status.setStyle("-fx-font-size: 11px;");
            speed.setStyle("-fx-font-size: 11px;");
            cancel.getStyleClass().add("cnn-cancel");
            resume.getStyleClass().add("cnn-resume");
            delete.getStyleClass().add("cnn-delete");
            for (Button b : List.of(cancel, resume, delete)) {
                b.setStyle("-fx-font-size: 10px; -fx-padding: 1 6 1 6;");
                b.managedProperty().bind(b.visibleProperty());
            }
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(6, status, gap, cancel, resume, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, name, bar, speed, row);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunItem item, boolean empty) {
            super.updateItem(item, empty);
            name.textProperty().unbind();
            status.textProperty().unbind();
            speed.textProperty().unbind();
            bar.progressProperty().unbind();
            cancel.visibleProperty().unbind();
            resume.visibleProperty().unbind();
            delete.visibleProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(item.label());
            status.textProperty().bind(Bindings.createStringBinding(() -> {
                String m = item.messageProperty().get();
                return item.status().title() + (m == null || m.isEmpty() ? "" : " — " + m);
            }, item.statusProperty(), item.messageProperty()));
            speed.textProperty().bind(Bindings.createStringBinding(() -> {
                double ips = item.imagesPerSecondProperty().get();
                String s = "step " + item.stepProperty().get() + " · " + Math.round(100 * item.progressProperty().get()) + "%";
                if (item.status() == RunStatus.RUNNING) {
                    s += " · " + (Double.isFinite(ips) ? Math.round(ips) + " images/s" : "– images/s") + " · " + eta(item.etaSecondsProperty().get());
                }
                return s;
            }, item.stepProperty(), item.progressProperty(), item.imagesPerSecondProperty(), item.etaSecondsProperty(), item.statusProperty()));
            bar.progressProperty().bind(item.progressProperty());
            cancel.visibleProperty().bind(Bindings.createBooleanBinding(() -> item.status().isActive(), item.statusProperty()));
            resume.visibleProperty().bind(item.resumableProperty());
            delete.visibleProperty().bind(Bindings.createBooleanBinding(() -> !item.status().isActive(), item.statusProperty()));
            cancel.setOnAction(e -> queue.cancel(item));
            resume.setOnAction(e -> queue.resume(item));
            delete.setOnAction(e -> queue.delete(item));
            setText(null);
            setGraphic(box);
        }
    }
}

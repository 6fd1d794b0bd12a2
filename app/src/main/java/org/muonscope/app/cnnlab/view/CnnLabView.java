package org.muonscope.app.cnnlab.view;

import org.muonscope.app.common.Notices;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.muonscope.app.common.TaskExecutor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.muonscope.app.cnnlab.CnnPreset;
import org.muonscope.app.cnnlab.ExperimentPickerViewModel;
import org.muonscope.app.cnnlab.RunInfo;
import org.muonscope.app.cnnlab.RunQueueViewModel;
import org.muonscope.app.cnnlab.RunStatus;
import org.muonscope.app.cnnlab.SweepViewModel;
import org.muonscope.app.cnnlab.figures.CnnMatrixFigures;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;

/**
 * The CNN Lab: the picker on the left, the data preview / live plots / sweep tabs in the middle, the run queue
 * on the right, and a status line with the longest FX-thread stall measured while runs were going.
 */
public final class CnnLabView extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final LivePlotsPane live;
    private final SweepPane sweepPane;
    private final QueuePane queuePane;
    private final StallMeter stall;
    private final javafx.beans.property.ObjectProperty<Function<Window, Path>> folderChooser =
            new javafx.beans.property.SimpleObjectProperty<>(this, "folderChooser");

    public CnnLabView(ExperimentPickerViewModel picker, RunQueueViewModel queue, SweepViewModel sweep, List<CnnPreset> presets,
                      TaskExecutor tasks, Function<Window, Path> chooseDir) {
        Executor background = tasks::execute;
        Executor ui = tasks.ui()::execute;
        Executor render = tasks.lane("figures");
        stall = new StallMeter(tasks);
        folderChooser.set(chooseDir != null ? chooseDir : CnnLabView::chooseFolder);
        Function<Window, Path> chooser = w -> folderChooser.get().apply(w);
        live = new LivePlotsPane(queue, background, ui, render, chooser);
        Tab liveTab = new Tab("Live plots", live);
        Tab dataTab = new Tab("Data", dataPane(picker, render));
        sweepPane = new SweepPane(sweep, picker, background, ui, render, chooser);
        Tab sweepTab = new Tab("Sweep", sweepPane);
        Tab spectraTab = SpectraPane.tab(queue, render);
        live.exportAlso((SpectraPane) spectraTab.getContent());
        for (Tab t : List.of(dataTab, liveTab, spectraTab, sweepTab)) t.setClosable(false);
        tabs.getTabs().setAll(dataTab, liveTab, spectraTab, sweepTab);
        tabs.setId("cnn-tabs");
        // a training may end while the user is in another tab: say so in the corner of the window
        queue.lastEndedProperty().addListener((o, a, item) -> {
            if (item == null || item.status() == RunStatus.CANCELLED) return;
            if (item.status() == RunStatus.FAILED) {
                Notices.show(this, item.label() + " failed", item.messageProperty().get(), Notices.Level.ERROR);
            } else if (!item.history().isEmpty()) {
                var last = item.history().get(item.history().size() - 1);
                Notices.show(this, item.label() + " finished", String.format(java.util.Locale.ROOT,
                        "test accuracy %.3f, balanced %.3f, worst class %.3f", last.testAccuracy(), last.balancedAccuracy(),
                        last.worstClassAccuracy()), Notices.Level.INFO);
            }
        });
        live.activeProperty().bind(liveTab.selectedProperty());

        PickerPane left = new PickerPane(picker, presets, p -> {
            if (p.isSweep()) {
                sweep.apply(p);
                tabs.getSelectionModel().select(sweepTab);
            }
        }, specs -> {
            queue.enqueueGroup(specs);
            tabs.getSelectionModel().select(liveTab);
        });
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(300);
        queuePane = new QueuePane(queue);
        SplitPane split = new SplitPane(leftScroll, tabs, queuePane);
        split.setDividerPositions(0.2, 0.78);
        SplitPane.setResizableWithParent(leftScroll, false);
        SplitPane.setResizableWithParent(queuePane, false);
        setCenter(split);

        Label status = new Label();
        status.setId("cnn-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                "%d running · while training: longest FX-thread stall %.0f ms, most FX-thread work between two frames %.0f ms",
                queue.runningProperty().get(), stall.longestStallMsProperty().get(), stall.longestBusyMsProperty().get()),
                queue.runningProperty(), stall.longestStallMsProperty(), stall.longestBusyMsProperty()));
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(2, 8, 2, 8));
        setBottom(bar);
        queue.runningProperty().addListener((o, a, b) -> stall.setMeasuring(b.intValue() > 0));
        queue.runs().addListener((javafx.collections.ListChangeListener<org.muonscope.app.cnnlab.RunItem>) c ->
                stall.setMeasuring(queue.runs().stream().anyMatch(r -> r.status() == RunStatus.RUNNING)));
    }

    private static VBox dataPane(ExperimentPickerViewModel picker, Executor render) {
        SampleGrid grid = new SampleGrid();
        FigureHost counts = new FigureHost(render);
        counts.setPrefSize(520, 360);
        Label note = new Label();
        note.textProperty().bind(Bindings.createStringBinding(() -> picker.previewLoadingProperty().get() ? "loading the data…"
                : picker.previewErrorProperty().get(), picker.previewLoadingProperty(), picker.previewErrorProperty()));
        picker.previewProperty().addListener((o, a, p) -> {
            grid.show(p);
            if (p == null) {
                counts.clear();
                return;
            }
            org.jfree.chart.JFreeChart chart = CnnMatrixFigures.classCounts(p.classNames(), p.trainCounts(),
                    new RunInfo(p.classNames(), p.trainCounts(), List.of(), 0).minorityClasses(), "Training images per class");
            counts.request(size -> Drawing.of(chart), null);
        });
        ScrollPane scroll = new ScrollPane(grid);
        HBox row = new HBox(8, scroll, counts);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(6, note, row, new CovariancePane(picker, render));
        VBox.setVgrow(row, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    static Path chooseFolder(Window owner) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export to folder");
        File f = dc.showDialog(owner);
        return f == null ? null : f.toPath();
    }

    public LivePlotsPane live() { return live; }

    /** Asks where to export; the system folder chooser unless replaced (tests, scripted demos). */
    public javafx.beans.property.ObjectProperty<Function<Window, Path>> folderChooserProperty() { return folderChooser; }

    public QueuePane queuePane() { return queuePane; }

    public StallMeter stallMeter() { return stall; }

    public TabPane tabs() { return tabs; }

    /** Shows the data tab. */
    public void showData() { tabs.getSelectionModel().select(0); }
}

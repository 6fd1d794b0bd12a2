package org.muonscope.app.cnnlab.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunItem;
import org.muonscope.app.cnnlab.RunQueueViewModel;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.cnnlab.figures.CnnFigures;
import org.muonscope.app.cnnlab.figures.CnnRunData;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.ExportButton;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Zoom;

/**
 * The live plots of the selected run and the runs compared with it, redrawn at most four times a second and only
 * while the tab shows, plus a cursor over steps (the confusion matrix is the one at the cursor) and the export.
 */
public final class LivePlotsPane extends BorderPane {
    private static final long MIN_REDRAW_NANOS = 250_000_000L;
    private final RunQueueViewModel queue;
    private final List<FigureHost> viewers = new ArrayList<>();
    /** The figure each host shows, by name: a host whose slot changes figure starts unzoomed. */
    private final List<String> shownNames = new ArrayList<>();
    private final Slider cursor = new Slider(0, 1, 1);
    private final CheckBox follow = new CheckBox("follow");
    private final Label status = new Label();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final List<RunItem> watched = new ArrayList<>();
    private final InvalidationListener dirtyListener = o -> markDirty();
    private final ExportAction export;
    /** The Spectra view, whose figures the export adds to these (none until the lab view joins them). */
    private SpectraPane spectra;
    private boolean dirty = true;
    // Runs only while something is waiting to be drawn, so an idle lab does not keep the FX thread pulsing.
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!dirty || !active.get()) {
                stop();
            } else if (now - lastRedraw >= MIN_REDRAW_NANOS) {
                lastRedraw = now;
                dirty = false;
                redraw();
            }
        }
    };
    private long lastRedraw;

    public LivePlotsPane(RunQueueViewModel queue, Executor background, Executor ui, Executor render, Function<Window, Path> chooseDir) {
        this.queue = queue;
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < 6; i++) {
            FigureHost v = new FigureHost(render);
            v.setPrefSize(320, 240);
            v.setId("cnn-plot-" + i);
            viewers.add(v);
            shownNames.add(null);
            grid.add(v, i % 3, i / 3);
        }
        setCenter(grid);
        cursor.setId("cnn-cursor");
        HBox.setHgrow(cursor, Priority.ALWAYS);
        follow.setSelected(true);
        cursor.valueProperty().addListener((o, a, b) -> {
            if (cursor.isValueChanging() || b.doubleValue() < cursor.getMax()) follow.setSelected(b.doubleValue() >= cursor.getMax());
            markDirty();
        });
        follow.selectedProperty().addListener(dirtyListener);
        // Exports draw fresh chart objects on a background thread, never the ones the screen is drawing.
        export = new ExportAction(this, background, ui, chooseDir, this::exportFigures, this::zoomOf, queue, status);
        SplitMenuButton exportButton = ExportButton.create("Export figures…", export::run);
        exportButton.setId("cnn-export");
        HBox bar = new HBox(8, new Label("cursor step"), cursor, follow, exportButton, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setBottom(bar);

        queue.selectedProperty().addListener(o -> rewatch());
        queue.compared().addListener((ListChangeListener<RunItem>) c -> rewatch());
        active.addListener(dirtyListener);
        rewatch();
    }

    /** False while the tab is hidden: nothing is redrawn then; the plots catch up when shown again. */
    public BooleanProperty activeProperty() { return active; }

    public ExportAction exportAction() { return export; }

    /** The hosts of the six plots, in grid order. */
    public List<FigureHost> hosts() { return List.copyOf(viewers); }

    /** Lets "Export figures…" also write the Spectra view's figures. */
    void exportAlso(SpectraPane spectra) {
        this.spectra = spectra;
    }

    /** The zoom of the host showing the figure of that name ({@link Zoom#WHOLE} if none shows it). */
    Zoom zoomOf(String name) {
        int i = shownNames.indexOf(name);
        if (i >= 0) return viewers.get(i).zoom();
        return spectra == null ? Zoom.WHOLE : spectra.zoomOf(name);
    }

    /** What "Export figures…" writes: these plots' figures and the Spectra view's. */
    private List<CnnFigureSet.Figure> exportFigures() {
        List<CnnFigureSet.Figure> figs = new ArrayList<>(buildFigures());
        if (spectra != null) figs.addAll(spectra.exportFigures());
        return figs;
    }

    private void rewatch() {
        for (RunItem i : watched) unwatch(i);
        watched.clear();
        List<RunItem> items = new ArrayList<>(queue.compared());
        RunItem sel = queue.selectedProperty().get();
        if (sel != null && !items.contains(sel)) items.add(sel);
        for (RunItem i : items) {
            i.history().addListener(dirtyListener);
            i.infoProperty().addListener(dirtyListener);
            watched.add(i);
        }
        markDirty();
    }

    private void markDirty() {
        dirty = true;
        timer.start();
    }

    private void unwatch(RunItem i) {
        i.history().removeListener(dirtyListener);
        i.infoProperty().removeListener(dirtyListener);
    }

    private void redraw() {
        // the charts are handed to the render lane: from here on only its jobs touch them
        List<CnnFigureSet.Figure> figures = buildFigures();
        for (int i = 0; i < viewers.size(); i++) {
            String name = i < figures.size() ? figures.get(i).name() : null;
            if (!java.util.Objects.equals(name, shownNames.get(i))) viewers.get(i).resetZoom();
            shownNames.set(i, name);
            JFreeChart chart = name != null ? figures.get(i).chart()
                    : CnnFigures.withNote(new JFreeChart(new org.jfree.chart.plot.XYPlot()), "queue a run or double-click one in the list");
            viewers.get(i).request(size -> Drawing.of(chart), null);
        }
    }

    /** New chart objects for the current selection, comparison and cursor (cheap: no drawing happens here). */
    List<CnnFigureSet.Figure> buildFigures() {
        RunItem sel = queue.selectedProperty().get();
        List<RunItem> compared = List.copyOf(queue.compared());
        boolean sameExperiment = compared.stream().map(i -> i.spec().experiment()).distinct().count() <= 1
                && compared.stream().map(i -> i.spec().seed()).distinct().count() <= 1;
        CnnRunData selected = sel == null ? null : data(sel, sameExperiment && compared.contains(sel));
        List<CnnRunData> runs = compared.stream().map(i -> data(i, sameExperiment)).toList();
        double max = 0;
        if (selected != null && !selected.history().isEmpty()) max = selected.history().get(selected.history().size() - 1).step();
        cursor.setMax(Math.max(1, max));
        if (follow.isSelected()) cursor.setValue(cursor.getMax());
        double at = follow.isSelected() ? Double.POSITIVE_INFINITY : cursor.getValue();
        return CnnFigureSet.build(selected, runs, follow.isSelected() ? max : at);
    }

    /** A run as the figures read it; short legend labels when every compared run shares experiment and seed. */
    static CnnRunData data(RunItem i, boolean shortLabel) {
        List<EvalPoint> h = List.copyOf(i.history());
        return new CnnRunData(shortLabel ? i.spec().optimizerLabel() : i.label(), i.spec().optimizer().kind().id(),
                i.spec().experiment().label(), i.info(), h);
    }
}

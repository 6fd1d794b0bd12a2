package org.muonscope.app.cnnlab.view;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunItem;
import org.muonscope.app.cnnlab.RunQueueViewModel;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.cnnlab.figures.CnnRunData;
import org.muonscope.app.cnnlab.figures.CnnSpectraFigures;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Zoom;

/**
 * The Spectra view: the chosen layer's singular values over training, one panel per compared run (the selected one
 * when nothing is compared), drawn by the one figure host on the figures lane. A layer chooser lists the weight
 * matrices of the runs shown, the first hidden one chosen at first. Redrawn as evaluations arrive, only while the
 * view shows; the FX thread only copies the runs' histories, the chart is built and drawn on the lane.
 */
public final class SpectraPane extends BorderPane {
    private final RunQueueViewModel queue;
    private final FigureHost host;
    private final ComboBox<String> layer = new ComboBox<>();
    private final Label note = new Label();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final List<RunItem> watched = new ArrayList<>();
    private final InvalidationListener changed = o -> redraw();
    /** While the chooser's items are being replaced: its selection events are not the user's. */
    private boolean updatingChoices;
    private boolean dirty = true;

    /** @param figures the lab context's {@code figures} lane */
    public SpectraPane(RunQueueViewModel queue, Executor figures) {
        this.queue = queue;
        this.host = new FigureHost(figures);
        host.setId("cnn-spectra-figure");
        layer.setId("cnn-spectra-layer");
        layer.setPromptText("no spectra yet");
        layer.valueProperty().addListener((o, a, b) -> {
            if (!updatingChoices) redraw();
        });
        note.getStyleClass().add("cnn-note");
        HBox bar = new HBox(8, new Label("layer"), layer, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(host);
        queue.selectedProperty().addListener(o -> rewatch());
        queue.compared().addListener((ListChangeListener<RunItem>) c -> rewatch());
        active.addListener((o, a, on) -> {
            if (on && dirty) redraw();
        });
        rewatch();
    }

    /** The view in a tab of its own ({@code Spectra}), drawn only while that tab is selected. */
    public static Tab tab(RunQueueViewModel queue, Executor figures) {
        SpectraPane pane = new SpectraPane(queue, figures);
        Tab tab = new Tab("Spectra", pane);
        tab.setId("cnn-spectra-tab");
        pane.activeProperty().bind(tab.selectedProperty());
        return tab;
    }

    /** False while the view is hidden: nothing is drawn then, and it catches up when shown. */
    public BooleanProperty activeProperty() { return active; }

    /** The layer chooser (tests, scripted demos). */
    public ComboBox<String> layerChooser() { return layer; }

    public FigureHost host() { return host; }

    /**
     * What the lab's export adds for this view: the chosen layer's spectra (the default layer before a choice) and
     * every layer's effective rank, as fresh charts of the runs this view shows; none when no run recorded spectra.
     * Read on the FX thread.
     */
    List<CnnFigureSet.Figure> exportFigures() {
        return CnnFigureSet.spectra(snapshot(shownItems()), layer.getValue(), Double.POSITIVE_INFINITY);
    }

    /** The zoom an "as shown" export keeps: the host's for the spectra, none for the rank figure this view does not show. */
    Zoom zoomOf(String name) {
        return "spectra".equals(name) ? host.zoom() : Zoom.WHOLE;
    }

    private void rewatch() {
        for (RunItem i : watched) {
            i.history().removeListener(changed);
            i.infoProperty().removeListener(changed);
        }
        watched.clear();
        for (RunItem i : shownItems()) {
            i.history().addListener(changed);
            i.infoProperty().addListener(changed);
            watched.add(i);
        }
        redraw();
    }

    private List<RunItem> shownItems() {
        List<RunItem> items = new ArrayList<>(queue.compared());
        RunItem sel = queue.selectedProperty().get();
        if (items.isEmpty() && sel != null) items.add(sel);
        return items;
    }

    /** Copies the runs on the FX thread and hands the chart to the figure host; the chart is built on its lane. */
    private void redraw() {
        if (!active.get()) {
            dirty = true;
            return;
        }
        dirty = false;
        List<CnnRunData> runs = snapshot(shownItems());
        List<String> layers = CnnSpectraFigures.layers(runs);
        updateChoices(layers);
        String chosen = layer.getValue();
        if (chosen == null) {
            note.setText(runs.isEmpty() ? "queue a run, or select or compare runs in the list"
                    : "these runs recorded no spectra (trained before Muonscope recorded them)");
            host.clear();
            return;
        }
        note.setText("log axis: parallel lines grow by the same factor");
        host.request(size -> Drawing.of(CnnSpectraFigures.spectra(runs, chosen, Double.POSITIVE_INFINITY)), null);
    }

    /** The chooser's items follow the runs' layers; the choice stays when it still exists, else the first hidden one. */
    private void updateChoices(List<String> layers) {
        if (layers.equals(layer.getItems())) return;
        String keep = layer.getValue();
        updatingChoices = true;
        try {
            layer.getItems().setAll(layers);
            layer.setValue(layers.contains(keep) ? keep : CnnSpectraFigures.defaultLayer(layers));
        } finally {
            updatingChoices = false;
        }
    }

    /** The runs as the figures read them; short legend labels when every run shares experiment and seed. */
    private static List<CnnRunData> snapshot(List<RunItem> items) {
        boolean same = items.stream().map(i -> i.spec().experiment()).distinct().count() <= 1
                && items.stream().map(i -> i.spec().seed()).distinct().count() <= 1;
        List<CnnRunData> out = new ArrayList<>();
        for (RunItem i : items) {
            List<EvalPoint> h = List.copyOf(i.history());
            out.add(new CnnRunData(same ? i.spec().optimizerLabel() : i.label(), i.spec().optimizer().kind().id(),
                    i.spec().experiment().label(), i.info(), h));
        }
        return out;
    }
}

package org.muonscope.app.cnnlab.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Window;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.muonscope.app.cnnlab.RunItem;
import org.muonscope.app.cnnlab.RunQueueViewModel;
import org.muonscope.app.cnnlab.RunStore;
import org.muonscope.app.cnnlab.figures.CnnExport;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.common.figure.Zoom;

/**
 * Asks for a folder and writes the current figures there as a bundle (PNG, PNG@2x, SVG, PDF, CSV, spec.json,
 * provenance.json) on a background thread, each figure as shown (its plot's zoom) or whole; the status label says
 * where, or what failed.
 */
public final class ExportAction {
    private final Node owner;
    private final Executor background;
    private final Executor ui;
    private final Function<Window, Path> chooseDir;
    private final Supplier<List<CnnFigureSet.Figure>> figures;
    private final Function<String, Zoom> zoomOf;
    private final RunQueueViewModel queue;
    private final Label status;
    private final ReadOnlyObjectWrapper<List<Path>> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten", List.of());

    ExportAction(Node owner, Executor background, Executor ui, Function<Window, Path> chooseDir,
                 Supplier<List<CnnFigureSet.Figure>> figures, Function<String, Zoom> zoomOf, RunQueueViewModel queue, Label status) {
        this.owner = owner;
        this.background = background;
        this.ui = ui;
        this.chooseDir = chooseDir;
        this.figures = figures;
        this.zoomOf = zoomOf;
        this.queue = queue;
        this.status = status;
    }

    /** The files of the last finished export. */
    public ReadOnlyObjectProperty<List<Path>> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }

    /** @param asShown each figure keeps the zoom of the plot showing it; false: every figure whole */
    public void run(boolean asShown) {
        Path dir = chooseDir.apply(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (dir == null) return;
        List<CnnFigureSet.Figure> figs = figures.get();
        // fresh charts no other thread draws: pinned to the plot's zoom here, drawn by the export job alone
        if (asShown) for (CnnFigureSet.Figure f : figs) zoomOf.apply(f.name()).applyTo(f.chart());
        List<ObjectNode> runSpecs = new ArrayList<>();
        List<RunItem> items = new ArrayList<>(queue.compared());
        RunItem sel = queue.selectedProperty().get();
        if (sel != null && !items.contains(sel)) items.add(0, sel);
        for (RunItem i : items) {
            ObjectNode n = RunStore.specToJson(i.spec());
            n.put("folder", i.dir().toString());
            runSpecs.add(n);
        }
        status.setText("exporting…");
        background.execute(() -> {
            String msg;
            List<Path> written = List.of();
            try {
                written = CnnExport.bundle(figs, runSpecs, dir);
                msg = "exported " + written.size() + " files to " + dir;
            } catch (Exception e) {
                msg = "export failed: " + e.getMessage();
            }
            String m = msg;
            List<Path> w = written;
            ui.execute(() -> {
                status.setText(m);
                lastWritten.set(w);
            });
        });
    }
}

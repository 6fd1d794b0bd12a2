package org.muonscope.app.theorylab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.ClipboardContent;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.FigureCsv;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.app.plots.RunData;

/**
 * The Theory Lab's files: sessions, one figure or its data, the clipboard and the figure bundle. What a file shows is
 * taken on the FX thread (a fresh chart, a frozen copy of the data); the writing happens on the task executor, and
 * the status line says when it is done or why not.
 */
public final class TheoryLabFiles {
    private final TheoryLabViewModel vm;
    private final TaskExecutor tasks;
    private final TheoryFigures figures;
    private final BiFunction<String, Zoom, LabFigure> figure;
    private final Supplier<ChartStyle> style;
    /** The depth view's measured t90s when they belong to this data, else null. */
    private final Function<RunData, long[][]> depth;

    TheoryLabFiles(TheoryLabViewModel vm, TaskExecutor tasks, TheoryFigures figures, BiFunction<String, Zoom, LabFigure> figure,
                   Supplier<ChartStyle> style, Function<RunData, long[][]> depth) {
        this.vm = vm;
        this.tasks = tasks;
        this.figures = figures;
        this.figure = figure;
        this.style = style;
        this.depth = depth;
    }

    public void openSession(Path p) {
        try {
            vm.apply(Session.read(p));
        } catch (Exception ex) {
            vm.statusProperty().set("Could not open " + p.getFileName() + ": " + ex.getMessage());
        }
    }

    public void saveSession(Path p) {
        try {
            PlotExporter.writeAtomically(p, vm.toSession().toJson());
            vm.statusProperty().set("Saved session to " + p);
        } catch (Exception ex) {
            vm.statusProperty().set("Could not save: " + ex.getMessage());
        }
    }

    /** Whether single-figure exports and the clipboard keep the figure's zoom ("as shown") or show it whole. */
    public javafx.beans.property.BooleanProperty exportAsShownProperty() {
        return figures.exportAsShownProperty();
    }

    /** Writes one figure (same style; the zoom as shown or the whole figure) at the export size. */
    public void exportFigure(String name, PlotExporter.Format fmt, Path p) {
        Zoom z = figures.exportZoom(name);
        LabFigure f = figure.apply(name, z);
        write(p, () -> PlotExporter.write(f.chart(), z, fmt, Figures.WIDTH, Figures.HEIGHT, p));
    }

    public void exportCsv(String name, Path p) {
        RunData d = vm.dataProperty().get();
        if (d == null) return;
        RunData frozen = d.freeze();
        long[][] measured = depth.apply(d);
        write(p, () -> PlotExporter.writeAtomically(p, FigureCsv.of(name, frozen, measured)));
    }

    private interface Write {
        void run() throws Exception;
    }

    private void write(Path p, Write w) {
        vm.statusProperty().set("Exporting " + p.getFileName() + "...");
        tasks.execute(() -> {
            long t0 = System.nanoTime();
            String msg;
            try {
                w.run();
                msg = String.format(Locale.ROOT, "Exported %s in %.0f ms", p.getFileName(), (System.nanoTime() - t0) / 1e6);
            } catch (Exception ex) {
                msg = "Export failed: " + ex.getMessage();
            }
            String m = msg;
            tasks.ui().execute(() -> vm.statusProperty().set(m));
        });
    }

    public void copyToClipboard(String name) {
        Zoom z = figures.exportZoom(name);
        var img = PlotExporter.image(figure.apply(name, z).chart(), z, Figures.WIDTH, Figures.HEIGHT, 2);
        ClipboardContent c = new ClipboardContent();
        c.putImage(SwingFXUtils.toFXImage(img, null));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        vm.statusProperty().set("Copied " + name + " to the clipboard");
    }

    /**
     * Writes the figure bundle in the background once the current run has finished.
     *
     * @return completes with the files written (relative to {@code dir}), or exceptionally
     */
    public CompletableFuture<List<String>> exportBundle(Path dir) {
        RunData d = vm.dataProperty().get();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        if (d == null || !d.isFinished()) {
            vm.statusProperty().set("Wait for the run to finish before exporting a bundle");
            done.completeExceptionally(new IllegalStateException("run not finished"));
            return done;
        }
        ChartStyle s = style.get();
        Session session = vm.toSession();
        long[][] measured = depth.apply(d);
        long[][] sweep = measured == null ? null : measured.clone();
        vm.statusProperty().set("Writing figure bundle to " + dir + "...");
        tasks.execute(() -> {
            try {
                List<String> files = FigureBundle.write(dir, d, s, session, sweep);
                tasks.ui().execute(() -> vm.statusProperty().set("Wrote " + files.size() + " files to " + dir));
                done.complete(files);
            } catch (Exception ex) {
                tasks.ui().execute(() -> vm.statusProperty().set("Bundle failed: " + ex.getMessage()));
                done.completeExceptionally(ex);
            }
        });
        return done;
    }
}

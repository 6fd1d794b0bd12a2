package org.muonscope.app.cnnlab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.engine.SpecException;

/**
 * The CNN figures from a run folder, for {@code muonscope plot}: the same figure set as the lab's Live tab, with
 * every optimizer of the folder compared and the first one selected, at the last step.
 */
public final class CnnPlot {
    /** Figure names a CNN folder can give (which exist depends on the experiment). */
    public static final List<String> NAMES = List.of("class-accuracy", "balanced-worst", "train-loss", "test-accuracy",
            "minority-accuracy", "clean-vs-spurious", "groups", "class-heatmap", "class-counts", "spectra", "layer-rank");

    private CnnPlot() { }

    public static List<CnnFigureSet.Figure> figures(Path dir) throws IOException {
        return figures(dir, null);
    }

    /**
     * Every figure of a CNN run folder, the spectra of {@code layer} (null: the first hidden weight matrix).
     *
     * @throws SpecException naming the folder's layers when {@code layer} is not one of them
     */
    public static List<CnnFigureSet.Figure> figures(Path dir, String layer) throws IOException {
        List<CnnRunData> runs = CnnRunFolder.read(dir);
        if (runs.isEmpty()) throw new SpecException("run", dir + " has no evaluations");
        List<String> layers = CnnSpectraFigures.layers(runs);
        if (layer != null && !layers.contains(layer)) {
            throw new SpecException("layer", "'" + layer + "' is not a layer of this CNN run ("
                    + (layers.isEmpty() ? "it recorded no spectra" : "it has: " + String.join(" ", layers)) + ")");
        }
        List<CnnFigureSet.Figure> out = new ArrayList<>(CnnFigureSet.build(runs.get(0), runs, Double.POSITIVE_INFINITY));
        out.addAll(CnnFigureSet.spectra(runs, layer, Double.POSITIVE_INFINITY));
        return out;
    }

    /** As {@link #write(Path, String, String, PlotExporter.Format, int, int, Path)} with the default layer. */
    public static void write(Path dir, String name, PlotExporter.Format format, int width, int height, Path out) throws IOException {
        write(dir, name, null, format, width, height, out);
    }

    /**
     * Writes one figure ({@code name}, or {@code all} for every figure as {@code OUT/NAME.EXT}) of a CNN run folder;
     * the spectra figure shows {@code layer} (null: the first hidden weight matrix).
     *
     * @throws SpecException naming the figure when the folder's experiment has no such figure, or the layers when it
     *                       has no such layer
     */
    public static void write(Path dir, String name, String layer, PlotExporter.Format format, int width, int height, Path out)
            throws IOException {
        List<CnnFigureSet.Figure> figs = figures(dir, layer);
        if (name.equals("all")) {
            CnnExport.write(figs, List.of(format), true, out);
            return;
        }
        CnnFigureSet.Figure f = CnnFigureSet.byName(figs).get(name);
        if (f == null) {
            throw new SpecException("figure", "'" + name + "' is not a figure of this CNN run (it has: "
                    + String.join(" ", figs.stream().map(CnnFigureSet.Figure::name).toList()) + ")");
        }
        PlotExporter.write(f.chart(), format, width, height, out);
    }
}

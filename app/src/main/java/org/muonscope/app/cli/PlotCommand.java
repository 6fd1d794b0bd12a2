package org.muonscope.app.cli;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muonscope.app.cnnlab.figures.CnnPlot;
import org.muonscope.app.cnnlab.figures.CnnRunFolder;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.Palette;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.plots.SweepFigure;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.optim.OptimizerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope plot}: draws one figure from a {@code muonscope theory} or {@code muonscope cnn} output
 * folder, headless, with the same chart code and exporter as the window. The folder's files say which lab's
 * figures it has.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a figure from a 'muonscope theory', 'muonscope cnn' or 'muonscope sweep' output folder.",
                "Theory figures: trajectories metrics class-metrics saturation depth.",
                "CNN figures: class-accuracy balanced-worst train-loss, then test-accuracy, minority-accuracy (imbalanced lab run),"
                        + " clean-vs-spurious (spurious pixel) or groups (colored digits), then class-heatmap or confusion,"
                        + " and class-counts (lab runs), then spectra (singular values of --layer over training) and layer-rank"
                        + " (effective rank per layer); 'all' writes each the folder has as OUT/NAME.EXT.",
                "Sweep figures: a column of sweep.csv (balanced_accuracy, t90_2, unseen_error, ...) against the first varied"
                        + " value, one line per optimizer, seeds as a band; each with its CSV beside it."})
public final class PlotCommand implements Callable<Integer> {
    /** Every figure a CNN folder can have (which ones depends on its experiment), as --help lists them. */
    static final List<String> CNN_FIGURES = List.of("class-accuracy", "balanced-worst", "train-loss", "test-accuracy",
            "minority-accuracy", "clean-vs-spurious", "groups", "class-heatmap", "confusion", "class-counts", "spectra", "layer-rank");

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "the output folder of 'muonscope theory' or 'muonscope cnn'")
    Path run;

    @Option(names = "--figure", required = true, paramLabel = "NAME",
            description = "a theory figure (trajectories | metrics | class-metrics | saturation | depth) or a CNN figure (see above)")
    String figure;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "the weight matrix the CNN 'spectra' figure shows, as spectra.csv names it (conv2.weight);"
                    + " default: the first hidden one")
    String layer;

    @Option(names = "--format", paramLabel = "FMT", description = "png | png2x | svg | pdf (default: from the --out extension)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--width", defaultValue = "960", description = "width in points (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "height in points (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--dark", description = "dark theme (theory figures)")
    boolean dark;

    @Option(names = "--presenter", description = "large fonts and thick lines (theory figures)")
    boolean presenter;

    @Override
    public Integer call() throws Exception {
        String name = figure.toLowerCase(Locale.ROOT);
        if (Files.isDirectory(run) && SweepFigure.isSweep(run)) {
            SweepFigure.write(run, name, format(format != null ? format : name.equals("all") ? "png" : extension(out)), width,
                    height, dark, presenter ? 1.6 : 1.0, out);
            return 0;
        }
        boolean cnn = Files.isDirectory(run) && CnnRunFolder.isCnnRun(run);
        if (!cnn && !Figures.NAMES.contains(name)) {
            throw new SpecException("figure", "unknown figure '" + figure + "' (known: " + String.join(" ", Figures.NAMES)
                    + "; a CNN run folder has some of " + String.join(" ", CNN_FIGURES) + ")");
        }
        PlotExporter.Format fmt;
        try {
            // 'all' writes into a folder, so its format cannot come from the --out name
            fmt = PlotExporter.Format.parse(format != null ? format : cnn && name.equals("all") ? "png" : extension(out));
        } catch (IllegalArgumentException e) {
            throw new SpecException("format", e.getMessage());
        }
        if (width < 100 || width > 10000) throw new SpecException("width", "must be between 100 and 10000, got " + width);
        if (height < 100 || height > 10000) throw new SpecException("height", "must be between 100 and 10000, got " + height);
        if (!Files.isDirectory(run)) throw new SpecException("run", "not a folder: " + run);
        if (cnn) {
            CnnPlot.write(run, name, layer, fmt, width, height, out);
            return 0;
        }
        if (layer != null) throw new SpecException("layer", "only a CNN run folder has layers; " + run + " is not one");
        if (!Experiments.holds(run, ExperimentKind.THEORY)) {
            throw new SpecException("run", run + " is not a theory or CNN results folder");
        }
        RunResult result = Experiments.read(run);
        RunData data = RunData.of(result);
        List<Color> colors = new ArrayList<>();
        for (OptimizerSettings o : result.spec().optimizers()) colors.add(Palette.forKind(o.kind()));
        LabFigure f = Figures.create(name);
        f.update(data, new ChartStyle(dark, presenter ? 1.6 : 1.0, colors), width);
        PlotExporter.write(f.chart(), fmt, width, height, out);
        return 0;
    }

    private static PlotExporter.Format format(String text) {
        try {
            return PlotExporter.Format.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SpecException("format", e.getMessage());
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith("@2x.png")) return "png2x";
        int dot = n.lastIndexOf('.');
        if (dot < 0) throw new SpecException("format", "give --format or an --out name ending in .png, .svg or .pdf");
        return n.substring(dot + 1);
    }
}

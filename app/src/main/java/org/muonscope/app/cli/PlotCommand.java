package org.muonscope.app.cli;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.Palette;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.app.plots.RunData;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiment.ResultsIO;
import org.muonscope.engine.experiment.RunResult;
import org.muonscope.engine.optim.OptimizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope plot}: draws one Theory Lab figure from a {@code muonscope theory} output folder, headless,
 * with the same chart code and exporter as the window.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a figure (trajectories, metrics, class-metrics, saturation, depth) from a 'muonscope theory' output folder.")
public final class PlotCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "the output folder of 'muonscope theory'")
    Path run;

    @Option(names = "--figure", required = true, paramLabel = "NAME",
            description = "trajectories | metrics | class-metrics | saturation | depth")
    String figure;

    @Option(names = "--format", paramLabel = "FMT", description = "png | png2x | svg | pdf (default: from the --out extension)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--width", defaultValue = "960", description = "width in points (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "height in points (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--dark", description = "dark theme")
    boolean dark;

    @Option(names = "--presenter", description = "large fonts and thick lines")
    boolean presenter;

    @Override
    public Integer call() throws Exception {
        String name = figure.toLowerCase(Locale.ROOT);
        if (!Figures.NAMES.contains(name)) {
            throw new SpecException("figure", "unknown figure '" + figure + "' (known: " + String.join(" ", Figures.NAMES) + ")");
        }
        PlotExporter.Format fmt;
        try {
            fmt = PlotExporter.Format.parse(format != null ? format : extension(out));
        } catch (IllegalArgumentException e) {
            throw new SpecException("format", e.getMessage());
        }
        if (width < 100 || width > 10000) throw new SpecException("width", "must be between 100 and 10000, got " + width);
        if (height < 100 || height > 10000) throw new SpecException("height", "must be between 100 and 10000, got " + height);
        if (!Files.isDirectory(run)) throw new SpecException("run", "not a folder: " + run);
        RunResult result = ResultsIO.read(run);
        RunData data = RunData.of(result);
        List<Color> colors = new ArrayList<>();
        for (OptimizerSpec o : result.spec().optimizers()) colors.add(Palette.forKind(o.kind()));
        LabFigure f = Figures.create(name);
        f.update(data, new ChartStyle(dark, presenter ? 1.6 : 1.0, colors), width);
        PlotExporter.write(f.chart(), fmt, width, height, out);
        return 0;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith("@2x.png")) return "png2x";
        int dot = n.lastIndexOf('.');
        if (dot < 0) throw new SpecException("format", "give --format or an --out name ending in .png, .svg or .pdf");
        return n.substring(dot + 1);
    }
}

package org.muonscope.app.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The Theory Lab's figures by name, and the fixed sizes they are exported at (points). */
public final class Figures {
    public static final List<String> NAMES = List.of("trajectories", "metrics", "class-metrics", "saturation", "depth");
    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;

    private Figures() { }

    public static LabFigure create(String name) {
        return switch (name) {
            case "trajectories" -> new TrajectoryFigure();
            case "metrics" -> new MetricsFigure();
            case "class-metrics" -> new ClassMetricsFigure();
            case "saturation" -> new SaturationFigure();
            case "depth" -> new DepthFigure();
            default -> throw new IllegalArgumentException("unknown figure '" + name + "' (known: " + String.join(" ", NAMES) + ")");
        };
    }

    /** Draws a figure of {@code data} fully revealed and writes it; used by the bundle and {@code muonscope plot}. */
    public static void export(String name, RunData data, ChartStyle style, PlotExporter.Format format, Path out) throws IOException {
        LabFigure f = create(name);
        f.update(data, style, WIDTH);
        PlotExporter.write(f.chart(), format, WIDTH, HEIGHT, out);
    }
}

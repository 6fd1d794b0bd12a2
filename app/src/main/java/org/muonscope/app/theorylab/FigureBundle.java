package org.muonscope.app.theorylab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.FigureCsv;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.app.plots.RunData;

/**
 * A figure bundle: every figure as PNG (1x and 2x), SVG and PDF, its data as CSV, the session (settings and
 * seed, enough to regenerate every figure) and the run's provenance, in one folder. Draws on fresh chart
 * objects, so it can run off the UI thread once the run has finished.
 */
public final class FigureBundle {
    private FigureBundle() { }

    /** @return the files written, relative to {@code dir} */
    public static List<String> write(Path dir, RunData data, ChartStyle style, Session session) throws IOException {
        return write(dir, data, style, session, null);
    }

    /** @param depthMeasured the depth sweep's {@code t90[L-1][c]} for the depth figure and CSV; may be null */
    public static List<String> write(Path dir, RunData data, ChartStyle style, Session session, long[][] depthMeasured)
            throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        for (String name : Figures.NAMES) {
            LabFigure f = Figures.create(name);
            if (f instanceof org.muonscope.app.plots.DepthFigure d) d.setMeasured(depthMeasured);
            f.update(data, style, Figures.WIDTH);
            for (PlotExporter.Format fmt : PlotExporter.Format.values()) {
                String file = name + fmt.extension();
                PlotExporter.write(f.chart(), fmt, Figures.WIDTH, Figures.HEIGHT, dir.resolve(file));
                files.add(file);
            }
            PlotExporter.writeAtomically(dir.resolve(name + ".csv"), FigureCsv.of(name, data, depthMeasured));
            files.add(name + ".csv");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PlotExporter.writeAtomically(dir.resolve("session.json"), session.toJson());
        files.add("session.json");
        ObjectNode prov = json.createObjectNode();
        prov.put("exportedAt", Instant.now().toString());
        prov.put("exporter", "muonscope theory lab");
        prov.put("figureWidthPt", Figures.WIDTH);
        prov.put("figureHeightPt", Figures.HEIGHT);
        prov.put("finished", data.isFinished());
        if (data.result() != null && data.result().provenance() != null) prov.set("run", json.valueToTree(data.result().provenance()));
        prov.put("java", System.getProperty("java.version"));
        prov.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        PlotExporter.writeAtomically(dir.resolve("provenance.json"), json.writeValueAsString(prov));
        files.add("provenance.json");
        PlotExporter.writeAtomically(dir.resolve("README.txt"), readme(session, files));
        files.add("README.txt");
        return files;
    }

    private static String readme(Session s, List<String> files) {
        return "Muonscope figure bundle" + (s.name() == null || s.name().isEmpty() ? "" : ": " + s.name()) + "\n\n"
                + "Open session.json in the Theory Lab (File > Open session) to regenerate every figure: it holds every\n"
                + "setting and the seed. provenance.json records versions, machine and time.\n"
                + "Figures are drawn with the system's sans-serif font; no font is embedded (PDF uses the standard\n"
                + "Helvetica), so the bundle carries no font licence.\n\nFiles:\n  " + String.join("\n  ", files) + "\n";
    }
}

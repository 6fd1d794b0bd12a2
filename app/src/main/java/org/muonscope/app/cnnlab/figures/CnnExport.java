package org.muonscope.app.cnnlab.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.plots.PlotExporter;

/**
 * Writes figures as the Theory Lab does: each as PNG (1x and 2x), SVG, PDF and CSV, and the bundle adds
 * {@code spec.json} (every run's settings and equivalent command line) and {@code provenance.json}.
 */
public final class CnnExport {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 450;

    private CnnExport() { }

    /** Writes the chosen formats of every figure into {@code dir}; returns the files written. */
    public static List<Path> write(List<CnnFigureSet.Figure> figures, List<PlotExporter.Format> formats, boolean csv, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (CnnFigureSet.Figure f : figures) {
            for (PlotExporter.Format fmt : formats) {
                Path p = dir.resolve(f.name() + fmt.extension());
                PlotExporter.write(f.chart(), fmt, WIDTH, HEIGHT, p);
                out.add(p);
            }
            if (csv) {
                Path p = dir.resolve(f.name() + ".csv");
                PlotExporter.writeAtomically(p, f.csv());
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The full bundle: every format and CSV, plus the runs' specs and the provenance.
     *
     * @param specs one JSON object per run (as saved in its {@code lab-run.json})
     */
    public static List<Path> bundle(List<CnnFigureSet.Figure> figures, List<ObjectNode> specs, Path dir) throws IOException {
        List<Path> out = write(figures, List.of(PlotExporter.Format.PNG, PlotExporter.Format.PNG2X, PlotExporter.Format.SVG,
                PlotExporter.Format.PDF), true, dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode runs = json.createArrayNode();
        specs.forEach(runs::add);
        ObjectNode spec = json.createObjectNode();
        spec.set("runs", runs);
        Path s = dir.resolve("spec.json");
        PlotExporter.writeAtomically(s, json.writeValueAsBytes(spec));
        out.add(s);
        Path p = dir.resolve("provenance.json");
        PlotExporter.writeAtomically(p, json.writeValueAsBytes(provenance(json)));
        out.add(p);
        return out;
    }

    static ObjectNode provenance(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        Package pkg = CnnExport.class.getPackage();
        n.put("muonscopeVersion", pkg.getImplementationVersion() == null ? "0.1.0-SNAPSHOT" : pkg.getImplementationVersion());
        n.put("javaVersion", System.getProperty("java.version"));
        n.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        n.put("arch", System.getProperty("os.arch"));
        n.put("processors", Runtime.getRuntime().availableProcessors());
        n.put("exportedAt", Instant.now().toString());
        n.put("tool", "CNN Lab");
        return n;
    }
}

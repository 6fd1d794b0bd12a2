package org.muonscope.app.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.support.FakeEngine;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;
import org.w3c.dom.Document;

class PlotExporterTest {
    @TempDir Path dir;

    static RunData data() {
        TheorySpec spec = new TheorySpec(new double[] {0.7, 0.2, 0.1}, 3, 1, 3, 1, 3, 0, false, 0,
                DataMode.POPULATION, 300, 1, 1,
                List.of(OptimizerSettings.parse("gd:lr=0.01"), OptimizerSettings.parse("specgd:lr=0.001")));
        RunResult[] out = {FakeEngine.result(spec)};
        return RunData.of(out[0]);
    }

    static ChartStyle style() {
        return new ChartStyle(false, 1, List.of(Color.BLUE, Color.RED));
    }

    @Test
    void svgIsWellFormedWithoutADoctype() throws Exception {
        for (String name : Figures.NAMES) {
            Path p = dir.resolve(name + ".svg");
            Figures.export(name, data(), style(), PlotExporter.Format.SVG, p);
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("<!DOCTYPE"), "no DTD reference");
            Document doc = org.muonscope.app.support.SafeXml.parse(bytes);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
            assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 10, name + " has drawn paths");
        }
    }

    @Test
    void pdfIsAOnePageDocumentOfTheRequestedSize() throws Exception {
        Path p = dir.resolve("t.pdf");
        Figures.export("trajectories", data(), style(), PlotExporter.Format.PDF, p);
        byte[] bytes = Files.readAllBytes(p);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(Figures.WIDTH, doc.getPage(0).getMediaBox().getWidth(), 1e-3);
            assertEquals(Figures.HEIGHT, doc.getPage(0).getMediaBox().getHeight(), 1e-3);
        }
    }

    @Test
    void png2xHasTwiceThePixels() throws Exception {
        LabFigure f = Figures.create("metrics");
        f.update(data(), style(), 500);
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(PlotExporter.png(f.chart(), 400, 300, 1)));
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(PlotExporter.png(f.chart(), 400, 300, 2)));
        assertEquals(400, one.getWidth());
        assertEquals(300, one.getHeight());
        assertEquals(800, two.getWidth());
        assertEquals(600, two.getHeight());
    }

    @Test
    void csvHasTheDocumentedColumnsAndOneRowPerPoint() {
        RunData d = data();
        String[] lines = FigureCsv.trajectories(d).split("\n");
        assertEquals(FigureCsv.TRAJECTORIES, lines[0]);
        assertEquals(1 + 2 * 301 * 3, lines.length);
        // the SpecGD rows carry its closed form; GD (lr 0.01, depth 1) too
        String[] row = lines[1 + 301 * 3 + 3 * 100].split(",", -1);
        assertEquals("specgd", row[0]);
        assertEquals("100", row[1]);
        assertEquals(Double.parseDouble(row[3]), Double.parseDouble(row[4]), 1e-9);
        String[] sat = FigureCsv.saturation(d).split("\n");
        assertEquals(FigureCsv.SATURATION, sat[0]);
        assertEquals(1 + 2 * 3, sat.length);
        assertEquals(1 + 6 * 3, FigureCsv.depth(d).split("\n").length);
        long[][] sweep = new long[6][];
        sweep[1] = new long[] {509, 439, -1};
        String[] depth = FigureCsv.depth(d, sweep).split("\n");
        assertEquals(FigureCsv.DEPTH, depth[0]);
        assertTrue(depth[1 + 3].endsWith(",509"), "L = 2, class 0 carries its measurement: " + depth[4]);
        assertTrue(depth[1 + 3 + 2].endsWith(","), "not reached: an empty cell");
        assertTrue(depth[1].endsWith(","), "L = 1 not measured: an empty cell");
        assertEquals(1 + 2 * 301, FigureCsv.metrics(d).split("\n").length);
    }

    @Test
    void revealHidesPointsBeyondTheCursor() {
        TrajectoryFigure f = new TrajectoryFigure();
        f.update(data(), style(), 400);
        RevealDataset ds = (RevealDataset) f.chart().getXYPlot().getDataset(0);
        int all = ds.getItemCount(0);
        f.setCursor(100);
        long upTo100 = java.util.Arrays.stream(ds.xs(0)).filter(x -> x <= 100).count();
        assertEquals(upTo100, ds.getItemCount(0));
        assertTrue(upTo100 > 5 && all > upTo100, upTo100 + " of " + all);
    }
}

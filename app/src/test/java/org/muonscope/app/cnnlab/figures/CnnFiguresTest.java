package org.muonscope.app.cnnlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunInfo;

class CnnFiguresTest {
    @TempDir Path tmp;

    static CnnRunData run(String label, String kind, boolean spurious) {
        RunInfo info = new RunInfo(List.of("a", "b", "c"), new int[] {100, 100, 5}, List.of(), 30);
        List<EvalPoint> h = List.of(
                new EvalPoint(10, 0, 640, 1, 2.0, 0.4, 0.4, 0.1, new double[] {0.6, 0.5, 0.1}, spurious ? 0.3 : Double.NaN,
                        spurious ? 0.9 : Double.NaN, new double[0], Double.NaN, new int[][] {{6, 4, 0}, {5, 5, 0}, {4, 5, 1}}),
                new EvalPoint(20, 0, 1280, 2, 1.0, 0.7, 0.6, 0.3, new double[] {0.8, 0.7, 0.3}, spurious ? 0.5 : Double.NaN,
                        spurious ? 1.0 : Double.NaN, new double[0], Double.NaN, null));
        return new CnnRunData(label, kind, "step R=20", info, h);
    }

    @Test
    void minorityClassIsDrawnThickAndEveryClassHasASeries() {
        CnnRunData r = run("Muon", "muon", false);
        XYPlot plot = (XYPlot) CnnFigures.classAccuracy(r, 20).getPlot();
        assertEquals(3, plot.getDataset().getSeriesCount());
        XYLineAndShapeRenderer rend = (XYLineAndShapeRenderer) plot.getRenderer();
        float minor = ((java.awt.BasicStroke) rend.getSeriesStroke(2)).getLineWidth();
        float major = ((java.awt.BasicStroke) rend.getSeriesStroke(0)).getLineWidth();
        assertTrue(minor > 2 * major, "class c (5 images) is the minority and stands out");
        assertEquals(0.3, plot.getDataset().getYValue(2, 1), 0);
    }

    @Test
    void aRunEvaluatedOnceShowsItsPointsWhereALineCannot() {
        CnnRunData two = run("SGD", "gd", false);
        CnnRunData once = new CnnRunData("SGD", "gd", "step R=20", two.info(), two.history().subList(1, 2));
        for (CnnRunData r : List.of(two, once)) {
            XYPlot plot = (XYPlot) CnnFigures.balancedWorst(List.of(r), 20).getPlot();
            assertEquals(r == once, ((XYLineAndShapeRenderer) plot.getRenderer()).getItemShapeVisible(0, 0), r == once ? "one point: a marker" : "a line, no markers");
        }
    }

    @Test
    void figureSetPicksTheExperimentPanelAndCsvHoldsTheNumbers() {
        List<CnnRunData> both = List.of(run("SGD", "gd", false), run("Muon", "muon", false));
        // Imbalanced runs get the minority panel; at step 20 the engine gave no confusion matrix, so the heat map
        // is per-class accuracy of the compared runs; at step 10 there is a matrix.
        assertEquals(List.of("class-accuracy", "balanced-worst", "train-loss", "minority-accuracy", "class-heatmap", "class-counts"),
                CnnFigureSet.build(both.get(0), both, 20).stream().map(CnnFigureSet.Figure::name).toList());
        assertEquals("confusion", CnnFigureSet.build(both.get(0), both, 10).get(4).name());
        String heat = CnnFigureSet.build(both.get(0), both, 20).get(4).csv();
        assertTrue(heat.contains("Muon,20,2,c,0.300000\n"), heat);
        String minority = CnnFigureSet.build(both.get(0), both, 20).get(3).csv();
        assertTrue(minority.contains("SGD,gd,20,0.300000,0.750000\n"), "minority class c vs the mean of a and b: " + minority);
        CnnRunData balanced = new CnnRunData("SGD", "gd", "plain", new RunInfo(List.of("a", "b", "c"), new int[] {5, 5, 5}, List.of(), 30),
                both.get(0).history());
        assertEquals("test-accuracy", CnnFigureSet.build(balanced, List.of(balanced), 20).get(3).name());
        List<CnnFigureSet.Figure> sp = CnnFigureSet.build(run("SGD", "gd", true), List.of(run("SGD", "gd", true)), 20);
        assertEquals("clean-vs-spurious", sp.get(3).name());
        String csv = sp.get(3).csv();
        assertTrue(csv.startsWith("run,optimizer,step,epoch,images,seconds,clean_accuracy,spurious_accuracy\n"), csv);
        assertTrue(csv.contains("SGD,gd,20,0,1280,2.00000,0.500000,1.00000"), csv);
        String conf = CnnFigureSet.byName(CnnFigureSet.build(run("SGD", "gd", false), List.of(), 10)).get("confusion").csv();
        assertEquals(1 + 9, conf.split("\n").length, "header and a 3 x 3 matrix at the evaluation nearest step 10");
        assertTrue(conf.contains("SGD,10,2,2,1\n"), conf);
    }

    @Test
    void confusionHeatMapIsRowNormalizedAndMarksTheMinorityClass() {
        CnnRunData r = run("Muon", "muon", false);
        XYPlot plot = (XYPlot) CnnMatrixFigures.confusion(r, r.history().get(0)).getPlot();
        org.jfree.chart.axis.SymbolAxis x = (org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis();
        org.jfree.chart.axis.SymbolAxis y = (org.jfree.chart.axis.SymbolAxis) plot.getRangeAxis();
        assertEquals(List.of("a", "b", "c *"), List.of(x.getSymbols()), "class c (5 training images) is the minority");
        assertEquals(List.of("a", "b", "c *"), List.of(y.getSymbols()));
        org.jfree.data.xy.XYZDataset d = (org.jfree.data.xy.XYZDataset) plot.getDataset();
        for (int t = 0; t < 3; t++) {
            double row = 0;
            for (int q = 0; q < 3; q++) row += d.getZValue(0, t * 3 + q);
            assertEquals(1.0, row, 1e-12, "row " + t + " is shares of the true class");
        }
        // the diagonal of the normalized matrix is the per-class accuracy the engine reported at that step
        for (int t = 0; t < 3; t++) assertEquals(r.history().get(0).classAccuracy()[t], d.getZValue(0, t * 3 + t), 1e-12);
    }

    @Test
    void bundleWritesEveryFormatAndTheSpecAndProvenance() throws Exception {
        List<CnnFigureSet.Figure> figs = CnnFigureSet.build(run("SGD", "gd", false), List.of(), 20);
        List<Path> files = CnnExport.bundle(figs, List.of(), tmp);
        assertEquals(figs.size() * 5 + 2, files.size(), "PNG, PNG@2x, SVG, PDF and CSV per figure, spec and provenance");
        for (Path p : files) assertTrue(Files.size(p) > 0, p + " is empty");
        byte[] png = Files.readAllBytes(tmp.resolve("class-accuracy.png"));
        assertEquals((byte) 0x89, png[0]);
        assertTrue(new String(Files.readAllBytes(tmp.resolve("class-heatmap.pdf")), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        String svg = Files.readString(tmp.resolve("train-loss.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), "a complete SVG document");
        java.awt.image.BufferedImage img2 = javax.imageio.ImageIO.read(tmp.resolve("class-accuracy@2x.png").toFile());
        assertEquals(2 * CnnExport.WIDTH, img2.getWidth());
    }
}

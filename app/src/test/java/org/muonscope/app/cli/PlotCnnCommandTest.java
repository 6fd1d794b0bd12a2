package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.cnnlab.figures.CnnPlot;
import org.muonscope.app.support.SafeXml;

/**
 * {@code muonscope plot} on folders written by {@code muonscope cnn} (an MLP on 200 bundled images: seconds):
 * every figure the folder has, in PNG, SVG and PDF, through the real command tree.
 */
class PlotCnnCommandTest {
    @TempDir Path dir;

    private Path cnn(String name, String... extra) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("cnn", "--data", "bundled", "--model", "mlp",
                "--optimizer", "sgd:lr=0.05", "--optimizer", "muon", "--train-limit", "200", "--test-limit", "100",
                "--batch", "50", "--eval-every", "2", "--no-checkpoint", "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        CliTest.Outcome o = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        return out;
    }

    private static String[] muonscope(String... args) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = MuonscopeCommand.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    private Set<String> plotsEveryFigure(Path run) throws Exception {
        Set<String> names = new TreeSet<>();
        for (CnnFigureSet.Figure f : CnnPlot.figures(run)) names.add(f.name());
        for (String fig : names) {
            Path png = dir.resolve(run.getFileName() + "-" + fig + ".png");
            Path svg = dir.resolve(run.getFileName() + "-" + fig + ".svg");
            Path pdf = dir.resolve(run.getFileName() + "-" + fig + ".pdf");
            String[] r = muonscope("plot", "--run", run.toString(), "--figure", fig, "--out", png.toString(), "--width", "640", "--height", "400");
            assertEquals("0", r[0], fig + ": " + r[1]);
            assertEquals(640, ImageIO.read(png.toFile()).getWidth(), fig);
            r = muonscope("plot", "--run", run.toString(), "--figure", fig, "--format", "svg", "--out", svg.toString());
            assertEquals("0", r[0], fig + ": " + r[1]);
            assertEquals("svg", SafeXml.parse(Files.readAllBytes(svg)).getDocumentElement().getLocalName(), fig);
            r = muonscope("plot", "--run", run.toString(), "--figure", fig, "--out", pdf.toString());
            assertEquals("0", r[0], fig + ": " + r[1]);
            assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII), fig);
        }
        return names;
    }

    @Test
    void drawsEveryFigureOfAnImbalancedAndASpuriousRun() throws Exception {
        Set<String> imbalanced = plotsEveryFigure(cnn("imbalanced", "--imbalance", "step:2"));
        // a CLI folder has classes.csv (training images per class), so the experiment panel is the minority panel
        // (as in the lab) and the class counts are drawn; it has confusion.csv, so the heat map is the confusion matrix
        assertTrue(imbalanced.containsAll(List.of("class-accuracy", "balanced-worst", "train-loss", "confusion",
                "minority-accuracy", "class-counts")),
                imbalanced.toString());
        Set<String> spurious = plotsEveryFigure(cnn("spurious", "--spurious-pixel", "1"));
        assertTrue(spurious.contains("clean-vs-spurious"), spurious.toString());
        Set<String> colored = plotsEveryFigure(cnn("colored", "--colored", "0.9"));
        assertTrue(colored.contains("groups"), colored.toString());
        Set<String> all = new TreeSet<>(imbalanced);
        all.addAll(spurious);
        all.addAll(colored);
        assertTrue(PlotCommand.CNN_FIGURES.containsAll(all), "--help and the README list every figure a folder can have: " + all);
    }

    @Test
    void spectraOfTheFirstHiddenLayerOrAChosenOneAndAnUnknownLayerIsNamed() throws Exception {
        Path run = cnn("spectra", "--imbalance", "step:2");
        java.util.Map<String, CnnFigureSet.Figure> figs = CnnFigureSet.byName(CnnPlot.figures(run));
        assertTrue(figs.containsKey("spectra") && figs.containsKey("layer-rank"), figs.keySet().toString());
        // the MLP's weight matrices are fc1 (pixels in), fc2 (hidden) and fc3 (classes out): fc2 is the default
        assertEquals("Singular values of fc2.weight over training", figs.get("spectra").chart().getTitle().getText());
        String csv = figs.get("spectra").csv();
        assertTrue(csv.startsWith("run,optimizer,step,layer,index,value\ngd,gd,2,fc2.weight,1,"), csv.substring(0, 80));
        assertEquals(2 * 2 * 128, csv.lines().count() - 1, "two optimizers, two evaluations, 128 values");
        assertTrue(figs.get("layer-rank").csv().contains(",fc3.weight,"));
        // one panel per optimizer; one per layer
        assertEquals(2, ((org.jfree.chart.plot.CombinedDomainXYPlot) figs.get("spectra").chart().getPlot()).getSubplots().size());
        assertEquals(3, ((org.jfree.chart.plot.CombinedDomainXYPlot) figs.get("layer-rank").chart().getPlot()).getSubplots().size());

        Path png = dir.resolve("fc3.png");
        String[] r = muonscope("plot", "--run", run.toString(), "--figure", "spectra", "--layer", "fc3.weight", "--out", png.toString());
        assertEquals("0", r[0], r[1]);
        assertEquals(960, ImageIO.read(png.toFile()).getWidth());
        r = muonscope("plot", "--run", run.toString(), "--figure", "spectra", "--layer", "conv9", "--out", dir.resolve("x.png").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("conv9") && r[1].contains("fc1.weight fc2.weight fc3.weight") && !r[1].contains("\n"), r[1]);
        assertTrue(!Files.exists(dir.resolve("x.png")), "nothing drawn");
    }

    @Test
    void allWritesEachFigureIntoAFolderAndAnAbsentFigureIsNamed() throws Exception {
        Path run = cnn("plain");
        Path out = dir.resolve("figs");
        String[] r = muonscope("plot", "--run", run.toString(), "--figure", "all", "--format", "svg", "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        for (CnnFigureSet.Figure f : CnnPlot.figures(run)) assertTrue(Files.isRegularFile(out.resolve(f.name() + ".svg")), f.name());
        // a balanced run without a spurious feature has no clean-vs-spurious figure: exit 2 naming it
        r = muonscope("plot", "--run", run.toString(), "--figure", "clean-vs-spurious", "--out", dir.resolve("x.png").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("clean-vs-spurious") && !r[1].contains("\n"), r[1]);
        // a theory figure name on a CNN folder is not silently drawn from the wrong data
        r = muonscope("plot", "--run", run.toString(), "--figure", "trajectories", "--out", dir.resolve("y.png").toString());
        assertEquals("2", r[0], r[1]);
    }
}

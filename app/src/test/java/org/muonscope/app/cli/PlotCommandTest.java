package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.support.FakeEngine;
import org.muonscope.app.support.SafeXml;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;
import picocli.CommandLine;

/** {@code muonscope plot} reads a results folder written by the engine's one results writer and draws every figure. */
class PlotCommandTest {
    @TempDir Path dir;

    private Path results() throws Exception {
        TheorySpec spec = new TheorySpec(new double[] {0.6, 0.3, 0.1}, 3, 1, 4, 1, 4, 0, false, 0,
                DataMode.POPULATION, 200, 5, 1,
                List.of(OptimizerSettings.parse("gd:lr=0.01"), OptimizerSettings.parse("specgd:lr=0.002")));
        RunResult[] r = {FakeEngine.result(spec)};
        Path run = dir.resolve("run");
        Experiments.write(r[0], run);
        return run;
    }

    private static int plot(String... args) {
        return new CommandLine(new PlotCommand()).execute(args);
    }

    @Test
    void drawsEveryFigureInEveryFormat() throws Exception {
        Path run = results();
        for (String fig : List.of("trajectories", "metrics", "saturation", "depth")) {
            Path png = dir.resolve(fig + ".png"), svg = dir.resolve(fig + ".svg"), pdf = dir.resolve(fig + ".pdf");
            assertEquals(0, plot("--run", run.toString(), "--figure", fig, "--out", png.toString(), "--width", "640", "--height", "400"));
            assertEquals(640, ImageIO.read(png.toFile()).getWidth());
            assertEquals(0, plot("--run", run.toString(), "--figure", fig, "--format", "svg", "--out", svg.toString()));
            assertEquals("svg", SafeXml.parse(Files.readAllBytes(svg)).getDocumentElement().getLocalName());
            assertEquals(0, plot("--run", run.toString(), "--figure", fig, "--out", pdf.toString()));
            assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
        }
        String svg = Files.readString(dir.resolve("trajectories.svg"));
        assertTrue(svg.contains("specgd"), "the legend names the optimizers read from the folder");
    }

    /** Through the real command tree: exit 2 and one line naming the field, as for every subcommand. */
    private static String[] muonscope(String... args) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = MuonscopeCommand.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    @Test
    void badInputExitsWithStatus2AndOneLine() throws Exception {
        Path run = results();
        String[] r = muonscope("plot", "--run", run.toString(), "--figure", "nope", "--out", dir.resolve("x.png").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("figure") && !r[1].contains("\n"), r[1]);
        r = muonscope("plot", "--run", run.toString(), "--figure", "depth", "--out", dir.resolve("x.gif").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("format"), r[1]);
        r = muonscope("plot", "--run", dir.resolve("missing").toString(), "--figure", "depth", "--out", dir.resolve("x.png").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("run"), r[1]);
        assertNotEquals("0", muonscope("plot", "--figure", "depth")[0], "--run and --out are required");
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }
}

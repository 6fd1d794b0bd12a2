package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.io.Csv;

/** {@code muonscope sweep} and {@code muonscope plot} of a sweep, in-process. */
class SweepCommandTest {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return MuonscopeCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static final String[] THEORY = {"sweep", "--base", "theory", "--vary", "optimizer=gd:lr=0.1,muon:lr=0.02",
            "--vary", "steps=30,60", "--seeds", "1-2"};

    private static String[] with(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    @Test
    void aTheorySweepWritesItsCellsAndTableAndARerunSkipsThem(@TempDir Path dir) throws IOException {
        assertEquals(0, run(with(THEORY, "--out", dir.toString())), err.toString());
        assertTrue(err.toString().contains("sweep: 8 cells, 0 finished before, 8 to run on local"), err.toString());
        assertTrue(out.toString().startsWith("8 cells: 8 completed;"), out.toString());
        Csv.Table t = Csv.read(dir.resolve("sweep.csv"));
        assertEquals(8, t.rows().size());
        assertEquals("optimizer=gd:lr=0.1-steps=30-seed=1", t.rows().get(0).get("cell"));
        assertTrue(Files.isRegularFile(dir.resolve("optimizer=muon:lr=0.02-steps=60-seed=2/saturation.csv")));
        String table = Files.readString(dir.resolve("sweep.csv"));

        assertEquals(0, run(with(THEORY, "--out", dir.toString())), err.toString());
        assertTrue(err.toString().contains("8 cells, 8 finished before, 0 to run"), err.toString());
        assertEquals(table, Files.readString(dir.resolve("sweep.csv")));

        // the sweep as run reruns from its file alone, elsewhere, to the same table
        assertEquals(0, run("sweep", "--spec", dir.resolve("sweep.json").toString(), "--parallel", "1", "--out", dir.resolve("again").toString()), err.toString());
        assertEquals(table, Files.readString(dir.resolve("again/sweep.csv")));
    }

    @Test
    void plotDrawsEachHeadlineAgainstTheVariedValueWithItsCsv(@TempDir Path dir) throws IOException {
        assertEquals(0, run("sweep", "--base", "routing", "--vary", "width=12,16", "--vary", "steps=20", "--vary", "optimizer=gd:lr=1,specgd",
                "--seeds", "1-2", "--quiet", "--out", dir.resolve("s").toString()), err.toString());
        assertEquals(0, run("plot", "--run", dir.resolve("s").toString(), "--figure", "unseen_error", "--out", dir.resolve("u.svg").toString()),
                err.toString());
        assertTrue(Files.readString(dir.resolve("u.svg")).contains("<svg"));
        List<String> csv = Files.readAllLines(dir.resolve("u.csv"));
        assertEquals("line,width,x,mean,min,max,seeds", csv.get(0));
        assertEquals(5, csv.size(), "two optimizers at two widths");
        assertTrue(csv.get(1).startsWith("gd:lr=1.0,12,12,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",2"), "two seeds in each point");
        assertEquals(0, run("plot", "--run", dir.resolve("s").toString(), "--figure", "all", "--format", "pdf", "--out",
                dir.resolve("figs").toString()), err.toString());
        for (String f : List.of("seen_error.pdf", "unseen_error.pdf", "effective_rank.pdf", "effective_rank.csv")) {
            assertTrue(Files.size(dir.resolve("figs").resolve(f)) > 100, f);
        }
        assertEquals(2, run("plot", "--run", dir.resolve("s").toString(), "--figure", "accuracy", "--out", dir.resolve("x.png").toString()));
        assertEquals("muonscope plot: error: figure: 'accuracy' is not a number of this sweep (it has: seen_error unseen_error "
                + "effective_rank)", err.toString().strip());
    }

    @Test
    void cnnCellsOnTheBundledDataReportTheirAccuracies(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("base.json");
        Files.writeString(base, "{\"kind\": \"cnn\", \"data\": \"bundled\", \"model\": \"mlp\", \"optimizers\": [\"gd:lr=0.05,beta=0.9\"],"
                + " \"batch\": 50, \"threads\": 1, \"trainLimit\": 300, \"testLimit\": 100}");
        assertEquals(0, run("sweep", "--base", base.toString(), "--vary", "imbalance=none,step:5", "--out", dir.resolve("s").toString()),
                err.toString());
        Csv.Table t = Csv.read(dir.resolve("s/sweep.csv"));
        assertEquals(List.of("cell", "imbalance", "seed", "optimizer", "status", "test_accuracy", "balanced_accuracy",
                "worst_class_accuracy", "minority_accuracy", "message"), t.header());
        assertEquals("imbalance=step:5-seed=1", t.rows().get(1).get("cell"));
        assertTrue(Double.parseDouble(t.rows().get(1).get("minority_accuracy")) >= 0);
    }

    @Test
    void baseTakesARunFolderOrAPreset(@TempDir Path dir) throws IOException {
        assertEquals(0, run("routing", "--width", "12", "--steps", "20", "--every", "10", "--out", dir.resolve("r").toString()), err.toString());
        assertEquals(0, run("sweep", "--base", dir.resolve("r").toString(), "--vary", "init=0.01,0.02", "--quiet", "--out",
                dir.resolve("s").toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("s/init=0.02-seed=1/spec.json")).contains("\"width\" : 12"));
        assertEquals(2, run("sweep", "--base", "simplicity-figure1", "--vary", "nosuch=1,2", "--out", dir.resolve("p").toString()));
        assertTrue(err.toString().startsWith("muonscope sweep: error: vary: unknown key 'nosuch' for a dln sweep (known: dim "), err.toString());
    }

    @Test
    void badInputIsOneLineAndWritesNothing(@TempDir Path dir) {
        Path o = dir.resolve("o");
        assertEquals(2, run("sweep", "--base", "theory", "--vary", "depth=1,3", "--out", o.toString()));
        assertEquals("muonscope sweep: error: cell depth=3-seed=1: init: a deep model needs a positive init scale (0 is a saddle)",
                err.toString().strip());
        assertEquals(2, run("sweep", "--base", "theory", "--out", o.toString()));
        assertEquals("muonscope sweep: error: vary: the grid is empty: give --vary KEY=V1,V2,... or --seeds A-B", err.toString().strip());
        assertEquals(2, run("sweep", "--base", "nowhere.json", "--seeds", "1-2", "--out", o.toString()));
        assertTrue(err.toString().startsWith("muonscope sweep: error: base: no spec file, run folder, kind or preset named 'nowhere.json'"));
        assertEquals(2, run("sweep", "--base", "theory", "--seeds", "1-2", "--master", "spark:/x", "--out", o.toString()));
        assertTrue(err.toString().startsWith("muonscope sweep: error: master: expected local[N], spark://HOST:PORT"), err.toString());
        assertEquals(1, run("sweep", "--base", "theory", "--seeds", "1-2", "--master", "spark://nowhere:1", "--out", o.toString()));
        assertEquals("muonscope sweep: error: cannot reach the Spark master spark://nowhere:1: connection refused", err.toString().strip());
        assertFalse(Files.exists(o), "nothing written");
    }

    @Test
    void aMasterUrlFindsItsRunnerThroughTheServiceLoader(@TempDir Path dir) throws IOException {
        assertEquals(0, run("sweep", "--base", "theory", "--vary", "steps=20,30", "--master", "local[3]", "--out", dir.toString()),
                err.toString());
        assertTrue(err.toString().contains("to run on fake local[3]"), err.toString());
        assertEquals(2, Csv.read(dir.resolve("sweep.csv")).rows().stream().map(r -> r.get("cell")).distinct().count());
    }

    @Test
    void withoutTheClusterModuleAMasterIsOneLineAndExitOne(@TempDir Path dir) {
        System.setProperty("muonscope.cluster", dir.resolve("none").toString());
        try {
            assertEquals(1, run("sweep", "--base", "theory", "--seeds", "1-2", "--master", "local[2]", "--out", dir.resolve("o").toString()));
            assertTrue(err.toString().startsWith("muonscope sweep: error: --master needs the cluster module, not built here"), err.toString());
            assertEquals(1, err.toString().strip().lines().count());
            assertFalse(Files.exists(dir.resolve("o")));
        } finally {
            System.clearProperty("muonscope.cluster");
        }
    }
}

package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muonscope dln} and {@code muonscope routing} end to end, in-process. */
class SimplicityCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MuonscopeCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void dlnWritesItsFilesWithTheoryForGdAndSpecGdOnly(@TempDir Path dir) throws IOException {
        int code = run("dln", "--dim", "3", "--singular-values", "3,1,0.5", "--depth", "2", "--hidden", "6",
                "--init", "0.01", "--aligned", "--steps", "40", "--every", "20", "--seed", "2",
                "--optimizer", "gd:lr=0.01", "--optimizer", "specgd:lr=0.01", "--optimizer", "muon:lr=0.01",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        List<String> sv = Files.readAllLines(dir.resolve("singular_values.csv"));
        assertEquals("optimizer,step,k,sigma,theory", sv.get(0));
        assertEquals(1 + 3 * 3 * 3, sv.size());
        assertTrue(sv.stream().filter(l -> l.startsWith("muon,")).allMatch(l -> l.endsWith(",")), "muon: no closed form, empty cell");
        assertTrue(sv.stream().filter(l -> l.startsWith("gd,")).noneMatch(l -> l.endsWith(",")));
        for (String f : List.of("loss.csv", "oscillation.csv", "spec.json", "provenance.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(out.toString().contains("specgd"));
    }

    @Test
    void routingWritesItsFilesAndRerunsFromItsSpec(@TempDir Path dir) throws IOException {
        int code = run("routing", "--width", "16", "--init", "0.05", "--steps", "30", "--every", "10",
                "--optimizer", "specgd:lr=0.01", "--out", dir.resolve("a").toString());
        assertEquals(0, code, err.toString());
        code = run("routing", "--spec", dir.resolve("a/spec.json").toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, code, err.toString());
        assertEquals(Files.readString(dir.resolve("a/routing.csv")), Files.readString(dir.resolve("b/routing.csv")),
                "a run's spec.json reproduces it");
        assertEquals("optimizer,step,seen_error,unseen_error,effective_rank",
                Files.readAllLines(dir.resolve("a/routing.csv")).get(0));
        assertEquals("optimizer,step,index,singular_value", Files.readAllLines(dir.resolve("a/hidden_spectrum.csv")).get(0));
    }

    @Test
    void aSeedSweepWritesOneRowPerSeedAndOptimizer(@TempDir Path dir) throws IOException {
        int code = run("routing", "--width", "12", "--init", "0.05", "--steps", "20", "--every", "10", "--seeds", "3-5",
                "--optimizer", "gd:lr=1", "--optimizer", "specgd:lr=0.01", "--out", dir.toString());
        assertEquals(0, code, err.toString());
        List<String> rows = Files.readAllLines(dir.resolve("seeds.csv"));
        assertEquals(RoutingCommand.SEEDS_HEADER, rows.get(0));
        assertEquals(1 + 3 * 2, rows.size());
        assertTrue(rows.get(1).startsWith("gd,3,") && rows.get(6).startsWith("specgd,5,"), rows.toString());
        assertTrue(Files.exists(dir.resolve("seed-4/routing.csv")));
        assertEquals(2, run("routing", "--seeds", "5-3", "--out", dir.toString()));
    }

    @Test
    void badInputIsOneLineNamingTheFieldAndExitTwo(@TempDir Path dir) {
        assertEquals(2, run("dln", "--dim", "3", "--out", dir.toString()));
        assertTrue(err.toString().contains("singular-values"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
        assertEquals(2, run("routing", "--optimizer", "specgd:lr=-1", "--out", dir.toString()));
        assertTrue(err.toString().contains("specgd.lr"), err.toString());
        assertEquals(2, run("dln", "--schedule", "step", "--out", dir.toString()));
    }
}

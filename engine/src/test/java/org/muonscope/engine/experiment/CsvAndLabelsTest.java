package org.muonscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

class CsvAndLabelsTest {

    @Test
    void repeatedNamesGetNumbered() {
        List<OptimizerSettings> specs = List.of(OptimizerSettings.parse("muon"), OptimizerSettings.parse("gd"),
                OptimizerSettings.parse("muon:beta=0.9"), OptimizerSettings.parse("muon:exact=true"), OptimizerSettings.parse("gd"));
        assertEquals(List.of("muon", "gd", "muon#2", "muon#3", "gd#2"), OptimizerLabels.of(specs));
    }

    @Test
    void numbersRoundTripExactly() {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(v)) continue;
            assertEquals(v, Csv.parseNum(Csv.num(v)), 0.0);
        }
        assertEquals("12", Csv.num(12.0));
        assertEquals("", Csv.num(Double.NaN));
        assertTrue(Double.isNaN(Csv.parseNum("")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Csv.parseNum(Csv.num(-0.0))));
    }

    @Test
    void quotedTextSurvivesSplitting() {
        String msg = "gd diverged at step 3: the \"loss\", became NaN";
        List<String> cells = Csv.split("a," + Csv.text(msg) + ",,b");
        assertEquals(List.of("a", msg, "", "b"), cells);
        assertThrows(IllegalArgumentException.class, () -> Csv.split("a,\"open"));
    }

    @Test
    void matrixParsingReportsLineAndColumn() {
        double[][] m = ResultsIO.parseMatrix("1, 2,3\n\n4,5e-1,-6\n", "in");
        assertArrayEquals(new double[] {4, 0.5, -6}, m[1], 0.0);
        SpecException ragged = assertThrows(SpecException.class, () -> ResultsIO.parseMatrix("1,2\n3\n", "in"));
        assertEquals("in", ragged.field());
        assertTrue(ragged.getMessage().contains("line 2"), ragged.getMessage());
        SpecException word = assertThrows(SpecException.class, () -> ResultsIO.parseMatrix("1,2\n3,x\n", "in"));
        assertTrue(word.getMessage().contains("line 2, column 2"), word.getMessage());
        assertThrows(SpecException.class, () -> ResultsIO.parseMatrix("\n \n", "in"));
        assertThrows(SpecException.class, () -> ResultsIO.parseMatrix("1,NaN\n", "in"));
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a/b/out.csv");
        AtomicFiles.write(f, "old");
        AtomicFiles.write(f, "new");
        assertEquals("new", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList(), "only the target remains");
        }
    }

    @Test
    void provenanceCapturesVersionsAndSeed() {
        RunProvenance p = RunProvenance.capture(99, "muonscope theory --seed 99");
        assertEquals(99, p.seed());
        assertEquals(org.ejml.EjmlVersion.VERSION, p.ejmlVersion());
        assertTrue(p.javaVersion().startsWith(System.getProperty("java.version")));
        assertTrue(java.time.Instant.parse(p.startedAt()).isBefore(java.time.Instant.now().plusSeconds(1)));
    }
}

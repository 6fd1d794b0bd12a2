package org.muonscope.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.Labels;

class CsvAndFilesTest {

    @Test
    void repeatedNamesGetNumbered() {
        List<OptimizerSettings> specs = List.of(OptimizerSettings.parse("muon"), OptimizerSettings.parse("gd"),
                OptimizerSettings.parse("muon:beta=0.9"), OptimizerSettings.parse("muon:exact=true"), OptimizerSettings.parse("gd"));
        assertEquals(List.of("muon", "gd", "muon#2", "muon#3", "gd#2"), Labels.of(specs));
    }

    @Test
    void numbersRoundTripExactly(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        Csv.Writer w = Csv.writer(List.of("v"));
        double[] written = new double[1000];
        for (int i = 0; i < written.length; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            written[i] = Double.isNaN(v) ? 0.5 : v;
            assertEquals(written[i], Csv.parseNum(Csv.num(written[i])), 0.0);
            w.row(List.of(Csv.num(written[i])));
        }
        w.write(dir.resolve("t.csv"));
        Csv.Table t = Csv.read(dir.resolve("t.csv"));
        for (int i = 0; i < written.length; i++) {
            assertEquals(written[i], Csv.parseNum(t.rows().get(i).get("v")), 0.0, "through the file and the library");
        }
        assertEquals("12", Csv.num(12.0));
        assertEquals("", Csv.num(Double.NaN));
        assertTrue(Double.isNaN(Csv.parseNum("")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Csv.parseNum(Csv.num(-0.0))));
    }

    @Test
    void quotedTextSurvivesTheRoundTrip(@TempDir Path dir) throws IOException {
        String msg = "gd diverged at step 3: the \"loss\", became NaN";
        Csv.Writer w = Csv.writer(List.of("a", "message", "empty", "b")).row(List.of("a", msg, "", "b"));
        assertEquals("a,message,empty,b\na,\"gd diverged at step 3: the \"\"loss\"\", became NaN\",,b\n", w.text(),
                "RFC 4180 quotes only where needed");
        w.write(dir.resolve("q.csv"));
        Csv.Table t = Csv.read(dir.resolve("q.csv"));
        assertEquals(msg, t.rows().get(0).get("message"));
        assertEquals("", t.rows().get(0).get("empty"));
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,\"open\n");
        IOException e = assertThrows(IOException.class, () -> Csv.read(dir.resolve("bad.csv")));
        assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
        Files.writeString(dir.resolve("short.csv"), "a,b\n1\n");
        IOException s = assertThrows(IOException.class, () -> Csv.read(dir.resolve("short.csv")));
        assertTrue(s.getMessage().contains("short.csv:2"), s.getMessage());
    }

    @Test
    void matrixParsingReportsLineAndColumn() {
        double[][] m = MatrixText.parse("1, 2,3\n\n4,5e-1,-6\n", "in", false);
        assertArrayEquals(new double[] {4, 0.5, -6}, m[1], 0.0);
        SpecException ragged = assertThrows(SpecException.class, () -> MatrixText.parse("1,2\n3\n", "in", false));
        assertEquals("in", ragged.field());
        assertTrue(ragged.getMessage().contains("line 2"), ragged.getMessage());
        SpecException word = assertThrows(SpecException.class, () -> MatrixText.parse("1,2\n3,x\n", "in", false));
        assertTrue(word.getMessage().contains("line 2, column 2"), word.getMessage());
        assertThrows(SpecException.class, () -> MatrixText.parse("\n \n", "in", false));
        assertThrows(SpecException.class, () -> MatrixText.parse("1,NaN\n", "in", false));
        assertTrue(Double.isNaN(MatrixText.parse("1,NaN\n", "w", true)[0][1]), "a diverged run's weights read back");
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
    void resultFilesGetThePermissionsOfAnyNewFile(@TempDir Path dir) throws Exception {
        // a file created the ordinary way gets 0666 minus the umask; a results file must get the same, not 600
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        Path f = dir.resolve("metrics.csv");
        AtomicFiles.write(f, "x");
        assertEquals(expected, Files.getPosixFilePermissions(f));
        AtomicFiles.write(f, "y");
        assertEquals(expected, Files.getPosixFilePermissions(f), "also when replacing a file");
    }

    @Test
    void provenanceCapturesVersionsAndSeedAndRoundTrips() throws IOException {
        RunProvenance p = RunProvenance.capture(99, "muonscope theory --seed 99");
        assertEquals(99, p.seed());
        assertEquals(org.ejml.EjmlVersion.VERSION, p.ejmlVersion());
        assertTrue(p.javaVersion().startsWith(System.getProperty("java.version")));
        assertTrue(java.time.Instant.parse(p.startedAt()).isBefore(java.time.Instant.now().plusSeconds(1)));
        assertEquals(p, RunProvenance.parse(p.toJson()));
    }
}

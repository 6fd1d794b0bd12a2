package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.io.MatrixText;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.run.RunResult;

/** The command line in-process: exit codes, one-line errors that name the field, and the files it writes. */
class CliTest {

    record Outcome(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = MuonscopeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Exit 2 and exactly one stderr line that mentions {@code field}, with no stack trace. */
    static void assertBadInput(String field, String... args) {
        Outcome o = run(args);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.errLines().size(), "one line: " + o.err());
        assertTrue(o.err().contains(field), "names " + field + ": " + o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace");
        assertFalse(o.err().contains("Exception"), "no exception class names: " + o.err());
    }

    @Test
    void badTheoryInputExitsTwoWithOneLineNamingTheField(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        assertBadInput("priors", "theory", "--priors", "0.5,-0.2,0.7", "--out", out);
        assertBadInput("priors", "theory", "--priors", "0.5,0,0.5", "--out", out);
        assertBadInput("priors", "theory", "--priors", "0.5,abc", "--out", out);
        assertBadInput("dim", "theory", "--classes", "5", "--dim", "3", "--out", out);
        assertBadInput("steps", "theory", "--steps", "0", "--out", out);
        assertBadInput("every", "theory", "--every", "-1", "--out", out);
        assertBadInput("gd.lr", "theory", "--optimizer", "gd:lr=-0.1", "--out", out);
        assertBadInput("specgd.lr", "theory", "--optimizer", "specgd:lr=0", "--out", out);
        assertBadInput("lion", "theory", "--optimizer", "lion", "--out", out);
        assertBadInput("gd.ns", "theory", "--optimizer", "gd:ns=3", "--out", out);
        assertBadInput("mode", "theory", "--mode", "batch:10:20", "--out", out);
        assertBadInput("basis", "theory", "--basis", "diagonal", "--out", out);
        assertBadInput("--mu", "theory", "--mu", "three", "--out", out);
        assertBadInput("--out", "theory");
        assertBadInput("--frobnicate", "theory", "--frobnicate", "--out", out);
        assertBadInput("snr", "theory", "--snr", "2", "--sigma", "1", "--out", out);
        assertBadInput("priors", "theory", "--classes", "4", "--priors", "0.5,0.5", "--out", out);
        assertFalse(Files.exists(dir.resolve("o")), "bad input writes nothing");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aStepTooSmallToMoveFinishesAndSaysNever(@TempDir Path dir) throws Exception {
        Outcome o = run("theory", "--optimizer", "gd:lr=1e-17", "--steps", "10", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("-/never"), "t90 measured / theory: " + o.out());
        List<String> sat = Files.readAllLines(dir.resolve("saturation.csv"));
        assertTrue(sat.get(3).endsWith(",,Infinity"), "the minority class: not reached, and the closed form never gets there: " + sat.get(3));
    }

    @Test
    void tooManyClassesExitAtOnceNamingTheLimit(@TempDir Path dir) {
        Outcome o = run("theory", "--classes", "100000", "--out", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().contains("classes") && o.err().contains(Integer.toString(TheorySpec.MAX_CLASSES)), o.err());
        assertFalse(Files.exists(dir.resolve("spec.json")), "nothing written");
    }

    @Test
    void priorsAreNormalizedWithANotice(@TempDir Path dir) throws Exception {
        Outcome o = run("theory", "--priors", "2,1,1", "--steps", "5", "--every", "5", "--optimizer", "gd:lr=0.1",
                "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("normalized to 0.500000,0.250000,0.250000"), o.err());
        RunResult r = Experiments.read(dir);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, ((TheorySpec) r.spec()).priors(), 0.0);
        Outcome quiet = run("theory", "--priors", "0.5,0.25,0.25", "--steps", "5", "--every", "5", "--optimizer", "gd",
                "--out", dir.resolve("b").toString());
        assertEquals(0, quiet.code());
        assertFalse(quiet.err().contains("normalized"), "no notice when they already sum to 1: " + quiet.err());
    }

    @Test
    void theoryWritesEveryFileWithRepeatedNamesNumbered(@TempDir Path dir) throws Exception {
        Outcome o = run("theory", "--classes", "3", "--priors", "0.7,0.2,0.1", "--mu", "3", "--sigma", "1", "--dim", "4",
                "--depth", "1", "--init", "0", "--steps", "300", "--every", "50", "--seed", "5",
                "--optimizer", "specgd:lr=0.001", "--optimizer", "muon:lr=0.001,beta=0.9", "--optimizer", "muon:lr=0.002",
                "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("spec.json", "provenance.json", "trajectories.csv", "metrics.csv", "saturation.csv",
                "weights-specgd.csv", "weights-muon.csv", "weights-muon#2.csv")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        RunResult r = Experiments.read(dir);
        assertEquals(List.of("specgd", "muon", "muon#2"), r.optimizers().stream().map(OptimizerResult::label).toList());
        assertEquals(7, r.optimizers().get(0).records().size(), "steps 0, 50, ..., 300");
        assertEquals(4, r.optimizers().get(0).summary().matrix(TheoryFields.FINAL_W)[0].length, "k x d weights");
        assertTrue(r.provenance().command().contains("--seed 5"), r.provenance().command());
        // SpecGD from W = 0 reaches 90% of w* of class 2 (the minority) at ceil(0.9 w* / eta).
        double wStar2 = 0.1 * 3 / (0.1 * 9 + 1);
        assertEquals(Math.ceil(0.9 * wStar2 / 0.001), r.optimizers().get(0).summary().vector(TheoryFields.T90_MEASURED)[2]);
    }

    @Test
    void specFileIsTheBaseAndOptionsOverride(@TempDir Path dir) throws Exception {
        assertEquals(0, run("theory", "--priors", "0.6,0.4", "--dim", "3", "--steps", "10", "--every", "5",
                "--optimizer", "adam:lr=0.01", "--out", dir.resolve("a").toString()).code());
        Outcome o = run("theory", "--spec", dir.resolve("a/spec.json").toString(), "--steps", "20",
                "--out", dir.resolve("b").toString());
        assertEquals(0, o.code(), o.err());
        RunResult b = Experiments.read(dir.resolve("b"));
        assertEquals(20, ((TheorySpec) b.spec()).steps());
        assertEquals(3, ((TheorySpec) b.spec()).dim());
        assertEquals("adam", b.optimizers().get(0).label());
        assertBadInput("spec", "theory", "--spec", dir.resolve("missing.json").toString(), "--out", dir.toString());
    }

    @Test
    void recordedCommandQuotesArgumentsWithSpaces(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("my run");
        assertEquals(0, run("theory", "--steps", "3", "--every", "3", "--optimizer", "gd", "--out", out.toString()).code());
        String cmd = Experiments.read(out).provenance().command();
        assertTrue(cmd.startsWith("muonscope theory --steps 3"), cmd);
        assertTrue(cmd.endsWith("--out '" + out + "'"), cmd);
    }

    @Test
    void orthogonalizeWritesThePolarFactorAndRejectsBadCsv(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("g.csv");
        Files.writeString(in, "3,0\n0,-2\n");
        Path out = dir.resolve("o.csv");
        assertEquals(0, run("orthogonalize", "--method", "svd", "--in", in.toString(), "--out", out.toString()).code());
        double[][] o = MatrixText.parse(Files.readString(out), "out", false);
        assertArrayEquals(new double[] {1, 0}, o[0], 1e-12, "diagonal gradient -> sign of the diagonal");
        assertArrayEquals(new double[] {0, -1}, o[1], 1e-12);
        assertEquals(0, run("orthogonalize", "--method", "ns:30", "--in", in.toString(), "--out", out.toString()).code());
        double[][] ns = MatrixText.parse(Files.readString(out), "out", false);
        assertEquals(1.0, ns[0][0], 0.35, "quintic NS lands in about [0.68, 1.13], not exactly 1");
        assertTrue(ns[1][1] < -0.6, "keeps the sign");

        Files.writeString(in, "1,2\n3\n");
        assertBadInput("in", "orthogonalize", "--in", in.toString(), "--out", out.toString());
        Files.writeString(in, "1,2\n3,x\n");
        assertBadInput("in", "orthogonalize", "--in", in.toString(), "--out", out.toString());
        assertBadInput("in", "orthogonalize", "--in", dir.resolve("nope.csv").toString(), "--out", out.toString());
        Files.writeString(in, "1,2\n");
        assertBadInput("method", "orthogonalize", "--method", "ns:0", "--in", in.toString(), "--out", out.toString());
        assertBadInput("method", "orthogonalize", "--method", "qr", "--in", in.toString(), "--out", out.toString());
    }

    @Test
    void benchListsItsCasesAndRejectsUnknownOnes() {
        Outcome o = run("bench", "--list");
        assertEquals(0, o.code());
        for (String c : List.of("linear-gd", "linear-specgd", "linear-muon", "deep-specgd", "deep-muon", "lab-default")) {
            assertTrue(o.out().contains(c), c);
        }
        assertBadInput("case", "bench", "--case", "nothing-like-this", "--list");
        assertBadInput("repeat", "bench", "--repeat", "0");
        assertBadInput("clock", "bench", "--clock", "sundial", "--list");
        assertBadInput("warmup-seconds", "bench", "--warmup-seconds", "-1", "--list");
        assertBadInput("torch-images", "bench", "--torch-images", "5", "--list");
        assertBadInput("torch", "bench", "--torch", "no/such/script.py", "--list");
        for (String c : List.of("gemm-1024-1t", "gemm-conv2-2t", "gemm-fc1-2t", "cnn-shampoo")) {
            assertTrue(o.out().contains(c), c);
        }
    }

    @Test
    void benchJsonCarriesTargetsAndSamples() {
        Outcome o = run("bench", "--case", "linear-gd", "--repeat", "2", "--min-seconds", "0", "--warmup-seconds", "0", "--json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("\"name\" : \"linear-gd\""), o.out());
        assertTrue(o.out().contains("\"target\" : 1000000.0"), o.out());
        assertTrue(o.out().contains("\"samples\""), o.out());
        assertTrue(o.out().contains("\"name\" : \"linear-gd-steps\""), "the prefix selects the informational case too");
        assertTrue(o.out().contains("\"target\" : null"), "informational cases have no target");
    }

    @Test
    void helpListsTheSubcommands() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        for (String c : List.of("theory", "orthogonalize", "bench")) assertTrue(o.out().contains(c), c);
    }
}

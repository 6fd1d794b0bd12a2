package org.muonscope.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.theory.DataMode;

/** Write-then-read gives back every number bit for bit; the files carry the documented headers. */
class ResultsTest {

    static RunResult synthetic(long seed) {
        Random r = new Random(seed);
        TheorySpec spec = new TheorySpec(new double[] {0.6, 0.3, 0.1}, 3, 1, 4, 1, 4, 0, false, 0, DataMode.POPULATION,
                20, 10, seed, List.of(OptimizerSettings.parse("gd:lr=0.1"), OptimizerSettings.parse("muon"),
                OptimizerSettings.parse("muon:beta=0.5")));
        List<String> labels = spec.labels();
        List<OptimizerResult> results = new ArrayList<>();
        for (int slot = 0; slot < 3; slot++) {
            List<Record> snaps = new ArrayList<>();
            for (long step : new long[] {0, 10, 20}) {
                snaps.add(new Record(labels.get(slot), slot, step, Values.builder()
                        .put(TheoryFields.DIAG, gauss(r, 3)).put(TheoryFields.CLASS_LOSS, gauss(r, 3))
                        .put(TheoryFields.CLASS_ACCURACY, gauss(r, 3)).put(TheoryFields.ACCURACY_METHOD, "exact")
                        .put(TheoryFields.LOSS, r.nextGaussian()).put(TheoryFields.BALANCED_LOSS, r.nextGaussian())
                        .put(TheoryFields.MINORITY_LOSS, r.nextGaussian()).put(TheoryFields.WORST_CLASS_LOSS, r.nextGaussian())
                        .put(TheoryFields.BALANCED_ACCURACY, r.nextDouble()).put(TheoryFields.WORST_CLASS_ACCURACY, r.nextDouble())
                        .put(TheoryFields.OFFDIAG_RATIO, r.nextDouble()).put(TheoryFields.SINGULAR_VALUES, gauss(r, 3)).build()));
            }
            double[][] w = new double[3][4];
            for (double[] row : w) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian();
            Status st = slot == 2 ? Status.DIVERGED : Status.COMPLETED;
            if (slot == 2) w[1][2] = Double.NaN;
            Values summary = Values.builder().put(TheoryFields.PRIOR, spec.priors()).put(TheoryFields.W_STAR, gauss(r, 3))
                    .put(TheoryFields.T90_MEASURED, new double[] {5, Double.NaN, 17})
                    .put(TheoryFields.T90_THEORY, new double[] {r.nextDouble() * 100, Double.NaN, Double.POSITIVE_INFINITY})
                    .put(TheoryFields.FINAL_W, w).build();
            results.add(new OptimizerResult(labels.get(slot), slot, spec.optimizers().get(slot), st,
                    slot == 2 ? "muon#2 diverged at step 7: the loss, \"NaN\"" : null, snaps, summary));
        }
        return new RunResult(spec, RunProvenance.capture(seed, "test, with a comma"), results, Values.EMPTY);
    }

    private static double[] gauss(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    @Test
    void roundTripIsExact(@TempDir Path dir) throws IOException {
        RunResult a = synthetic(3);
        Experiments.write(a, dir);
        RunResult b = Experiments.read(dir);
        assertEquals(a.provenance(), b.provenance());
        assertEquals(a.spec(), b.spec());
        assertEquals(a.optimizers().size(), b.optimizers().size());
        for (int i = 0; i < a.optimizers().size(); i++) {
            OptimizerResult x = a.optimizers().get(i), y = b.optimizers().get(i);
            assertEquals(x.label(), y.label());
            assertEquals(x.slot(), y.slot());
            assertEquals(x.status(), y.status());
            assertEquals(x.message(), y.message());
            assertEquals(x.settings(), y.settings());
            for (String f : List.of(TheoryFields.PRIOR, TheoryFields.W_STAR, TheoryFields.T90_MEASURED, TheoryFields.T90_THEORY)) {
                assertArrayEquals(x.summary().vector(f), y.summary().vector(f), 0.0, f);
            }
            double[][] wx = x.summary().matrix(TheoryFields.FINAL_W), wy = y.summary().matrix(TheoryFields.FINAL_W);
            for (int r = 0; r < wx.length; r++) assertArrayEquals(wx[r], wy[r], 0.0);
            assertEquals(x.records().size(), y.records().size(), "record count");
            for (int s = 0; s < x.records().size(); s++) {
                Record p = x.records().get(s), q = y.records().get(s);
                assertEquals(p.optimizer(), q.optimizer());
                assertEquals(p.step(), q.step());
                assertEquals(p.values().names(), q.values().names(), "every field comes back");
                for (String f : p.values().names()) {
                    Object u = p.values().get(f), v = q.values().get(f);
                    if (u instanceof double[] du) assertArrayEquals(du, (double[]) v, 0.0, f);
                    else assertEquals(u, v, f);
                }
            }
        }
    }

    @Test
    void filesHaveTheContractHeadersAndEmptyCells(@TempDir Path dir) throws IOException {
        Experiments.write(synthetic(4), dir);
        assertEquals("optimizer,step,class,diag,class_loss,class_accuracy,accuracy_method",
                Files.readAllLines(dir.resolve("trajectories.csv")).get(0));
        assertEquals("optimizer,step,loss,balanced_loss,minority_loss,worst_class_loss,balanced_accuracy,worst_class_accuracy,offdiag_ratio",
                Files.readAllLines(dir.resolve("metrics.csv")).get(0));
        List<String> sat = Files.readAllLines(dir.resolve("saturation.csv"));
        assertEquals("optimizer,class,prior,w_star,t90_measured,t90_theory", sat.get(0));
        assertTrue(sat.get(2).matches("gd,1,0\\.3[0-9]*,[^,]+,,"), "not reached and no theory are empty cells: " + sat.get(2));
        assertTrue(sat.get(3).endsWith(",17,Infinity"), "a closed form that never reaches 90%: " + sat.get(3));
        assertTrue(Files.exists(dir.resolve("weights-muon#2.csv")));
        assertEquals(3 * 3 * 3 + 1, Files.readAllLines(dir.resolve("trajectories.csv")).size(), "optimizers x steps x classes");
        assertEquals("optimizer,slot,status,setting,message", Files.readAllLines(dir.resolve("optimizers.csv")).get(0));
        assertEquals(4, Files.readAllLines(dir.resolve("optimizers.csv")).size());
        assertTrue(Files.exists(dir.resolve("spec.json")) && Files.exists(dir.resolve("provenance.json")));
    }

    @Test
    void damagedFilesNameFileAndLine(@TempDir Path dir) throws IOException {
        Experiments.write(synthetic(5), dir);
        Path metrics = dir.resolve("metrics.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(metrics));
        lines.set(3, lines.get(3).replaceFirst(",[^,]+,", ",oops,"));
        Files.write(metrics, lines);
        IOException e = assertThrows(IOException.class, () -> Experiments.read(dir));
        assertTrue(e.getMessage().contains("metrics.csv:4"), e.getMessage());
    }

    @Test
    void aRowColumnLabelledFromTheInfoNamesTheRowsOfARaggedMatrixAndReadsBack(@TempDir Path dir) throws IOException {
        // a ragged matrix per record (rows of 3, 1 and 2 values) whose rows are named by the info's list, as a CNN
        // run's spectra are by its layers; a second table indexes a vector by the same names
        Layout layout = new Layout("ragged.csv", List.of(
                Table.of("ragged.csv", Table.Source.RECORDS, Column.optimizer(), Column.step(), Column.row("layer", "names"),
                        Column.col("index", 1), Column.cell("value", "m")),
                Table.of("per_layer.csv", Table.Source.RECORDS, Column.optimizer(), Column.step(), Column.index("layer", "names"),
                        Column.element("rank", "v"))));
        RunResult base = synthetic(7);
        Random r = new Random(7);
        List<OptimizerResult> opts = new ArrayList<>();
        for (OptimizerResult o : base.optimizers()) {
            List<Record> recs = new ArrayList<>();
            for (Record rec : o.records()) {
                double[][] m = {gauss(r, 3), gauss(r, 1), gauss(r, 2)};
                recs.add(new Record(rec.optimizer(), rec.slot(), rec.step(), Values.builder().put("m", m).put("v", gauss(r, 3)).build()));
            }
            opts.add(new OptimizerResult(o.label(), o.slot(), o.settings(), o.status(), o.message(), recs, Values.EMPTY));
        }
        String[] names = {"conv1.weight", "fc, \"quoted\"", "fc2.weight"};
        RunResult a = new RunResult(base.spec(), base.provenance(), opts, Values.builder().put("names", names).build());
        Results.write(a, layout, dir);
        List<String> lines = Files.readAllLines(dir.resolve("ragged.csv"));
        assertEquals("optimizer,step,layer,index,value", lines.get(0));
        assertEquals(3 * 3 * 6 + 1, lines.size(), "optimizers x records x (3 + 1 + 2) values");
        assertTrue(lines.get(1).startsWith("gd,0,conv1.weight,1,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("gd,0,\"fc, \"\"quoted\"\"\",1,"), "a name is one quoted cell: " + lines.get(4));
        assertTrue(lines.get(5).startsWith("gd,0,fc2.weight,1,") && lines.get(6).startsWith("gd,0,fc2.weight,2,"), lines.get(6));
        assertEquals("optimizer,step,layer,rank", Files.readAllLines(dir.resolve("per_layer.csv")).get(0));

        RunResult b = Results.read(dir, layout);
        assertArrayEquals(names, b.info().texts("names"), "the names come back in their order");
        for (int i = 0; i < a.optimizers().size(); i++) {
            for (int s = 0; s < a.optimizers().get(i).records().size(); s++) {
                Values x = a.optimizers().get(i).records().get(s).values(), y = b.optimizers().get(i).records().get(s).values();
                assertTrue(java.util.Arrays.deepEquals(x.matrix("m"), y.matrix("m")), "ragged rows bit for bit");
                assertArrayEquals(x.vector("v"), y.vector("v"), 0.0);
            }
        }
        // without the info's list the rows are numbered from 0, as a plain index would be
        RunResult unnamed = new RunResult(a.spec(), a.provenance(), a.optimizers(), Values.EMPTY);
        Path plain = dir.resolve("plain");
        Results.write(unnamed, layout, plain);
        assertTrue(Files.readAllLines(plain.resolve("ragged.csv")).get(4).startsWith("gd,0,1,1,"));
    }

    @Test
    void optionalFilesMayBeMissing(@TempDir Path dir) throws IOException {
        Experiments.write(synthetic(6), dir);
        Files.delete(dir.resolve("optimizers.csv"));
        Files.delete(dir.resolve("singular-values.csv"));
        RunResult b = Experiments.read(dir);
        assertEquals(Status.COMPLETED, b.optimizers().get(2).status());
        assertNull(b.optimizers().get(2).message());
        assertNull(b.optimizers().get(0).records().get(0).values().vector(TheoryFields.SINGULAR_VALUES));
    }
}

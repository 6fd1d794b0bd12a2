package org.muonscope.engine.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.RoutingSpec;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.theory.DataMode;

/** The one contract across kinds: a folder's spec reruns to the same files; folders of the earlier writers still read. */
class ContractTest {
    /** Wall-clock columns: the only values two runs of one spec may differ in. */
    private static final Set<String> TIMING = Set.of("seconds", "images_per_second");
    /** Fields this engine records that the legacy folders' writers did not. */
    private static final Set<String> ADDED_SINCE = Set.of("accuracy_method", CnnFields.SINGULAR_VALUES, CnnFields.LAYER_EFFECTIVE_RANK);

    private static List<OptimizerSettings> opts(String... t) {
        return Stream.of(t).map(OptimizerSettings::parse).toList();
    }

    static List<Spec> small() {
        return List.of(
                new TheorySpec(new double[] {0.5, 0.3, 0.2}, 3, 1, 4, 2, 4, 1e-2, true, 0.1, DataMode.parse("batch:50:8"), 40,
                        10, 3, opts("gd:lr=0.1", "muon:lr=0.01", "adam:lr=0.01")),
                new DlnSpec(2, new double[] {2, 0.5}, 2, 6, 1e-2, false, 0, 60, 10, 2, StepSchedule.parse("cosine"),
                        opts("gd:lr=0.02", "specgd:lr=0.01")),
                new RoutingSpec(16, 0.05, 40, 10, 4, false, StepSchedule.CONSTANT, opts("gd:lr=1", "specgd:lr=0.01")),
                new CnnSpec("bundled", "mlp", opts("gd:lr=0.05,beta=0.9", "muon:lr=0.02"), 1, 50, "step:2", 0, Double.NaN,
                        2, 1, 5, new Init("default", 0), 200, 100));
    }

    @Test
    void rerunningAFoldersSpecReproducesItsCsvFilesByteForByte(@TempDir Path dir) throws IOException {
        for (Spec s : small()) {
            Path a = dir.resolve(s.kind().id() + "-a"), b = dir.resolve(s.kind().id() + "-b");
            Experiments.write(Experiments.run(s, null, null, RunContext.of("test")), a);
            Spec again = SpecCodec.read(a.resolve("spec.json"), s.kind());
            assertEquals(s, again, s.kind().id());
            Experiments.write(Experiments.run(again, null, null, RunContext.of("test")), b);
            try (Stream<Path> files = Files.list(a)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Path g = b.resolve(f.getFileName());
                    if (Files.readString(f).equals(Files.readString(g))) continue;
                    Csv.Table x = Csv.read(f), y = Csv.read(g);
                    assertEquals(x.rows().size(), y.rows().size(), f.toString());
                    for (int r = 0; r < x.rows().size(); r++) {
                        for (String col : x.header()) {
                            if (TIMING.contains(col)) continue;
                            assertEquals(x.rows().get(r).get(col), y.rows().get(r).get(col), f + " row " + r + " " + col);
                        }
                    }
                    assertTrue(s.kind().id().equals("cnn"), f + " differs beyond the wall-clock columns");
                }
            }
        }
    }

    @Test
    void foldersOfTheEarlierWritersReadAndHoldTheNumbersThisEngineComputes() throws IOException, URISyntaxException {
        Path legacy = Path.of(ContractTest.class.getResource("/legacy").toURI());
        for (String name : List.of("th-batch", "dln-aligned", "rt-full", "cnn-col")) {
            RunResult old = Experiments.read(legacy.resolve(name));
            RunResult now = Experiments.run(old.spec(), null, null, RunContext.of("test"));
            Set<String> written = new java.util.HashSet<>();
            Set<String> lastOnly = new java.util.HashSet<>();
            for (var t : Experiments.layout(old.spec().kind()).tables()) {
                for (var c : t.columns()) {
                    written.add(c.field());
                    if (t.source() == org.muonscope.engine.run.Table.Source.LAST_RECORD) lastOnly.add(c.field());
                }
            }
            assertEquals(now.optimizers().size(), old.optimizers().size(), name);
            for (int i = 0; i < now.optimizers().size(); i++) {
                OptimizerResult o = old.optimizers().get(i), n = now.optimizers().get(i);
                assertEquals(n.records().size(), o.records().size(), name + " " + n.label());
                for (int k = 0; k < n.records().size(); k++) {
                    Record rn = n.records().get(k), ro = o.records().get(k);
                    assertEquals(rn.step(), ro.step());
                    for (String f : rn.values().names()) {
                        Object x = ro.values().get(f), y = rn.values().get(f);
                        // the files hold only what the layout writes (no flow time tau, no routing batch loss), and the
                        // earlier writers had no accuracy_method and no CNN spectra
                        if (x == null && (!written.contains(f) || ADDED_SINCE.contains(f))) continue;
                        if (x == null && lastOnly.contains(f) && k < n.records().size() - 1) continue;
                        String where = name + " " + n.label() + " step " + rn.step() + " " + f;
                        if (TIMING.contains(f)) continue;
                        if (name.startsWith("cnn") && f.equals(CnnFields.TRAIN_LOSS)) {
                            // the speed work (decision 0504) re-associates float32 sums (a conv's batch sums by chunks,
                            // Muon's Newton-Schulz in the Gram space): the loss moves far below float precision
                            // (1.2e-7; measured 2e-12 relative for SGD, 5e-9 for Muon after 4 steps); counts do not move
                            assertEquals((Double) x, (Double) y, 1e-6 * Math.abs((Double) x), where);
                            continue;
                        }
                        if (x instanceof double[] a) assertArrayEquals(a, (double[]) y, 0.0, where);
                        else if (x instanceof double[][] m) for (int r = 0; r < m.length; r++) assertArrayEquals(m[r], ((double[][]) y)[r], 0.0, where);
                        else assertEquals(x, y, where);
                    }
                }
            }
        }
    }
}

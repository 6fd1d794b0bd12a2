package org.muonscope.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.RoutingSpec;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;

/** Running sweeps on the local runner: identical cells at any parallelism, resume, Ctrl-C, divergence, every kind. */
class SweepRunTest {
    static SweepSpec theory(String... vary) {
        TheorySpec base = TheorySpec.defaults().withSteps(40, 10);
        return new SweepSpec(base, Stream.of(vary).map(v -> SweepCodec.axis(ExperimentKind.THEORY, v)).toList(), 1, 2);
    }

    static Sweeps.Report run(SweepSpec s, Path dir, int parallel, SweepListener l, CancelToken cancel) {
        return Sweeps.run(s, Grid.cells(s), dir, new LocalRunner(parallel), l, cancel, "test");
    }

    /** Every file of every cell folder (provenance aside: it stamps the time), by relative path. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().equals("provenance.json")) continue;
                out.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void cellsAreTheSameBitForBitAtAnyParallelismAndTheTableHasOneRowPerCell(@TempDir Path tmp) throws IOException {
        SweepSpec s = theory("optimizer=gd:lr=0.1,muon:lr=0.02", "mu=2,3");
        Sweeps.Report one = run(s, tmp.resolve("one"), 1, SweepListener.NONE, CancelToken.none());
        Sweeps.Report two = run(s, tmp.resolve("two"), 2, SweepListener.NONE, CancelToken.none());
        assertEquals(8, one.finished());
        assertEquals(8, two.finished());
        assertEquals(files(tmp.resolve("one")), files(tmp.resolve("two")));
        Csv.Table t = Csv.read(tmp.resolve("one/sweep.csv"));
        assertEquals(List.of("cell", "optimizer", "mu", "seed", "status", "balanced_accuracy", "worst_class_accuracy",
                "minority_accuracy", "t90_0", "t90_1", "t90_2", "message"), t.header());
        assertEquals(8, t.rows().size());
        assertEquals("optimizer=gd:lr=0.1-mu=2-seed=1", t.rows().get(0).get("cell"));
        assertTrue(t.rows().stream().allMatch(r -> r.get("status").equals("COMPLETED")));
        assertTrue(Files.isRegularFile(tmp.resolve("one/optimizer=muon:lr=0.02-mu=3-seed=2/metrics.csv")), "an ordinary results folder");
        assertEquals(SweepCodec.toJson(s), Files.readString(tmp.resolve("one/sweep.json")));
    }

    @Test
    void rerunningSkipsFinishedCellsAndRedoesFailedOnes(@TempDir Path dir) throws IOException {
        SweepSpec s = theory("mu=2,3");
        run(s, dir, 2, SweepListener.NONE, CancelToken.none());
        Map<String, String> before = files(dir);
        Path failed = dir.resolve("mu=3-seed=1/optimizers.csv");
        Files.writeString(failed, Files.readString(failed).replaceFirst("COMPLETED", "FAILED"));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Integer> skipped = new ArrayList<>();
        Sweeps.Report r = run(s, dir, 2, new SweepListener() {
            @Override
            public void planned(List<Cell> cells, List<Cell> skip) {
                skipped.add(skip.size());
            }

            @Override
            public void landed(Cell cell, CellOutcome outcome, int done, int total) {
                ran.add(cell.id());
            }
        }, CancelToken.none());
        assertEquals(List.of(3), skipped);
        assertEquals(List.of("mu=3-seed=1"), ran);
        assertEquals(4, r.finished());
        assertEquals(before, files(dir), "the redone cell has the same numbers");
    }

    @Test
    void aCancelledSweepKeepsFinishedCellsWholeAndResumes(@TempDir Path dir) throws IOException {
        SweepSpec s = theory("mu=2,3,4");
        CancelToken cancel = new CancelToken();
        Sweeps.Report r = run(s, dir, 1, new SweepListener() {
            @Override
            public void landed(Cell cell, CellOutcome outcome, int done, int total) {
                cancel.cancel();
            }
        }, cancel);
        assertEquals(1, r.finished());
        assertEquals(5, r.notRun());
        try (Stream<Path> l = Files.list(dir)) {
            assertEquals(List.of("mu=2-seed=1", "sweep.csv", "sweep.json"), l.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no half-written cell, no temporary folder");
        }
        Csv.Table t = Csv.read(dir.resolve("sweep.csv"));
        assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED", "PENDING"),
                t.rows().stream().map(x -> x.get("status")).toList().subList(0, 4));
        Files.createDirectories(dir.resolve(".mu=4-seed=2.tmp-0123"));
        Sweeps.Report again = run(s, dir, 2, SweepListener.NONE, CancelToken.none());
        assertEquals(1, again.skipped());
        assertEquals(6, again.finished());
        assertFalse(Files.exists(dir.resolve(".mu=4-seed=2.tmp-0123")), "leftovers of a stopped run are removed");
    }

    @Test
    void aDivergedCellIsAResultAndTheOthersGoOn(@TempDir Path dir) throws IOException {
        SweepSpec s = theory("optimizer=gd:lr=1000,gd:lr=0.1");
        Sweeps.Report r = run(s, dir, 2, SweepListener.NONE, CancelToken.none());
        assertEquals(2, r.landed().get(Status.DIVERGED));
        assertEquals(2, r.landed().get(Status.COMPLETED));
        Csv.Table t = Csv.read(dir.resolve("sweep.csv"));
        assertEquals("DIVERGED", t.rows().get(0).get("status"));
        assertTrue(t.rows().get(0).get("message").contains("step"), t.rows().get(0).get("message"));
        assertEquals("COMPLETED", t.rows().get(2).get("status"));
        assertEquals(4, run(s, dir, 2, SweepListener.NONE, CancelToken.none()).skipped(), "a diverged cell is finished");
    }

    @Test
    void aClassThatNeverReachesT90KeepsItsEmptyColumn(@TempDir Path dir) throws IOException {
        SweepSpec s = new SweepSpec(TheorySpec.defaults().withSteps(2, 1), List.of(SweepCodec.axis(ExperimentKind.THEORY, "mu=2,3")), 1, 1);
        run(s, dir, 2, SweepListener.NONE, CancelToken.none());
        Csv.Table t = Csv.read(dir.resolve("sweep.csv"));
        assertTrue(t.header().containsAll(List.of("t90_0", "t90_1", "t90_2")), t.header().toString());
        assertTrue(t.rows().stream().allMatch(r -> r.get("t90_2").isEmpty()), "two steps: no class at 90%");
    }

    private static List<OptimizerSettings> opts(String... t) {
        return Stream.of(t).map(OptimizerSettings::parse).toList();
    }

    @Test
    void everyKindReportsItsHeadlines(@TempDir Path dir) throws IOException {
        Spec dln = new DlnSpec(2, new double[] {2, 0.5}, 2, 6, 1e-2, false, 0, 60, 10, 2, StepSchedule.CONSTANT, opts("gd:lr=0.02", "specgd:lr=0.01"));
        Spec routing = new RoutingSpec(16, 0.05, 40, 10, 4, false, StepSchedule.CONSTANT, opts("specgd:lr=0.01"));
        Spec cnn = new CnnSpec("bundled", "mlp", opts("gd:lr=0.05,beta=0.9"), 1, 50, "none", 0, Double.NaN, 0, 1, 5,
                new Init("default", 0), 200, 100);
        Map<Spec, String> expect = Map.of(
                dln, "loss,effective_rank,sigma_1,sigma_2,peak_to_peak_1,peak_to_peak_2",
                routing, "seen_error,unseen_error,effective_rank",
                cnn, "test_accuracy,balanced_accuracy,worst_class_accuracy,minority_accuracy");
        for (Map.Entry<Spec, String> e : expect.entrySet()) {
            String key = e.getKey().kind() == ExperimentKind.CNN ? "imbalance=none,step:4" : "every=10,20";
            SweepSpec s = new SweepSpec(e.getKey(), List.of(SweepCodec.axis(e.getKey().kind(), key)), 1, 1);
            Path d = dir.resolve(e.getKey().kind().id());
            assertEquals(2, run(s, d, 2, SweepListener.NONE, CancelToken.none()).finished());
            Csv.Table t = Csv.read(d.resolve("sweep.csv"));
            String header = String.join(",", t.header());
            assertTrue(header.contains("seed,optimizer,status," + e.getValue() + ",message"), header);
            assertTrue(t.rows().stream().noneMatch(r -> r.get(t.header().get(5)).isEmpty()), "numbers in every row");
        }
    }
}

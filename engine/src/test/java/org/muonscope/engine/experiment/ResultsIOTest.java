package org.muonscope.engine.experiment;

import org.muonscope.engine.theory.DataMode;

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
import org.muonscope.engine.optim.OptimizerSettings;

/** Write-then-read gives back every number bit for bit; the files carry the documented headers. */
class ResultsIOTest {

    static RunResult synthetic(long seed) {
        Random r = new Random(seed);
        TheorySpec spec = TheorySpec.validated(new double[] {0.6, 0.3, 0.1}, 3, 1, 4, 1, 4, 0, false, 0,
                DataMode.POPULATION, 20, 10, seed,
                List.of(OptimizerSettings.parse("gd:lr=0.1"), OptimizerSettings.parse("muon"), OptimizerSettings.parse("muon:beta=0.5"))).spec();
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        List<OptimizerResult> results = new ArrayList<>();
        for (int slot = 0; slot < 3; slot++) {
            List<Snapshot> snaps = new ArrayList<>();
            for (long step : new long[] {0, 10, 20}) {
                snaps.add(new Snapshot(labels.get(slot), slot, step, gauss(r, 3), gauss(r, 3), gauss(r, 3), r.nextGaussian(),
                        r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                        gauss(r, 3)));
            }
            double[][] w = new double[3][4];
            for (double[] row : w) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian();
            OptimizerResult.Status st = slot == 2 ? OptimizerResult.Status.DIVERGED : OptimizerResult.Status.COMPLETED;
            if (slot == 2) w[1][2] = Double.NaN;
            double[] theory = {r.nextDouble() * 100, Double.NaN, 12};
            results.add(new OptimizerResult(labels.get(slot), slot, st,
                    slot == 2 ? "muon#2 diverged at step 7: the loss, \"NaN\"" : null, snaps, new long[] {5, -1, 17}, w,
                    gauss(r, 3), theory));
        }
        return new RunResult(spec, results, RunProvenance.capture(seed, "test, with a comma"));
    }

    private static double[] gauss(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    @Test
    void roundTripIsExact(@TempDir Path dir) throws IOException {
        RunResult a = synthetic(3);
        ResultsIO.write(a, dir);
        RunResult b = ResultsIO.read(dir);
        assertEquals(a.provenance(), b.provenance());
        assertEquals(a.spec().optimizers(), b.spec().optimizers());
        assertEquals(a.optimizers().size(), b.optimizers().size());
        for (int i = 0; i < a.optimizers().size(); i++) {
            OptimizerResult x = a.optimizers().get(i), y = b.optimizers().get(i);
            assertEquals(x.optimizer(), y.optimizer());
            assertEquals(x.slot(), y.slot());
            assertEquals(x.status(), y.status());
            assertEquals(x.message(), y.message());
            assertArrayEquals(x.t90(), y.t90());
            assertArrayEquals(x.wStar(), y.wStar(), 0.0);
            assertArrayEquals(x.t90Theory(), y.t90Theory(), 0.0);
            for (int rIdx = 0; rIdx < x.finalW().length; rIdx++) assertArrayEquals(x.finalW()[rIdx], y.finalW()[rIdx], 0.0);
            assertEquals(x.snapshots().size(), y.snapshots().size(), "snapshot count");
            for (int s = 0; s < x.snapshots().size(); s++) {
                Snapshot p = x.snapshots().get(s), q = y.snapshots().get(s);
                assertEquals(p.optimizer(), q.optimizer());
                assertEquals(p.step(), q.step());
                assertArrayEquals(p.diag(), q.diag(), 0.0);
                assertArrayEquals(p.classLoss(), q.classLoss(), 0.0);
                assertArrayEquals(p.classAccuracy(), q.classAccuracy(), 0.0);
                assertArrayEquals(p.singularValues(), q.singularValues(), 0.0);
                assertArrayEquals(new double[] {p.loss(), p.balancedLoss(), p.minorityLoss(), p.worstClassLoss(),
                        p.balancedAccuracy(), p.worstClassAccuracy(), p.offdiagRatio()},
                        new double[] {q.loss(), q.balancedLoss(), q.minorityLoss(), q.worstClassLoss(),
                                q.balancedAccuracy(), q.worstClassAccuracy(), q.offdiagRatio()}, 0.0);
            }
        }
    }

    @Test
    void filesHaveTheContractHeadersAndEmptyCells(@TempDir Path dir) throws IOException {
        ResultsIO.write(synthetic(4), dir);
        assertEquals("optimizer,step,class,diag,class_loss,class_accuracy", Files.readAllLines(dir.resolve("trajectories.csv")).get(0));
        assertEquals("optimizer,step,loss,balanced_loss,minority_loss,worst_class_loss,balanced_accuracy,worst_class_accuracy,offdiag_ratio",
                Files.readAllLines(dir.resolve("metrics.csv")).get(0));
        List<String> sat = Files.readAllLines(dir.resolve("saturation.csv"));
        assertEquals("optimizer,class,prior,w_star,t90_measured,t90_theory", sat.get(0));
        assertTrue(sat.get(2).matches("gd,1,0\\.3[0-9]*,[^,]+,,"), "not reached and no theory are empty cells: " + sat.get(2));
        assertTrue(Files.exists(dir.resolve("weights-muon#2.csv")));
        assertEquals(3 * 3 * 3 + 1, Files.readAllLines(dir.resolve("trajectories.csv")).size(), "optimizers x steps x classes");
        assertTrue(Files.exists(dir.resolve("spec.json")) && Files.exists(dir.resolve("provenance.json")));
    }

    @Test
    void damagedFilesNameFileAndLine(@TempDir Path dir) throws IOException {
        ResultsIO.write(synthetic(5), dir);
        Path metrics = dir.resolve("metrics.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(metrics));
        lines.set(3, lines.get(3).replaceFirst(",[^,]+,", ",oops,"));
        Files.write(metrics, lines);
        IOException e = assertThrows(IOException.class, () -> ResultsIO.read(dir));
        assertTrue(e.getMessage().contains("metrics.csv:4"), e.getMessage());
    }

    @Test
    void optionalFilesMayBeMissing(@TempDir Path dir) throws IOException {
        ResultsIO.write(synthetic(6), dir);
        Files.delete(dir.resolve("optimizers.csv"));
        Files.delete(dir.resolve("singular-values.csv"));
        RunResult b = ResultsIO.read(dir);
        assertEquals(OptimizerResult.Status.COMPLETED, b.optimizers().get(2).status());
        assertNull(b.optimizers().get(2).message());
        assertEquals(0, b.optimizers().get(0).snapshots().get(0).singularValues().length);
    }
}

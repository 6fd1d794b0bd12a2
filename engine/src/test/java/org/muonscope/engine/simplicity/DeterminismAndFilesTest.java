package org.muonscope.engine.simplicity;

import org.muonscope.engine.optim.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiment.RunProvenance;
import org.muonscope.engine.optim.OptimizerSettings;

/** Same seed, same numbers; the result files; the spec JSON; the spectra helpers. */
class DeterminismAndFilesTest {

    private static RoutingSpec shortRouting(long seed) {
        return new RoutingSpec(16, 0.05, 60, 20, seed, false, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=1"), OptimizerSettings.parse("muon:lr=0.01")));
    }

    @Test
    void routingIsDeterministicForASeedAndChangesWithIt() {
        RoutingExperiment.Result a = RoutingExperiment.run(shortRouting(3));
        RoutingExperiment.Result b = RoutingExperiment.run(shortRouting(3));
        RoutingExperiment.Result c = RoutingExperiment.run(shortRouting(4));
        for (int i = 0; i < 2; i++) {
            List<RoutingExperiment.Point> pa = a.traces().get(i).points();
            List<RoutingExperiment.Point> pb = b.traces().get(i).points();
            assertEquals(pa.size(), pb.size());
            for (int k = 0; k < pa.size(); k++) {
                assertArrayEquals(pa.get(k).hiddenSpectrum(), pb.get(k).hiddenSpectrum(), 0);
                assertEquals(pa.get(k).unseenError(), pb.get(k).unseenError(), 0);
                assertEquals(pa.get(k).batchLoss(), pb.get(k).batchLoss(), 0);
            }
        }
        assertFalse(a.traces().get(0).last().unseenError() == c.traces().get(0).last().unseenError());
        // SpecGD too (its polar factor comes from an iterative, warm-started solver)
        RoutingSpec spec = shortRouting(3).withOptimizers(List.of(OptimizerSettings.parse("specgd:lr=0.01")));
        assertArrayEquals(RoutingExperiment.run(spec).traces().get(0).last().hiddenSpectrum(),
                RoutingExperiment.run(spec).traces().get(0).last().hiddenSpectrum(), 0);
        // every optimizer starts from the same weights: identical step-0 records
        assertEquals(a.traces().get(0).points().get(0).unseenError(), a.traces().get(1).points().get(0).unseenError(), 0);
    }

    @Test
    void routingTrainsSideBySideWithTheNumbersOfEachOptimizerAlone() {
        RoutingSpec both = shortRouting(5);
        List<Integer> slots = new java.util.ArrayList<>();
        RoutingExperiment.Result r = RoutingExperiment.run(both, (slot, label, p) -> slots.add(slot), () -> false);
        // lockstep: records arrive alternating gd, muon, gd, muon ... (what lets the window stream both grids)
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1), slots);
        for (int i = 0; i < 2; i++) {
            RoutingSpec alone = both.withOptimizers(List.of(both.optimizers().get(i)));
            List<RoutingExperiment.Point> a = RoutingExperiment.run(alone).traces().get(0).points();
            List<RoutingExperiment.Point> b = r.traces().get(i).points();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                assertArrayEquals(a.get(k).hiddenSpectrum(), b.get(k).hiddenSpectrum(), 0, "slot " + i + " record " + k);
                assertEquals(a.get(k).batchLoss(), b.get(k).batchLoss(), 0);
            }
        }
    }

    @Test
    void dlnIsDeterministicForASeed() {
        DlnSpec spec = DlnSpec.figure1().withSteps(50, 10);
        DlnExperiment.Result a = DlnExperiment.run(spec);
        DlnExperiment.Result b = DlnExperiment.run(spec);
        for (int i = 0; i < a.traces().size(); i++) {
            for (int k = 0; k < a.traces().get(i).points().size(); k++) {
                assertArrayEquals(a.traces().get(i).points().get(k).sigma(), b.traces().get(i).points().get(k).sigma(), 0);
            }
        }
        DlnExperiment.Result c = DlnExperiment.run(spec.withSeed(2));
        assertFalse(a.traces().get(0).points().get(5).sigma()[0] == c.traces().get(0).points().get(5).sigma()[0]);
    }

    @Test
    void resultFilesHaveTheIssueHeadersAndOneRowPerRecord(@TempDir Path dir) throws IOException {
        DlnExperiment.Result d = DlnExperiment.run(DlnSpec.figure1().withSteps(20, 10));
        SimplicityFiles.write(d, dir.resolve("dln"), RunProvenance.capture(1, "test"));
        List<String> sv = Files.readAllLines(dir.resolve("dln/singular_values.csv"));
        assertEquals("optimizer,step,k,sigma,theory", sv.get(0));
        assertEquals(1 + 2 * 3 * 2, sv.size(), "2 optimizers x steps {0,10,20} x 2 modes");
        assertTrue(sv.get(1).startsWith("gd,0,1,"));
        List<String> loss = Files.readAllLines(dir.resolve("dln/loss.csv"));
        assertEquals("optimizer,step,loss,effective_rank", loss.get(0));
        assertEquals(1 + 2 * 3, loss.size());
        assertTrue(Files.readString(dir.resolve("dln/provenance.json")).contains("\"started_at\""));
        DlnSpec back = SimplicityJson.parseDln(Files.readString(dir.resolve("dln/spec.json"), StandardCharsets.UTF_8));
        assertEquals(SimplicityJson.toJson(d.spec()), SimplicityJson.toJson(back));

        RoutingExperiment.Result r = RoutingExperiment.run(shortRouting(1));
        SimplicityFiles.write(r, dir.resolve("routing"), RunProvenance.capture(1, "test"));
        List<String> rows = Files.readAllLines(dir.resolve("routing/routing.csv"));
        assertEquals("optimizer,step,seen_error,unseen_error,effective_rank", rows.get(0));
        assertEquals(1 + 2 * 4, rows.size(), "2 optimizers x steps {0,20,40,60}");
        List<String> spec = Files.readAllLines(dir.resolve("routing/hidden_spectrum.csv"));
        assertEquals("optimizer,step,index,singular_value", spec.get(0));
        assertEquals(1 + 2 * 4 * 16, spec.size());
        List<String> grid = Files.readAllLines(dir.resolve("routing/error_grid.csv"));
        assertEquals(1 + 2 * 49, grid.size());
        assertEquals(2 * 14, grid.stream().filter(l -> l.contains(",true,")).count());
        RoutingSpec rb = SimplicityJson.parseRouting(Files.readString(dir.resolve("routing/spec.json"), StandardCharsets.UTF_8));
        assertEquals(SimplicityJson.toJson(r.spec()), SimplicityJson.toJson(rb));
    }

    @Test
    void presetsParseAndBadSpecsNameTheField() throws IOException {
        Path presets = Path.of("..", "assets", "presets");
        DlnSpec f1 = SimplicityJson.parseDln(Files.readString(presets.resolve("simplicity-figure1.json")));
        assertEquals(2, f1.dim());
        RoutingSpec f2 = SimplicityJson.parseRouting(Files.readString(presets.resolve("simplicity-figure2.json")));
        assertEquals(64, f2.width());
        assertEquals("dln", SimplicityJson.experiment(Files.readString(presets.resolve("simplicity-figure1.json"))));
        SpecException e = assertThrows(SpecException.class, () -> SimplicityJson.parseDln("{\"dimm\": 3}"));
        assertEquals("dimm", e.field());
        e = assertThrows(SpecException.class, () -> SimplicityJson.parseDln("{\"dim\": 3}"));
        assertEquals("singular-values", e.field(), "3 dims need 3 singular values");
        e = assertThrows(SpecException.class, () -> SimplicityJson.parseRouting("{\"init\": -1}"));
        assertEquals("init", e.field());
        assertNull(SimplicityJson.parseDln("{\"dim\": 3, \"singularValues\": null}").singularValues());
    }

    @Test
    void spectraIdentities() {
        assertEquals(4.0, Spectra.effectiveRank(new double[] {2, 2, 2, 2, 0}), 1e-12);
        assertEquals(1.0, Spectra.effectiveRank(new double[] {5, 0, 0}), 0);
        assertEquals(0.0, Spectra.effectiveRank(new double[] {0, 0}), 0);
        double e = Spectra.effectiveRank(new double[] {1, 0.5});
        assertTrue(e > 1 && e < 2);
        assertEquals(2, Spectra.thresholdRank(new double[] {1, 0.5, 0.05}, 0.1));
        DMatrixRMaj q = Spectra.randomOrthogonal(6, new Random(3));
        DMatrixRMaj qtq = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentity(qtq, 1e-12));
        // singular values of a 1 x n row are its norm; of a zero matrix zero
        assertArrayEquals(new double[] {5}, Spectra.singularValues(new DMatrixRMaj(new double[][] {{3, 4, 0}})), 1e-12);
        assertArrayEquals(new double[] {0, 0}, Spectra.singularValues(new DMatrixRMaj(2, 3)), 0);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gd", "ngd", "signgd", "signum", "specgd", "muon", "adam", "shampoo"})
    void everyOptimizerOfTheEngineTrainsBothModels(String kind) {
        OptimizerSettings o = OptimizerSettings.parse(kind + ":lr=0.001");
        DlnExperiment.Trace d = DlnExperiment.run(DlnSpec.figure1().withSteps(40, 20).withOptimizers(List.of(o))).traces().get(0);
        assertNull(d.message());
        assertEquals(3, d.points().size());
        DlnExperiment.Point first = d.points().get(0);
        DlnExperiment.Point last = d.points().get(2);
        assertTrue(Double.isFinite(last.loss()) && last.loss() < first.loss(), kind + " lowers the DLN loss");
        RoutingExperiment.Trace r = RoutingExperiment.run(shortRouting(2).withOptimizers(List.of(o))).traces().get(0);
        assertNull(r.message());
        assertTrue(Double.isFinite(r.last().seenError()), kind);
        assertTrue(r.last().seenError() <= r.points().get(0).seenError() + 1e-9, kind + " does not raise the seen error");
    }
}

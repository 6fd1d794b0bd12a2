package org.muonscope.engine.experiments;

import org.muonscope.engine.optim.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;

import org.muonscope.engine.experiments.dln.DlnRun;
import org.muonscope.engine.experiments.routing.RoutingRun;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.RoutingSpec;

/** Same seed, same numbers; the result files; the spec JSON; the spectra helpers. */
class SimplicityRunsTest {

    private static RoutingSpec shortRouting(long seed) {
        return new RoutingSpec(16, 0.05, 60, 20, seed, false, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=1"), OptimizerSettings.parse("muon:lr=0.01")));
    }

    @Test
    void routingIsDeterministicForASeedAndChangesWithIt() {
        RoutingRun a = RoutingRun.run(shortRouting(3));
        RoutingRun b = RoutingRun.run(shortRouting(3));
        RoutingRun c = RoutingRun.run(shortRouting(4));
        for (int i = 0; i < 2; i++) {
            List<RoutingRun.Point> pa = a.traces().get(i).points();
            List<RoutingRun.Point> pb = b.traces().get(i).points();
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
        assertArrayEquals(RoutingRun.run(spec).traces().get(0).last().hiddenSpectrum(),
                RoutingRun.run(spec).traces().get(0).last().hiddenSpectrum(), 0);
        // every optimizer starts from the same weights: identical step-0 records
        assertEquals(a.traces().get(0).points().get(0).unseenError(), a.traces().get(1).points().get(0).unseenError(), 0);
    }

    @Test
    void routingTrainsSideBySideWithTheNumbersOfEachOptimizerAlone() {
        RoutingSpec both = shortRouting(5);
        List<Integer> slots = new java.util.ArrayList<>();
        RoutingRun r = RoutingRun.of(Experiments.run(both, new RunListener() {
            @Override
            public void onRecord(Record rec) {
                slots.add(rec.slot());
            }
        }, null, RunContext.of("test")));
        // lockstep: records arrive alternating gd, muon, gd, muon ... (what lets the window stream both grids)
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1), slots);
        for (int i = 0; i < 2; i++) {
            RoutingSpec alone = both.withOptimizers(List.of(both.optimizers().get(i)));
            List<RoutingRun.Point> a = RoutingRun.run(alone).traces().get(0).points();
            List<RoutingRun.Point> b = r.traces().get(i).points();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                assertArrayEquals(a.get(k).hiddenSpectrum(), b.get(k).hiddenSpectrum(), 0, "slot " + i + " record " + k);
                assertEquals(a.get(k).batchLoss(), b.get(k).batchLoss(), 0);
            }
        }
    }

    @Test
    void dlnIsDeterministicForASeed() {
        DlnSpec spec = DlnSpec.defaults().withSteps(50, 10);
        DlnRun a = DlnRun.run(spec);
        DlnRun b = DlnRun.run(spec);
        for (int i = 0; i < a.traces().size(); i++) {
            for (int k = 0; k < a.traces().get(i).points().size(); k++) {
                assertArrayEquals(a.traces().get(i).points().get(k).sigma(), b.traces().get(i).points().get(k).sigma(), 0);
            }
        }
        DlnRun c = DlnRun.run(spec.withSeed(2));
        assertFalse(a.traces().get(0).points().get(5).sigma()[0] == c.traces().get(0).points().get(5).sigma()[0]);
    }

    @Test
    void resultFilesHaveTheIssueHeadersAndOneRowPerRecord(@TempDir Path dir) throws IOException {
        DlnRun d = DlnRun.run(DlnSpec.defaults().withSteps(20, 10));
        Experiments.write(d.source(), dir.resolve("dln"));
        List<String> sv = Files.readAllLines(dir.resolve("dln/singular_values.csv"));
        assertEquals("optimizer,step,k,sigma,theory", sv.get(0));
        assertEquals(1 + 2 * 3 * 2, sv.size(), "2 optimizers x steps {0,10,20} x 2 modes");
        assertTrue(sv.get(1).startsWith("gd,0,1,"));
        List<String> loss = Files.readAllLines(dir.resolve("dln/loss.csv"));
        assertEquals("optimizer,step,loss,effective_rank", loss.get(0));
        assertEquals(1 + 2 * 3, loss.size());
        assertTrue(Files.readString(dir.resolve("dln/provenance.json")).contains("\"started_at\""));
        assertEquals(d.spec(), SpecCodec.read(dir.resolve("dln/spec.json"), ExperimentKind.DLN));
        assertEquals("optimizer,slot,status,setting,message", Files.readAllLines(dir.resolve("dln/optimizers.csv")).get(0));

        RoutingRun r = RoutingRun.run(shortRouting(1));
        Experiments.write(r.source(), dir.resolve("routing"));
        List<String> rows = Files.readAllLines(dir.resolve("routing/routing.csv"));
        assertEquals("optimizer,step,seen_error,unseen_error,effective_rank", rows.get(0));
        assertEquals(1 + 2 * 4, rows.size(), "2 optimizers x steps {0,20,40,60}");
        List<String> spec = Files.readAllLines(dir.resolve("routing/hidden_spectrum.csv"));
        assertEquals("optimizer,step,index,singular_value", spec.get(0));
        assertEquals(1 + 2 * 4 * 16, spec.size());
        List<String> grid = Files.readAllLines(dir.resolve("routing/error_grid.csv"));
        assertEquals(1 + 2 * 49, grid.size());
        assertEquals(2 * 14, grid.stream().filter(l -> l.contains(",true,")).count());
        assertEquals(r.spec(), SpecCodec.read(dir.resolve("routing/spec.json"), ExperimentKind.ROUTING));
    }

    @Test
    void presetsParseAndBadSpecsNameTheField() throws IOException {
        Path presets = Path.of("..", "assets", "presets");
        DlnSpec f1 = (DlnSpec) SpecCodec.read(presets.resolve("simplicity-figure1.json"), ExperimentKind.DLN);
        assertEquals(2, f1.dim());
        RoutingSpec f2 = (RoutingSpec) SpecCodec.read(presets.resolve("simplicity-figure2.json"), ExperimentKind.ROUTING);
        assertEquals(64, f2.width());
        assertEquals(ExperimentKind.DLN, SpecCodec.read(presets.resolve("simplicity-figure1.json")).kind());
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse("{\"kind\": \"dln\", \"dimm\": 3}"));
        assertEquals("dimm", e.field());
        e = assertThrows(SpecException.class, () -> SpecCodec.parse("{\"kind\": \"dln\", \"dim\": 3}"));
        assertEquals("singularValues", e.field(), "3 dims need 3 singular values");
        e = assertThrows(SpecException.class, () -> SpecCodec.parse("{\"kind\": \"routing\", \"init\": -1}"));
        assertEquals("init", e.field());
        assertNull(((DlnSpec) SpecCodec.parse("{\"kind\": \"dln\", \"dim\": 3, \"singularValues\": null}")).singularValues());
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
        DlnRun.Trace d = DlnRun.run(DlnSpec.defaults().withSteps(40, 20).withOptimizers(List.of(o))).traces().get(0);
        assertNull(d.message());
        assertEquals(3, d.points().size());
        DlnRun.Point first = d.points().get(0);
        DlnRun.Point last = d.points().get(2);
        assertTrue(Double.isFinite(last.loss()) && last.loss() < first.loss(), kind + " lowers the DLN loss");
        RoutingRun.Trace r = RoutingRun.run(shortRouting(2).withOptimizers(List.of(o))).traces().get(0);
        assertNull(r.message());
        assertTrue(Double.isFinite(r.last().seenError()), kind);
        assertTrue(r.last().seenError() <= r.points().get(0).seenError() + 1e-9, kind + " does not raise the seen error");
    }
}

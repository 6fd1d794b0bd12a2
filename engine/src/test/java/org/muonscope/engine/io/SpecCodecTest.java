package org.muonscope.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.MuonSettings;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.RoutingSpec;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.theory.DataMode;

class SpecCodecTest {
    private static List<OptimizerSettings> opts(String... texts) {
        return List.of(texts).stream().map(OptimizerSettings::parse).toList();
    }

    static List<Spec> samples() {
        return List.of(
                new TheorySpec(new double[] {0.5, 0.3, 0.2}, 2.5, 0.7, 6, 3, 8, 1e-3, true, 0.25,
                        DataMode.parse("batch:100:10"), 500, 7, -42L,
                        opts("muon:lr=0.02,beta=0.9,ns=7,nesterov=false,beta1=0.8", "adam:beta2=0.99,wd=0.1", "muon")),
                new DlnSpec(3, new double[] {3, 1, 0.25}, 3, 7, 0.01, false, 0.1, 400, 4, 9, StepSchedule.parse("cosine:min=0.1"),
                        opts("gd:lr=0.02", "specgd:lr=0.005")),
                new DlnSpec(2, null, 1, 2, 0.5, true, 0, 10, 1, 2, StepSchedule.CONSTANT, opts("signum")),
                new RoutingSpec(32, 2e-3, 300, 25, 4, true, StepSchedule.parse("linear"), opts("gd:lr=2", "shampoo:eps=1e-6")),
                new CnnSpec("bundled", "mlp", opts("gd:lr=0.05,beta=0.9", "muon:edges=false"), 2, 64, "step:5", 0, 0.9, 3,
                        1, 11, new Init("gaussian", 0.01), 100, 50));
    }

    @Test
    void everyKindRoundTripsExactly(@TempDir Path dir) {
        for (Spec s : samples()) {
            assertEquals(s, SpecCodec.parse(SpecCodec.toJson(s)), s.kind() + " through text");
            Path f = dir.resolve(s.kind() + "/spec.json");
            SpecCodec.write(s, f);
            assertEquals(s, SpecCodec.read(f, s.kind()), s.kind() + " through a file");
        }
    }

    @Test
    void everyDocumentNamesItsKindAndEveryOptimizerSetting() {
        for (Spec s : samples()) {
            String json = SpecCodec.toJson(s);
            assertTrue(json.startsWith("{\n  \"kind\" : \"" + s.kind().id() + "\""), json);
        }
        String theory = SpecCodec.toJson(samples().get(0));
        for (String key : List.of("\"lr\"", "\"beta\"", "\"ns\"", "\"nesterov\"", "\"exact\"", "\"wd\"", "\"beta1\"",
                "\"beta2\"", "\"eps\"", "\"alr\"", "\"edges\"", "\"rotated\" : true", "\"mode\" : \"batch:100:10\"")) {
            assertTrue(theory.contains(key), key);
        }
    }

    @Test
    void seedsAboveTwoToThe53RoundTrip() {
        long seed = (1L << 53) + 1; // not a double
        for (Spec s : samples()) {
            Spec back = SpecCodec.parse(SpecCodec.toJson(s.withSeed(seed)));
            assertEquals(seed, back.seed(), s.kind().id());
        }
        assertEquals(Long.MAX_VALUE, SpecCodec.parse("{\"kind\": \"dln\", \"seed\": 9223372036854775807}").seed());
        assertEquals("seed", assertThrows(SpecException.class,
                () -> SpecCodec.parse("{\"kind\": \"routing\", \"seed\": 1.5}")).field());
    }

    @Test
    void missingFieldsTakeTheKindsDefaultsAndShorthandsWork() {
        TheorySpec s = (TheorySpec) SpecCodec.parse("{\"kind\": \"theory\", \"priors\": [2, 1, 1], \"snr\": 4, "
                + "\"optimizers\": [\"specgd:lr=0.01\"]}");
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, s.priors(), 1e-15);
        assertEquals(TheorySpec.defaults().mu() / 2, s.sigma(), 1e-15, "sigma = mu / sqrt(snr)");
        assertEquals(3, s.dim(), "one dimension per class");
        assertEquals(TheorySpec.defaults().steps(), s.steps());
        assertEquals(0.01, s.optimizers().get(0).lr());
        TheorySpec deep = (TheorySpec) SpecCodec.parse("{\"kind\": \"theory\", \"classes\": 4, \"dim\": 6, \"depth\": 3}");
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, deep.priors(), 0.0);
        assertEquals(6, deep.hidden(), "hidden width follows dim");
        assertEquals(TheorySpec.DEEP_INIT, deep.init(), "a deep model starts from a small init");
        assertEquals(DlnSpec.defaults(), SpecCodec.parse("{\"kind\": \"dln\"}"));
        assertEquals(RoutingSpec.defaults(), SpecCodec.parse("{\"kind\": \"routing\", \"name\": \"a preset\", \"description\": \"x\"}"));
        assertEquals(CnnSpec.defaults(), SpecCodec.parse("{\"kind\": \"cnn\"}"));
    }

    @Test
    void priorsThatSumToOneUpToRoundingStayAsTyped() {
        // 0.7 + 0.2 + 0.1 = 0.9999999999999999 in binary; dividing by it would change 0.2 in the saved file.
        TheorySpec s = (TheorySpec) SpecCodec.parse("{\"kind\": \"theory\", \"priors\": [0.7, 0.2, 0.1]}");
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, s.priors(), 0.0);
        assertTrue(SpecCodec.toJson(s).contains("[ 0.7, 0.2, 0.1 ]"));
    }

    @Test
    void errorsNameTheField() {
        assertEquals("mu", field("{\"kind\": \"theory\", \"mu\": \"x\"}"));
        assertEquals("priors", field("{\"kind\": \"theory\", \"priors\": [1, -1]}"));
        assertEquals("colour", field("{\"kind\": \"theory\", \"colour\": 1}"));
        assertEquals("spec", field("{\"mu\": "));
        assertEquals("kind", field("{\"kind\": \"sweep-of-everything\"}"));
        assertEquals("muon.momentum", field("{\"kind\": \"dln\", \"optimizers\": [{\"name\": \"muon\", \"momentum\": 1}]}"));
        assertEquals("optimizer", field("{\"kind\": \"cnn\", \"optimizers\": [\"lion\"]}"));
        assertEquals("dim", field("{\"kind\": \"theory\", \"dim\": 2}"));
        assertEquals("snr", field("{\"kind\": \"theory\", \"snr\": 1, \"sigma\": 1}"));
        assertEquals("classes", field("{\"kind\": \"theory\", \"classes\": 100000}"));
        assertEquals("spuriousPixel", field("{\"kind\": \"cnn\", \"spuriousPixel\": -1}"));
        assertEquals("imbalance", field("{\"kind\": \"cnn\", \"imbalance\": \"step:0.5\"}"));
        assertEquals("width", field("{\"kind\": \"routing\", \"width\": 2}"));
        SpecException unknown = assertThrows(SpecException.class,
                () -> SpecCodec.parse("{\"kind\": \"routing\", \"fullbatch\": true}"));
        assertTrue(unknown.getMessage().contains("fullBatch"), "lists the known fields: " + unknown.getMessage());
    }

    @Test
    void aSpecOfAnotherKindIsRefusedWhereOneKindIsNeeded() {
        String dln = SpecCodec.toJson(DlnSpec.defaults());
        SpecException e = assertThrows(SpecException.class, () -> SpecCodec.parse(dln, ExperimentKind.THEORY));
        assertEquals("kind", e.field());
        assertTrue(e.getMessage().contains("dln") && e.getMessage().contains("theory"), e.getMessage());
    }

    @Test
    void specFilesOfEveryEarlierFormatStillRead() throws Exception {
        Path legacy = Path.of(SpecCodecTest.class.getResource("/legacy").toURI());
        TheorySpec th = (TheorySpec) SpecCodec.read(legacy.resolve("th-batch/spec.json"));
        assertEquals(DataMode.parse("batch:500:32"), th.mode());
        assertEquals(3, th.seed());
        assertEquals(OptimizerSettings.parse("gd:lr=0.1,beta=0.9"), th.optimizers().get(0), "fields gd lacks are dropped");
        assertEquals(3, ((MuonSettings) th.optimizers().get(1)).ns());
        DlnSpec dln = (DlnSpec) SpecCodec.read(legacy.resolve("dln-aligned/spec.json"));
        assertTrue(dln.aligned());
        RoutingSpec rt = (RoutingSpec) SpecCodec.read(legacy.resolve("rt-full/spec.json"));
        assertTrue(rt.fullBatch());
        CnnSpec cnn = (CnnSpec) SpecCodec.read(legacy.resolve("cnn-col/spec.json"));
        assertEquals(0.9, cnn.colored());
        assertEquals(400, cnn.trainLimit());
        assertEquals(new Init("gaussian", 0.01), cnn.init());
        assertTrue(Files.exists(legacy.resolve("cnn-col/summary.csv")));
    }

    private static String field(String json) {
        return assertThrows(SpecException.class, () -> SpecCodec.parse(json)).field();
    }
}

package org.muonscope.engine.experiment;

import org.muonscope.engine.theory.DataMode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

class SpecJsonTest {

    private static TheorySpec sample() {
        return TheorySpec.validated(new double[] {0.5, 0.3, 0.2}, 2.5, 0.7, 6, 3, 8, 1e-3, true, 0.25,
                DataMode.parse("batch:100:10"), 500, 7, -42L,
                List.of(OptimizerSettings.parse("muon:lr=0.02,beta=0.9,ns=7,nesterov=false"),
                        OptimizerSettings.parse("adam:beta2=0.99,wd=0.1"), OptimizerSettings.parse("muon"))).spec();
    }

    private static void assertSameSpec(TheorySpec a, TheorySpec b) {
        assertArrayEquals(a.priors(), b.priors(), 0.0);
        assertEquals(a.mu(), b.mu());
        assertEquals(a.sigma(), b.sigma());
        assertEquals(a.dim(), b.dim());
        assertEquals(a.depth(), b.depth());
        assertEquals(a.hidden(), b.hidden());
        assertEquals(a.init(), b.init());
        assertEquals(a.rotated(), b.rotated());
        assertEquals(a.overlap(), b.overlap());
        assertEquals(a.mode(), b.mode());
        assertEquals(a.steps(), b.steps());
        assertEquals(a.every(), b.every());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.optimizers(), b.optimizers());
    }

    @Test
    void roundTripIsExact() {
        TheorySpec s = sample();
        TheorySpec.Validated back = SpecJson.parse(SpecJson.toJson(s));
        assertSameSpec(s, back.spec());
        assertFalse(back.priorsRescaled(), "saved priors are already normalized");
    }

    @Test
    void fileRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("sub/spec.json");
        SpecJson.write(sample(), f);
        assertSameSpec(sample(), SpecJson.read(f).spec());
    }

    @Test
    void missingFieldsTakeDefaultsAndStringsParse() {
        TheorySpec s = SpecJson.parse("{\"priors\": [2, 1, 1], \"snr\": 4, \"optimizers\": [\"specgd:lr=0.01\"]}").spec();
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, s.priors(), 1e-15);
        assertEquals(TheoryDefaults.MU / 2, s.sigma(), 1e-15, "sigma = mu / sqrt(snr)");
        assertEquals(3, s.dim());
        assertEquals(TheoryDefaults.STEPS, s.steps());
        assertEquals(0.01, s.optimizers().get(0).lr());
        assertTrue(SpecJson.parse("{\"priors\": [2, 1, 1]}").priorsRescaled());
    }

    @Test
    void priorsThatSumToOneUpToRoundingStayAsTyped() {
        // 0.7 + 0.2 + 0.1 = 0.9999999999999999 in binary; dividing by it would change 0.2 in the saved file.
        TheorySpec.Validated v = SpecJson.parse("{\"priors\": [0.7, 0.2, 0.1]}");
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, v.spec().priors(), 0.0);
        assertFalse(v.priorsRescaled());
        assertTrue(SpecJson.toJson(v.spec()).contains("[ 0.7, 0.2, 0.1 ]"));
    }

    @Test
    void classesWithoutPriorsAreUniform() {
        TheorySpec s = SpecJson.parse("{\"classes\": 4}").spec();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, s.priors(), 0.0);
    }

    @Test
    void errorsNameTheField() {
        assertEquals("mu", assertThrows(SpecException.class, () -> SpecJson.parse("{\"mu\": \"x\"}")).field());
        assertEquals("priors", assertThrows(SpecException.class, () -> SpecJson.parse("{\"priors\": [1, -1]}")).field());
        assertEquals("colour", assertThrows(SpecException.class, () -> SpecJson.parse("{\"colour\": 1}")).field());
        assertEquals("spec", assertThrows(SpecException.class, () -> SpecJson.parse("{\"mu\": ")).field());
        assertEquals("muon.momentum", assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"optimizers\": [{\"name\": \"muon\", \"momentum\": 1}]}")).field());
        assertEquals("optimizer", assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"optimizers\": [\"lion\"]}")).field());
        assertEquals("dim", assertThrows(SpecException.class, () -> SpecJson.parse("{\"dim\": 2}")).field());
        assertEquals("snr", assertThrows(SpecException.class, () -> SpecJson.parse("{\"snr\": 1, \"sigma\": 1}")).field());
    }

    @Test
    void writtenJsonNamesEveryOptimizerSetting(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("spec.json");
        SpecJson.write(sample(), f);
        String text = Files.readString(f);
        for (String key : List.of("\"lr\"", "\"beta\"", "\"ns\"", "\"nesterov\"", "\"exact\"", "\"wd\"", "\"beta1\"",
                "\"beta2\"", "\"eps\"", "\"alr\"", "\"edges\"", "\"basis\" : \"rotated\"", "\"mode\" : \"batch:100:10\"")) {
            assertTrue(text.contains(key), key);
        }
    }
}

package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;
import picocli.CommandLine;

/** How the options, the defaults and a spec file combine, without running anything. */
class TheoryCommandSpecTest {

    private static TheorySpec build(String... args) {
        TheoryCommand cmd = new TheoryCommand();
        new CommandLine(cmd).parseArgs(args);
        return (TheorySpec) cmd.buildSpec();
    }

    @Test
    void defaultsAreTheLabScenario() {
        TheorySpec s = build("--out", "x");
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, s.priors(), 0.0);
        assertEquals(3, s.dim());
        assertEquals(1, s.depth());
        assertEquals(0.0, s.init());
        assertEquals(DataMode.POPULATION, s.mode());
        assertEquals(3, s.optimizers().size());
    }

    @Test
    void derivedValues() {
        assertEquals(1.5, build("--snr", "4", "--out", "x").sigma(), 1e-15, "sigma = mu / sqrt(snr) = 3 / 2");
        TheorySpec deep = build("--depth", "3", "--dim", "5", "--out", "x");
        assertEquals(1e-3, deep.init(), "a deep model gets a small init by default");
        assertEquals(5, deep.hidden(), "hidden width defaults to the dimension");
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, build("--classes", "4", "--out", "x").priors(), 0.0);
        assertEquals(4, build("--classes", "4", "--out", "x").dim(), "dimension defaults to K");
        assertTrue(TheorySpec.needsNormalizing(TheoryCommand.parsePriors("3,1")));
        assertArrayEquals(new double[] {0.75, 0.25}, build("--priors", "3,1", "--out", "x").priors(), 0.0);
        assertTrue(build("--basis", "ROTATED", "--out", "x").rotated());
        assertEquals(DataMode.parse("batch:100:10"), build("--mode", "batch:100:10", "--out", "x").mode());
    }
}

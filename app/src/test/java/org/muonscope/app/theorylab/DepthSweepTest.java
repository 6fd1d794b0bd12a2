package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.support.FakeEngine;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

class DepthSweepTest {
    private static final TheorySpec BASE = new TheorySpec(new double[] {0.7, 0.2, 0.1}, 3, 1, 3, 1, 3, 0, false, 0,
            DataMode.POPULATION, 1000, 1, 1,
            List.of(OptimizerSettings.parse("gd:lr=0.01"), OptimizerSettings.parse("specgd:lr=0.001")));

    @Test
    void runsSpecGdOncePerDepthLongEnoughToSaturate() {
        FakeEngine engine = new FakeEngine();
        DepthSweep sweep = new DepthSweep(engine, UiExecutor.sameThread());
        sweep.start(BASE);
        assertEquals(6, engine.started.size());
        long[][] t90 = sweep.measuredProperty().get();
        for (int l = 1; l <= 6; l++) {
            TheorySpec s = engine.started.get(l - 1);
            assertEquals(l, s.depth());
            assertEquals("specgd", s.optimizers().get(0).kind().id());
            assertEquals(0.001, s.optimizers().get(0).lr(), 0, "the SpecGD step size of the main run");
            assertEquals(l == 1 ? 0 : DepthSweep.DEEP_INIT, s.init(), 0);
            assertNotNull(t90[l - 1]);
            for (int c = 0; c < 3; c++) {
                // the fake follows (eta t)^L, so the measured step is the formula's, up to the snapshot grid
                long theory = TheoryFormulas.t90Spec(BASE, c, 0.001, l);
                assertTrue(Math.abs(t90[l - 1][c] - theory) <= s.every(), "L=" + l + " c=" + c + ": " + t90[l - 1][c] + " vs " + theory);
            }
        }
    }

    @Test
    void aNewSweepCancelsTheOneInFlight() {
        FakeEngine engine = new FakeEngine();
        engine.hold = true;
        DepthSweep sweep = new DepthSweep(engine, UiExecutor.sameThread());
        sweep.start(BASE);
        sweep.start(BASE);
        assertEquals(List.of(true, false), engine.cancelled);
        engine.finishAll();
        long[][] t90 = sweep.measuredProperty().get();
        assertNotNull(t90[0], "the live sweep's depth 1 arrived");
        assertNull(t90[2], "the cancelled sweep's late result was dropped, the live one goes on one depth at a time");
    }
}

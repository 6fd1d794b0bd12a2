package org.muonscope.engine.spec;

import org.muonscope.engine.optim.OptimizerKind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.theory.GaussianMixture;
import org.muonscope.engine.theory.MomentSource;
import org.muonscope.engine.theory.Moments;
import org.muonscope.engine.model.DeepLinearModel;
import org.muonscope.engine.model.MatrixModel;
import org.muonscope.engine.optim.OptimizerSettings;

/** The spec that feeds this package: every bad field is named, priors are normalized, and the theory accepts the result. */
class TheorySpecValidationTest {
    private static final List<OptimizerSettings> OPT = List.of(OptimizerKind.of("gd").defaults());

    private static String field(Runnable r) {
        return assertThrows(SpecException.class, r::run).field();
    }

    @Test
    void badFieldsAreNamed() {
        double[] p = {0.5, 0.5};
        assertEquals("priors", field(() -> new TheorySpec(new double[] {1, 0}, 1, 1, 2, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("priors", field(() -> new TheorySpec(new double[] {1}, 1, 1, 2, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("mu", field(() -> new TheorySpec(p, -1, 1, 2, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("sigma", field(() -> new TheorySpec(p, 1, 0, 2, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("dim", field(() -> new TheorySpec(new double[] {1, 1, 1}, 1, 1, 2, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("depth", field(() -> new TheorySpec(p, 1, 1, 2, 0, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("init", field(() -> new TheorySpec(p, 1, 1, 2, 2, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("overlap", field(() -> new TheorySpec(p, 1, 1, 2, 1, 2, 0, false, 1, null, 10, 1, 0, OPT)));
        assertEquals("steps", field(() -> new TheorySpec(p, 1, 1, 2, 1, 2, 0, false, 0, null, 0, 1, 0, OPT)));
        assertEquals("optimizers", field(() -> new TheorySpec(p, 1, 1, 2, 1, 2, 0, false, 0, null, 10, 1, 0, List.of())));
        assertEquals("mode", field(() -> DataMode.parse("batch:10:20")));
        double[] many = new double[TheorySpec.MAX_CLASSES + 1];
        java.util.Arrays.fill(many, 1);
        assertEquals("classes", field(() -> new TheorySpec(many, 1, 1, many.length, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
        assertEquals("dim", field(() -> new TheorySpec(p, 1, 1, TheorySpec.MAX_DIM + 1, 1, 2, 0, false, 0, null, 10, 1, 0, OPT)));
    }

    @Test
    void priorsAreNormalizedAndTheTheoryBuildsFromTheSpec() {
        assertTrue(TheorySpec.needsNormalizing(new double[] {7, 2, 1}));
        TheorySpec spec = new TheorySpec(new double[] {7, 2, 1}, 3, 1, 4, 3, 5, 1e-3, true, 0,
                DataMode.parse("batch:100:10"), 10, 1, 42, OPT);
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, spec.priors(), 1e-15);
        GaussianMixture g = spec.mixture();
        assertEquals(4, g.dim());
        assertTrue(g.rotated());
        MatrixModel model = MatrixModel.create(spec.classes(), spec.dim(), spec.depth(), spec.hidden(), spec.init(), 1);
        assertTrue(model instanceof DeepLinearModel);
        assertEquals(3, model.depth());
        Moments m = MomentSource.create(g, spec.mode(), 1).next();
        assertTrue(Double.isFinite(model.gradient(m)));
        assertFalse(TheorySpec.needsNormalizing(new double[] {0.5, 0.5}));
    }
}

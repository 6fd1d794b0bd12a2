package org.muonscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/** The closed forms against a direct simulation of the diagonal recursions they solve. */
class TheoryFormulasTest {
    private static TheorySpec spec(int depth) {
        return new TheorySpec(new double[] {0.7, 0.2, 0.1}, 3, 1, 3, depth, 3, depth > 1 ? 1e-3 : 0, false, 0,
                DataMode.POPULATION, 100, 1, 1, List.of(OptimizerSettings.parse("gd:lr=0.001")));
    }

    @Test
    void gdClosedFormMatchesTheRecursion() {
        TheorySpec s = spec(1);
        double eta = 0.05;
        for (int c = 0; c < 3; c++) {
            double sxx = TheoryFormulas.sxx(s, c), syx = s.priors()[c] * s.mu();
            double w = 0;
            long first = -1;
            for (int t = 1; t <= 400; t++) {
                w -= eta * (sxx * w - syx);
                // 1e-12: 400 steps of a contraction accumulate a few ulps of a value below 1
                assertEquals(w, TheoryFormulas.gd(s, c, eta, t), 1e-12);
                if (first < 0 && w >= 0.9 * TheoryFormulas.wStar(s, c)) first = t;
            }
            assertEquals(first, TheoryFormulas.t90Gd(s, c, eta));
        }
    }

    @Test
    void specGdT90IsTheFirstStepOfTheLinearRamp() {
        TheorySpec s = spec(1);
        double eta = 1e-3;
        for (int c = 0; c < 3; c++) {
            long t = 0;
            while (TheoryFormulas.specGd(s, c, eta, t, 1) < 0.9 * TheoryFormulas.wStar(s, c)) t++;
            assertEquals(t, TheoryFormulas.t90Spec(s, c, eta, 1));
        }
        // docs/theory.md's checked numbers for p = (0.7, 0.2, 0.1), mu = 3, sigma = 1, eta = 1e-3, L = 1
        assertEquals(259, TheoryFormulas.t90Spec(s, 0, eta, 1));
        assertEquals(143, TheoryFormulas.t90Spec(s, 2, eta, 1));
    }

    @Test
    void depthShrinksTheSpreadAsTheLthRoot() {
        TheorySpec s = spec(1);
        double ratio = TheoryFormulas.wStar(s, 0) / TheoryFormulas.wStar(s, 2);
        for (int l = 1; l <= 6; l++) assertEquals(Math.pow(ratio, 1.0 / l), TheoryFormulas.spreadSpec(s, l), 1e-12);
        // predicted t90 for L = 2 in docs/theory.md: (509, 439, 377)
        assertEquals(509, Math.round(TheoryFormulas.t90SpecExact(s, 0, 1e-3, 2)), 1.0);
        assertEquals(377, Math.round(TheoryFormulas.t90SpecExact(s, 2, 1e-3, 2)), 1.0);
    }

    @Test
    void theoryExistsOnlyWhereTheClosedFormHolds() {
        TheorySpec s = spec(1);
        assertEquals(true, TheoryFormulas.hasTheory(s, OptimizerSettings.parse("gd")));
        assertEquals(false, TheoryFormulas.hasTheory(s, OptimizerSettings.parse("gd:beta=0.9")));
        assertEquals(false, TheoryFormulas.hasTheory(s, OptimizerSettings.parse("muon")));
        assertEquals(false, TheoryFormulas.hasTheory(spec(2), OptimizerSettings.parse("gd")));
        assertEquals(true, TheoryFormulas.hasTheory(spec(2), OptimizerSettings.parse("specgd")));
        TheorySpec overlap = new TheorySpec(new double[] {0.7, 0.2, 0.1}, 3, 1, 3, 1, 3, 0, false, 0.3,
                DataMode.POPULATION, 100, 1, 1, List.of(OptimizerSettings.parse("gd")));
        assertEquals(false, TheoryFormulas.hasTheory(overlap, OptimizerSettings.parse("specgd")), "overlap breaks the closed forms");
    }
}

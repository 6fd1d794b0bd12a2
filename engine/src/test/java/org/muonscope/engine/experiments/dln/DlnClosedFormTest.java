package org.muonscope.engine.experiments.dln;

import org.muonscope.engine.theory.DlnClosedForm;

import org.muonscope.engine.spec.DlnSpec;

import org.muonscope.engine.optim.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Deep linear regression against the closed forms of docs/theory.md section 3, in the regime where they are exact
 * (aligned balanced init, population moments) and, more loosely, from the paper's random small init.
 */
class DlnClosedFormTest {

    private static DlnSpec aligned(int depth, double lr, String opt, int steps, double init, double... s) {
        return new DlnSpec(s.length, s, depth, s.length + 2, init, true, 0.0, steps, 10, 7, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse(opt + ":lr=" + lr)));
    }

    private static double maxAbsGap(DlnRun.Trace t, int k) {
        double worst = 0;
        for (DlnRun.Point p : t.points()) worst = Math.max(worst, Math.abs(p.sigma()[k] - p.theory()[k]));
        return worst;
    }

    @Test
    void gdFollowsTheLogisticFromAlignedSmallInit() {
        // eta = 1e-3, factor singular values 0.01 (sigma0 = 1e-4), s = (3, 2, 1): slowest mode done by tau ~ 9.
        DlnRun r = DlnRun.run(aligned(2, 1e-3, "gd", 12_000, 0.01, 3, 2, 1));
        DlnRun.Trace t = r.traces().get(0);
        double[] s = r.targetSingularValues();
        for (int k = 0; k < 3; k++) {
            // Discrete GD is the flow plus O(eta s) per unit time: a time shift of about eta*s*ln(s/sigma0)/2 at the
            // steepest point (slope s^2/2). For eta = 1e-3 that is <= ~0.7% of s_k; measured max gaps are 0.09-0.31%.
            double gap = maxAbsGap(t, k);
            assertTrue(gap < 0.01 * s[k], "mode " + k + ": max |sigma - sigmoid| = " + gap);
        }
        DlnRun.Point last = t.points().get(t.points().size() - 1);
        for (int k = 0; k < 3; k++) assertEquals(s[k], last.sigma()[k], 1e-6 * s[k], "converged to s_k");
    }

    @Test
    void gdAtDepthThreeFollowsTheBalancedFlow() {
        // factors start at 0.1 (sigma0 = 1e-3), eta = 1e-3: the RK4 solution of d sigma/d tau = 3 sigma^(4/3) (s - sigma)
        // against discrete GD; the same O(eta) time shift as at depth 2 (measured max gap 0.3% of s_1, 0.1% of s_2)
        DlnRun r = DlnRun.run(aligned(3, 1e-3, "gd", 15_000, 0.1, 2, 1));
        double[] s = r.targetSingularValues();
        for (int k = 0; k < 2; k++) {
            double gap = maxAbsGap(r.traces().get(0), k);
            assertTrue(gap < 0.01 * s[k], "mode " + k + ": max |sigma - flow| = " + gap);
        }
    }

    @Test
    void gdLearnsLargestFirstWithPlateausFromRandomInit() {
        // The paper's Figure 1 regime: Gaussian init (std 1e-3 here), hidden 100. The sigmoid uses the effective initial
        // value of each mode; after the first few steps it tracks the simulation to a few percent of s_k.
        DlnSpec spec = new DlnSpec(2, new double[] {2, 0.5}, 2, 100, 1e-3, false, 0, 1500, 5, 3, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=0.01")));
        DlnRun.Trace t = DlnRun.run(spec).traces().get(0);
        long half1 = -1;
        long half2 = -1;
        for (DlnRun.Point p : t.points()) {
            if (half1 < 0 && p.sigma()[0] >= 1.0) half1 = p.step();
            if (half2 < 0 && p.sigma()[1] >= 0.25) half2 = p.step();
            if (p.step() >= 20) {
                assertEquals(p.theory()[0], p.sigma()[0], 0.05 * 2, "mode 1 at step " + p.step());
                assertEquals(p.theory()[1], p.sigma()[1], 0.05 * 0.5, "mode 2 at step " + p.step());
            }
        }
        assertTrue(half1 > 0 && half2 > half1 + 50, "sequential: mode 1 half-learned at " + half1 + ", mode 2 at " + half2);
        // plateau: while mode 1 is learned and mode 2 is not yet, the loss sits near s_2^2 / 2 = 0.125 for a while
        long plateau = t.points().stream().filter(p -> p.sigma()[0] > 1.95 && p.sigma()[1] < 0.05
                && Math.abs(p.loss() - 0.125) < 0.02).count();
        assertTrue(plateau * 5 >= 50, "a loss plateau at ~0.125 between the two modes for >= 50 steps, got " + plateau * 5);
    }

    @Test
    void specGdGrowsAsSquareOfTimeUntilSaturationThenOscillatesWithinTheStepBand() {
        double eta = 0.01;
        DlnRun r = DlnRun.run(aligned(2, eta, "specgd", 400, 0.01, 2, 1, 0.25));
        DlnRun.Trace t = r.traces().get(0);
        double[] s = r.targetSingularValues();
        for (DlnRun.Point p : t.points()) {
            for (int k = 0; k < 3; k++) {
                double a = 0.01 + eta * p.step();
                if (a * a < s[k] - 1e-9) {
                    // before saturation each factor's singular value grows by exactly eta: (a0 + eta t)^2 to rounding
                    assertEquals(a * a, p.sigma()[k], 1e-9 * s[k], "mode " + k + " step " + p.step());
                    assertEquals(p.theory()[k], p.sigma()[k], 1e-9 * s[k]);
                } else {
                    // after: each factor stays within eta of sqrt(s), so sigma within (sqrt(s)+eta)^2 - s
                    double band = 2 * Math.sqrt(s[k]) * eta + eta * eta;
                    assertTrue(Math.abs(p.sigma()[k] - s[k]) <= band + 1e-12,
                            "mode " + k + " step " + p.step() + ": |sigma - s| = " + Math.abs(p.sigma()[k] - s[k]));
                }
            }
        }
    }

    @Test
    void specGdSmallestModeSaturatesFirstAndDepthThreeFollowsTheCube() {
        double eta = 0.005;
        DlnRun r = DlnRun.run(aligned(3, eta, "specgd", 300, 0.02, 3, 0.5));
        for (DlnRun.Point p : r.traces().get(0).points()) {
            double cube = Math.pow(0.02 + eta * p.step(), 3);
            if (cube < 0.5) {
                assertEquals(cube, p.sigma()[0], 1e-9);
                assertEquals(cube, p.sigma()[1], 1e-9);
            }
        }
        assertEquals(Math.pow(0.5, 1.0 / 3) - 0.02, DlnClosedForm.specGdSaturation(0.5, Math.pow(0.02, 3), 3), 1e-12);
    }

    @Test
    void closedFormsAgreeWithTheirDefiningEquations() {
        // depth 2 logistic: numerical derivative equals 2 sigma (s - sigma)
        double s = 1.5;
        double sigma0 = 1e-3;
        double tau = 2.0;
        double h = 1e-5;
        double d = (DlnClosedForm.gd(s, sigma0, 2, tau + h) - DlnClosedForm.gd(s, sigma0, 2, tau - h)) / (2 * h);
        double v = DlnClosedForm.gd(s, sigma0, 2, tau);
        assertEquals(2 * v * (s - v), d, 1e-6);
        // the RK4 path of depth L reproduces the logistic when asked for depth 2 through the generic ODE
        double lhs = DlnClosedForm.gd(s, sigma0, 3, tau);
        double dd = (DlnClosedForm.gd(s, sigma0, 3, tau + 1e-3) - DlnClosedForm.gd(s, sigma0, 3, tau - 1e-3)) / 2e-3;
        assertEquals(3 * Math.pow(lhs, 4.0 / 3) * (s - lhs), dd, 1e-4);
        assertEquals(DlnClosedForm.gd(s, sigma0, 2, 0), sigma0, 0);
        assertEquals(s / 2, DlnClosedForm.gd(s, sigma0, 2, DlnClosedForm.gdHalfTime(s, sigma0)), 1e-12);
        assertEquals(Math.min(1.0, 0.25), DlnClosedForm.specGd(1.0, 0, 2, 0.5), 1e-15);
    }
}

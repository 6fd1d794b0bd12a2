package org.muonscope.engine.experiments.dln;

import org.muonscope.engine.theory.DlnTask;

import org.muonscope.engine.spec.DlnSpec;

import org.muonscope.engine.theory.Moments;

import org.muonscope.engine.model.MatrixModel;

import org.muonscope.engine.optim.Optimizer;

import org.muonscope.engine.optim.MuonSettings;

import org.muonscope.engine.optim.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.linalg.NewtonSchulz;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.optim.Param;

/** SpecGD's oscillation at a constant step, its size against the step, and what a decaying step does. */
class OscillationAndScheduleTest {

    private static DlnRun.Trace specgd(double lr, StepSchedule schedule) {
        DlnSpec spec = new DlnSpec(2, new double[] {2, 0.5}, 2, 4, 0.01, true, 0, 800, 10, 1, schedule,
                List.of(OptimizerSettings.parse("specgd:lr=" + lr)));
        return DlnRun.run(spec).traces().get(0);
    }

    @Test
    void constantStepOscillationGrowsLinearlyWithTheStepAndStaysInsideTheBand() {
        double[] s = {2, 0.5};
        DlnRun.Trace small = specgd(0.01, StepSchedule.CONSTANT);
        DlnRun.Trace big = specgd(0.02, StepSchedule.CONSTANT);
        for (int k = 0; k < 2; k++) {
            double a1 = small.oscillation()[k];
            double a2 = big.oscillation()[k];
            // each factor's singular value hops by eta around sqrt(s): sigma's range is at most 4 eta sqrt(s) + 2 eta^2,
            // and it does not vanish (the polar factor of a tiny residual still has unit size)
            assertTrue(a1 > 0.5 * 0.01 * Math.sqrt(s[k]) && a1 <= 4 * 0.01 * Math.sqrt(s[k]) + 2e-4, "eta 0.01, mode " + k + ": " + a1);
            assertEquals(2.0, a2 / a1, 0.2, "doubling the step doubles the oscillation, mode " + k);
        }
    }

    @Test
    void decayingStepsDampTheOscillation() {
        DlnRun.Trace constant = specgd(0.02, StepSchedule.CONSTANT);
        for (StepSchedule sch : List.of(StepSchedule.parse("linear"), StepSchedule.parse("cosine"))) {
            DlnRun.Trace decayed = specgd(0.02, sch);
            double[] last = decayed.points().get(decayed.points().size() - 1).sigma();
            double[] lastConst = constant.points().get(constant.points().size() - 1).sigma();
            double[] s = {2, 0.5};
            for (int k = 0; k < 2; k++) {
                assertTrue(decayed.oscillation()[k] < 0.5 * constant.oscillation()[k], sch.toText() + " mode " + k);
                // the band of a constant step is 2 eta sqrt(s); a decayed step ends far inside it
                assertTrue(Math.abs(last[k] - s[k]) < 0.05 * 2 * 0.02 * Math.sqrt(s[k]),
                        sch.toText() + " mode " + k + " ends at " + last[k] + " (constant: " + lastConst[k] + ")");
            }
        }
    }

    @Test
    void scheduleFactors() {
        StepSchedule lin = StepSchedule.parse("linear");
        StepSchedule cos = StepSchedule.parse("cosine:min=0.1");
        assertEquals(1.0, lin.factor(0, 100), 0);
        assertEquals(0.5, lin.factor(50, 100), 1e-15);
        assertEquals(0.01, lin.factor(99, 100), 1e-15);
        assertEquals(1.0, cos.factor(0, 100), 1e-15);
        assertEquals(0.1 + 0.9 * 0.5, cos.factor(50, 100), 1e-15);
        assertEquals(1.0, StepSchedule.CONSTANT.factor(77, 100), 0);
        assertEquals("cosine:min=0.1", cos.toText());
        assertThrows(SpecException.class, () -> StepSchedule.parse("exponential"));
        assertThrows(SpecException.class, () -> StepSchedule.parse("linear:min=2"));
    }

    @Test
    void scalingTheUpdateEqualsScalingTheStepSizeEvenWithMomentum() {
        // Muon with momentum under a cosine schedule against Muon written out by hand (docs/theory.md section 2) with
        // the scheduled lr: m = beta m + (1-beta) G, u = (1-beta) G + beta m, p -= lr_t sqrt(max(1, r/c)) NS5(u).
        Random rng = new Random(4);
        DlnTask task = DlnTask.create(3, new double[] {2, 1, 0.5}, 0, rng);
        MatrixModel a = MatrixModel.of(task.initialFactors(2, 5, 0.1, false, new Random(8)));
        MatrixModel b = MatrixModel.of(task.initialFactors(2, 5, 0.1, false, new Random(8)));
        Moments moments = task.moments();
        MuonSettings muon = (MuonSettings) OptimizerSettings.parse("muon:lr=0.03");
        double beta = muon.beta();
        int total = 6;
        StepSchedule cosine = StepSchedule.parse("cosine");
        Optimizer scheduled = Optimizers.create(muon, a.params(), cosine, total);
        DMatrixRMaj[] m = new DMatrixRMaj[b.params().size()];
        for (int t = 0; t < total; t++) {
            a.gradient(moments);
            scheduled.step(a.params());
            double lr = 0.03 * cosine.factor(t, total);
            b.gradient(moments);
            for (int i = 0; i < m.length; i++) {
                Param p = b.params().get(i);
                DMatrixRMaj g = p.grad();
                if (m[i] == null) m[i] = new DMatrixRMaj(g.numRows, g.numCols);
                DMatrixRMaj u = new DMatrixRMaj(g.numRows, g.numCols);
                for (int k = 0; k < g.data.length; k++) {
                    m[i].data[k] = beta * m[i].data[k] + (1 - beta) * g.data[k];
                    u.data[k] = (1 - beta) * g.data[k] + beta * m[i].data[k];
                }
                DMatrixRMaj o = new DMatrixRMaj(1, 1);
                NewtonSchulz.orthogonalize(u, muon.ns(), o);
                double shape = Math.sqrt(Math.max(1.0, (double) g.numRows / g.numCols));
                for (int k = 0; k < g.data.length; k++) p.value().data[k] -= lr * shape * o.data[k];
            }
            for (int i = 0; i < a.params().size(); i++) {
                assertArrayEquals(b.params().get(i).value().data, a.params().get(i).value().data, 1e-12,
                        "step " + t + " " + a.params().get(i).name());
            }
        }
    }
}

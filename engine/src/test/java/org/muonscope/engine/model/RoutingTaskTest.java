package org.muonscope.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The routing data of docs/theory.md section 3: codes, targets, allowed pairs, batches. */
class RoutingTaskTest {

    @Test
    void everyDomainHasItsOwnOrthonormalCode() {
        RoutingTask task = RoutingTask.create(new Random(1));
        assertEquals(7, task.domains());
        assertEquals(4, task.numbers());
        for (int j = 0; j < 7; j++) {
            DMatrixRMaj c = task.code(j);
            DMatrixRMaj ctc = new DMatrixRMaj(4, 4);
            CommonOps_DDRM.multTransA(c, c, ctc);
            for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) assertEquals(a == b ? 1 : 0, ctc.get(a, b), 1e-12);
            if (j > 0) {
                // Haar-random codes differ between domains (a shared code would make the task trivial)
                double diff = 0;
                for (int k = 0; k < 16; k++) diff += Math.abs(c.data[k] - task.code(j - 1).data[k]);
                assertTrue(diff > 0.1);
            }
        }
        // targets: fixed, orthonormal, one per number, independent of the output domain
        DMatrixRMaj y = task.targets();
        assertEquals(7, y.numRows);
        DMatrixRMaj yty = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(y, y, yty);
        for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) assertEquals(a == b ? 1 : 0, yty.get(a, b), 0);
    }

    @Test
    void trainingSeesExactlyTheDiagonalAndTheNextDomain() {
        RoutingTask task = RoutingTask.create(new Random(2));
        Set<String> pairs = new HashSet<>();
        for (int[] p : task.trainedPairs()) pairs.add(p[0] + ">" + p[1]);
        assertEquals(14, pairs.size());
        int trained = 0;
        for (int j = 0; j < 7; j++) {
            for (int o = 0; o < 7; o++) {
                boolean expect = o == j || o == (j + 1) % 7;
                assertEquals(expect, task.trained(j, o), j + "->" + o);
                assertEquals(expect, pairs.contains(j + ">" + o));
                if (expect) trained++;
            }
        }
        assertEquals(14, trained);
        assertTrue(task.trained(6, 0), "wraps around: (7, 1) in the paper's 1-based numbering");
        assertFalse(task.trained(0, 6));
    }

    @Test
    void aBatchHoldsOneUniformSampleOfEachTrainedPair() {
        RoutingTask task = RoutingTask.create(new Random(3));
        Random rng = new Random(4);
        int[][] counts = new int[14][4];
        int batches = 4000;
        for (int b = 0; b < batches; b++) {
            List<RoutingTask.Sample> batch = task.sampleBatch(rng);
            assertEquals(14, batch.size());
            for (int i = 0; i < 14; i++) {
                RoutingTask.Sample s = batch.get(i);
                assertEquals(task.trainedPairs().get(i)[0], s.input());
                assertEquals(task.trainedPairs().get(i)[1], s.output());
                counts[i][s.number()]++;
            }
        }
        // uniform numbers: each count ~ Binomial(4000, 1/4), sd ~27; 6 sd = 164 keeps a false alarm below 1e-8
        for (int[] c : counts) for (int n : c) assertEquals(batches / 4.0, n, 164);
        // the full batch has every number of every pair once
        assertEquals(56, task.fullBatch().size());
        assertEquals(56, new HashSet<>(task.fullBatch()).size());
    }

    @Test
    void sameSeedSameTaskOtherSeedOtherCodes() {
        RoutingTask a = RoutingTask.create(new Random(5));
        RoutingTask b = RoutingTask.create(new Random(5));
        RoutingTask c = RoutingTask.create(new Random(6));
        for (int j = 0; j < 7; j++) {
            assertTrue(java.util.Arrays.equals(a.code(j).data, b.code(j).data));
        }
        assertNotEquals(a.code(0).get(0, 0), c.code(0).get(0, 0));
    }
}

package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muonscope.engine.linalg.MatrixTestSupport;

/** The hot path must not allocate per step (the theory lab runs millions of steps per second). */
class OptimizerAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"gd", "gd:beta=0.9", "ngd", "signgd", "signum", "specgd", "muon", "muon:exact=true", "adam"})
    void stepsAllocateNothingOnceWarm(String text) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs the HotSpot allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random rnd = new Random(1);
        // A small square, a wide, a low-rank large and a dense large matrix (every solver path), and a vector.
        Param a = Param.of("a", MatrixTestSupport.gaussian(rnd, 10, 10), Role.MATRIX);
        Param b = Param.of("b", MatrixTestSupport.gaussian(rnd, 10, 40), Role.MATRIX);
        Param c = Param.of("c", MatrixTestSupport.gaussian(rnd, 40, 40), Role.MATRIX);
        Param d = Param.of("d", MatrixTestSupport.gaussian(rnd, 20, 30), Role.MATRIX);
        Param v = Param.of("v", MatrixTestSupport.gaussian(rnd, 20, 1), Role.VECTOR);
        List<Param> ps = List.of(a, b, c, d, v);
        DMatrixRMaj lowRank = MatrixTestSupport.lowRank(rnd, 40, 40, 4);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse(text), ps);
        Runnable steps = () -> {
            for (int t = 0; t < 200; t++) {
                for (int k = 0; k < ps.size(); k++) {
                    Param p = ps.get(k);
                    double[] g = p.grad().data;
                    double[] w = p.value().data;
                    for (int i = 0; i < g.length; i++) {
                        g[i] = 0.1 * w[i] + Math.sin(i * (k + 1) + 0.01 * t * t);
                    }
                }
                System.arraycopy(lowRank.data, 0, c.grad().data, 0, lowRank.data.length);
                opt.step(ps);
            }
        };
        // Warm-up: workspaces are sized on first use, and the Vector API kernels allocate a box per operation until
        // C2 compiles them, so measure rounds until one is clean (each round is 200 steps).
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < 15 && bytes >= 4096; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            steps.run();
            bytes = mx.getCurrentThreadAllocatedBytes() - before;
        }
        // 200 steps x 5 parameters: a few bytes of counter noise at most, not a per-step allocation.
        assertTrue(bytes < 4096, text + " allocated " + bytes + " bytes in 200 warm steps");
    }
}

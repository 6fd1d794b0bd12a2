package org.muonscope.engine.model.cnn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Optimizers;

/**
 * A warm training step of the paper CNN allocates nothing: forward, backward, the optimizer (inside the GEMM
 * scope, as a run steps it) and the weight pull, counted on the calling thread and on the team's workers.
 */
class TrainingAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"gd:lr=0.05,beta=0.9", "adam", "muon:lr=0.02"})
    void warmStepsAllocateNothing(String optimizer) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs the HotSpot allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 32;
        Random r = new Random(1);
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(10);
        try (GemmThreads team = GemmThreads.of(2)) {
            Gemm gemm = Gemm.on(team);
            Network net = Models.paperCnn(gemm, new Shape(1, 28, 28), 10);
            net.initialize(new Init("default", 0), 3);
            Optimizer opt = Optimizers.create(OptimizerSettings.parse(optimizer), net.params());
            Thread[] workers = team.workerThreads();
            long[] ids = new long[workers.length + 1];
            ids[0] = Thread.currentThread().getId();
            for (int i = 0; i < workers.length; i++) ids[i + 1] = workers[i].getId();
            long[] perRound = new long[1];
            gemm.runScoped(() -> {
                // warm-up: buffers are sized on first use, and the Vector API allocates a box per operation until C2
                // has compiled a loop, so rounds are measured until one is clean (or 40 rounds have passed)
                // what reading the counters itself allocates (the result arrays), measured over an empty interval
                long overhead = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long before = total(mx, ids);
                    overhead = Math.min(overhead, total(mx, ids) - before);
                }
                long bytes = Long.MAX_VALUE;
                for (int round = 0; round < 40 && bytes > 0; round++) {
                    long before = total(mx, ids);
                    for (int s = 0; s < 5; s++) {
                        net.forwardBackward(x, y, 0, n);
                        opt.step(net.params());
                        net.pullWeights();
                    }
                    bytes = total(mx, ids) - before - overhead;
                }
                perRound[0] = bytes;
            });
            // five steps: the counter's own granularity is a thread-local buffer; a real per-step allocation of
            // the smallest object (16 bytes) on any thread would exceed 16 * 5 bytes
            assertTrue(perRound[0] < 80, optimizer + ": five warm steps allocated " + perRound[0] + " bytes");
        }
    }

    private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
        long s = 0;
        for (long b : mx.getThreadAllocatedBytes(ids)) s += Math.max(0, b);
        return s;
    }
}

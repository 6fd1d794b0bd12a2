package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.linalg.MatrixTestSupport;

/**
 * Inside a GEMM scope, big parameters step through {@link BlockedStep} (blocks shared over the team); every
 * element must get exactly the plain loop's arithmetic.
 */
class BlockedStepTest {
    @ParameterizedTest
    @ValueSource(strings = {"gd:beta=0.9", "gd:beta=0.9,nesterov=true", "adam", "adam:wd=0.1", "signum", "signgd"})
    void elementwiseChainsMatchThePlainLoopBitForBit(String text) {
        assertArrayEquals(steps(text, 0), steps(text, 3), 0.0);
    }

    /** Muon's chain mixes elementwise stages with Newton-Schulz (which itself changes path inside a scope). */
    @ParameterizedTest
    @ValueSource(strings = {"muon", "muon:wd=0.01"})
    void mixedChainsAreBitIdenticalAcrossTeamSizes(String text) {
        assertArrayEquals(steps(text, 1), steps(text, 3), 0.0);
    }

    /** Five steps on a 160 x 130 parameter (past the blocked threshold) and a small vector; team 0: no scope. */
    private static double[] steps(String text, int team) {
        Random rnd = new Random(7);
        Param big = Param.of("w", MatrixTestSupport.gaussian(rnd, 160, 130), Role.MATRIX);
        Param small = Param.of("b", MatrixTestSupport.gaussian(rnd, 1, 130), Role.VECTOR);
        List<Param> ps = List.of(big, small);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse(text), ps);
        Runnable run = () -> {
            for (int t = 0; t < 5; t++) {
                for (Param p : ps) {
                    double[] g = p.grad().data, w = p.value().data;
                    for (int i = 0; i < g.length; i++) g[i] = 0.3 * w[i] + Math.cos(i + 3.0 * t);
                }
                opt.step(ps);
            }
        };
        if (team == 0) {
            run.run();
        } else {
            try (GemmThreads th = GemmThreads.of(team)) {
                Gemm.on(th).runScoped(run);
            }
        }
        double[] out = new double[big.value().data.length + small.value().data.length];
        System.arraycopy(big.value().data, 0, out, 0, big.value().data.length);
        System.arraycopy(small.value().data, 0, out, big.value().data.length, small.value().data.length);
        return out;
    }
}

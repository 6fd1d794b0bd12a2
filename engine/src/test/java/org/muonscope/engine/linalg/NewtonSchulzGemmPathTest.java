package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muonscope.engine.linalg.MatrixTestSupport.gaussian;
import static org.muonscope.engine.linalg.MatrixTestSupport.maxAbsDiff;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Big matrices inside a {@link Gemm#runScoped} scope iterate through {@link GemmNewtonSchulz}. */
class NewtonSchulzGemmPathTest {
    private static DMatrixRMaj scoped(int threads, DMatrixRMaj g, int steps) {
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        try (GemmThreads t = GemmThreads.of(threads)) {
            NewtonSchulz ns = new NewtonSchulz();
            Gemm.on(t).runScoped(() -> ns.apply(g, steps, o));
        }
        return o;
    }

    /** Odd sizes past 2^14 elements, wide and tall (the tall one is transposed to the Gram side first). */
    @ParameterizedTest
    @CsvSource({"41,411", "411,41", "130,131"})
    void gemmPathMatchesTheDefinition(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m * 31L + n), m, n);
        DMatrixRMaj o = scoped(2, g, 5);
        double d = maxAbsDiff(o, NewtonSchulzTest.definition(g, 5));
        // Summation order only: rounding amplified by at most a^5 ~ 490 through the iteration (as the vector path).
        assertTrue(d < 1e-15 * Math.pow(NewtonSchulz.A, 5) * Math.sqrt(Math.max(m, n)), m + "x" + n + ": " + d);
    }

    /** The GEMM never splits the inner dimension, so a seeded CNN run stays reproducible on any thread count. */
    @Test
    void gemmPathIsBitIdenticalAcrossThreadCounts() {
        DMatrixRMaj g = gaussian(new Random(5), 128, 300);
        assertArrayEquals(scoped(1, g, 5).data, scoped(3, g, 5).data, 0.0);
    }

    /** The branch is really taken: the result is exactly five hook iterations on the normalized matrix. */
    @Test
    void scopedBigMatrixIsExactlyTheHooksIteration() {
        int p = 64, q = 300;
        DMatrixRMaj g = gaussian(new Random(6), p, q);
        double[] x = new double[p * q];
        double inv = 1.0 / (NewtonSchulz.frobenius(g.data, p * q) + NewtonSchulz.NORM_EPS);
        for (int i = 0; i < p * q; i++) x[i] = g.data[i] * inv;
        double[][] cur = {x, new double[p * q]};
        try (GemmThreads t = GemmThreads.of(2)) {
            Gemm.on(t).runScoped(() -> {
                for (int s = 0; s < 5; s++) {
                    GemmNewtonSchulz.iterate(cur[0], cur[1], p, q, NewtonSchulz.A, NewtonSchulz.B, NewtonSchulz.C,
                            new double[p * p], new double[p * p]);
                    double[] tmp = cur[0];
                    cur[0] = cur[1];
                    cur[1] = tmp;
                }
            });
        }
        assertArrayEquals(cur[0], scoped(2, g, 5).data, 0.0);
    }

    /** Below 2^14 elements a scope changes nothing: the theory models' small paths keep their last bits. */
    @ParameterizedTest
    @CsvSource({"9,4", "33,70", "100,100"})
    void smallMatricesIgnoreTheScope(int m, int n) {
        DMatrixRMaj g = gaussian(new Random(m + 7L * n), m, n);
        DMatrixRMaj plain = new DMatrixRMaj(1, 1);
        new NewtonSchulz().apply(g, 5, plain);
        assertArrayEquals(plain.data, scoped(2, g, 5).data, 0.0);
    }
}

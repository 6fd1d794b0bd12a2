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

/** Big matrices inside a {@link Gemm#runScoped} scope iterate in the Gram space through {@link GemmNewtonSchulz}. */
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
        // The Gram-space iterate M_5 X_0 carries the Gram products' rounding (~1e-16 sqrt(q)) amplified by |M_5| <=
        // a^5 ~ 490, then multiplied into X_0 (rows of norm <= 1) by a sum of p terms: 1e-15 a^5 sqrt(q) p^(1/2)
        double bound = 1e-15 * Math.pow(NewtonSchulz.A, 5) * Math.sqrt(Math.max(m, n)) * Math.sqrt(Math.min(m, n));
        assertTrue(d < bound, m + "x" + n + ": " + d + " (bound " + bound + ")");
    }

    /** The GEMM never splits the inner dimension, so a seeded CNN run stays reproducible on any thread count. */
    @Test
    void gemmPathIsBitIdenticalAcrossThreadCounts() {
        DMatrixRMaj g = gaussian(new Random(5), 128, 300);
        assertArrayEquals(scoped(1, g, 5).data, scoped(3, g, 5).data, 0.0);
    }

    /** The branch is really taken: the result is exactly the Gram-space hook's. */
    @Test
    void scopedBigMatrixIsExactlyTheHooksIteration() {
        int p = 64, q = 300;
        DMatrixRMaj g = gaussian(new Random(6), p, q);
        double[] out = new double[p * q];
        try (GemmThreads t = GemmThreads.of(2)) {
            Gemm.on(t).runScoped(() -> new GemmNewtonSchulz().orthogonalize(g.data, p, q, 5, NewtonSchulz.A,
                    NewtonSchulz.B, NewtonSchulz.C, NewtonSchulz.NORM_EPS, out));
        }
        assertArrayEquals(out, scoped(2, g, 5).data, 0.0);
    }

    /** A low-rank momentum takes the Gram-space path too, and still matches the definition. */
    @Test
    void lowRankBigMatrixInsideAScopeMatchesTheDefinition() {
        DMatrixRMaj g = MatrixTestSupport.lowRank(new Random(8), 60, 400, 3);
        double d = maxAbsDiff(scoped(2, g, 5), NewtonSchulzTest.definition(g, 5));
        assertTrue(d < 1e-15 * Math.pow(NewtonSchulz.A, 5) * Math.sqrt(400) * Math.sqrt(60), "max diff " + d);
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

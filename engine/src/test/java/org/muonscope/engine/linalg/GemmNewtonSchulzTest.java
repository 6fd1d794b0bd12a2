package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GemmNewtonSchulzTest {
    @Test
    void oneIterationMatchesTheTextbookLoop() {
        int p = 7, q = 45;
        Random r = new Random(8);
        double[] x = new double[p * q];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() / 10;
        double a = 3.4445, b = -4.7750, c = 2.0315;
        double[] gram = new double[p * p], want = new double[p * q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < q; k++) gram[i * p + j] += x[i * q + k] * x[j * q + k];
            }
        }
        double[] poly = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) s += gram[i * p + k] * gram[k * p + j];
                poly[i * p + j] = b * gram[i * p + j] + c * s;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < q; k++) {
                double s = a * x[i * q + k];
                for (int j = 0; j < p; j++) s += poly[i * p + j] * x[j * q + k];
                want[i * q + k] = s;
            }
        }
        double[] got = new double[p * q];
        try (GemmThreads t = GemmThreads.of(2)) {
            Gemm.on(t).runScoped(() -> GemmNewtonSchulz.iterate(x, got, p, q, a, b, c, new double[p * p], new double[p * p]));
        }
        // entries are O(1); summation order differs from the loop: 1e-12 is far above double rounding here
        assertArrayEquals(want, got, 1e-12);
    }
}

package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GemmNewtonSchulzTest {
    /**
     * Two quintic steps in the Gram space against the textbook loop {@code X <- a X + (b A + c A A) X} on the
     * normalized matrix, wide and tall (tall: the loop runs on the transpose), in place and not.
     */
    @Test
    void gramSpaceStepsMatchTheTextbookLoop() {
        int p = 7, q = 45;
        Random r = new Random(8);
        double[] x = new double[p * q];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() / 10;
        double a = 3.4445, b = -4.7750, c = 2.0315;
        double inv = 1 / (NewtonSchulz.frobenius(x, p * q) + 1e-7);
        double[] want = new double[p * q];
        for (int i = 0; i < want.length; i++) want[i] = x[i] * inv;
        for (int s = 0; s < 2; s++) want = textbookStep(want, p, q, a, b, c);
        double[] wide = new double[p * q], tall = new double[p * q];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < q; k++) tall[k * p + i] = x[i * q + k];
        }
        try (GemmThreads t = GemmThreads.of(2)) {
            Gemm.on(t).runScoped(() -> {
                new GemmNewtonSchulz().orthogonalize(x, p, q, 2, a, b, c, 1e-7, wide);
                new GemmNewtonSchulz().orthogonalize(tall, q, p, 2, a, b, c, 1e-7, tall);
            });
        }
        // entries are O(1); summation order differs from the loop: 1e-12 is far above double rounding here
        assertArrayEquals(want, wide, 1e-12);
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < q; k++) org.junit.jupiter.api.Assertions.assertEquals(want[i * q + k], tall[k * p + i], 1e-12);
        }
    }

    private static double[] textbookStep(double[] x, int p, int q, double a, double b, double c) {
        double[] gram = new double[p * p];
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
        double[] out = new double[p * q];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < q; k++) {
                double s = a * x[i * q + k];
                for (int j = 0; j < p; j++) s += poly[i * p + j] * x[j * q + k];
                out[i * q + k] = s;
            }
        }
        return out;
    }
}

package org.muonscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.Shape;

/** The input covariance's spectrum and top directions on data whose covariance is known exactly. */
class InputCovarianceTest {
    private static final Shape SHAPE = new Shape(2, 3, 3); // two colour channels, as colored digits have
    private static final double[] S = {4, 2, 1, 0.5};

    /**
     * Orthonormal directions in R^18, the first a "colour" direction: a pattern in channel 0 against the same pattern
     * in channel 1, the way a red-versus-green difference would look.
     */
    private static double[][] directions() {
        int d = SHAPE.size();
        double[][] q = new double[S.length][d];
        for (int j = 0; j < 9; j++) {
            q[0][j] = 1;
            q[0][9 + j] = -1;
        }
        Random r = new Random(3);
        for (int k = 1; k < S.length; k++) for (int j = 0; j < d; j++) q[k][j] = r.nextGaussian();
        for (int k = 0; k < S.length; k++) {
            for (int p = 0; p < k; p++) {
                double dot = dot(q[k], q[p]);
                for (int j = 0; j < d; j++) q[k][j] -= dot * q[p][j];
            }
            double norm = Math.sqrt(dot(q[k], q[k]));
            for (int j = 0; j < d; j++) q[k][j] /= norm;
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /**
     * The images {@code m +- S_k q_k}, one pair per direction, then {@code extra} images of noise: the first
     * {@code 2K} have mean {@code m} and covariance exactly {@code sum_k 2 S_k^2 q_k q_k^T / (2K - 1)}.
     */
    private static Dataset data(double[][] q, int extra) {
        int d = SHAPE.size(), n = 2 * S.length + extra;
        float[] im = new float[n * d];
        Random r = new Random(5);
        for (int k = 0; k < S.length; k++) {
            for (int j = 0; j < d; j++) {
                double m = 0.5 + 0.01 * j;
                im[(2 * k) * d + j] = (float) (m + S[k] * q[k][j]);
                im[(2 * k + 1) * d + j] = (float) (m - S[k] * q[k][j]);
            }
        }
        for (int i = 2 * S.length * d; i < im.length; i++) im[i] = (float) (10 * r.nextGaussian());
        return Dataset.of("synthetic", SHAPE, 2, im, new int[n]);
    }

    @Test
    void eigenvaluesAndTopDirectionsOfAKnownCovariance() {
        double[][] q = directions();
        try (GemmThreads two = GemmThreads.of(2)) {
            // the noise images after the first eight must not count: the subsample is the first images
            InputCovariance c = InputCovariance.of(data(q, 30), 2 * S.length, 3, Gemm.on(two));
            assertEquals(8, c.images());
            assertEquals(SHAPE.size(), c.eigenvalues().length);
            assertEquals(3, c.eigenvectors().length);
            // pixels are stored as floats: each carries a relative rounding of 6e-8, so the moments agree with the
            // exact ones to about 1e-7 of the largest; 1e-5 leaves room and still fails a wrong normalization (n vs n-1)
            double tol = 1e-5 * 2 * S[0] * S[0] / 7;
            for (int k = 0; k < S.length; k++) assertEquals(2 * S[k] * S[k] / 7, c.eigenvalues()[k], tol, "lambda_" + (k + 1));
            for (int k = S.length; k < SHAPE.size(); k++) assertEquals(0, c.eigenvalues()[k], tol, "no variance elsewhere");
            for (int k = 0; k < 3; k++) {
                double[] v = c.eigenvectors()[k];
                assertEquals(1, Math.abs(dot(v, q[k])), 1e-5, "direction " + (k + 1) + " up to sign");
                int big = 0;
                for (int j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
                assertTrue(v[big] > 0, "the sign convention: the largest entry is positive");
            }
            assertEquals(1.0, c.explained(S.length), 1e-6, "four directions hold all the variance");
            assertEquals(16.0 / (16 + 4 + 1 + 0.25), c.explained(1), 1e-6);
            // the same data and subsample give the same bits on one thread
            try (GemmThreads one = GemmThreads.of(1)) {
                InputCovariance again = InputCovariance.of(data(q, 30), 8, 3, Gemm.on(one));
                assertArrayEquals(c.eigenvalues(), again.eigenvalues(), 0.0);
                assertArrayEquals(c.eigenvectors()[0], again.eigenvectors()[0], 0.0);
            }
        }
    }

    @Test
    void oneImageHasNoCovariance() {
        try (GemmThreads one = GemmThreads.of(1)) {
            assertThrows(IllegalArgumentException.class, () -> InputCovariance.of(data(directions(), 0), 1, 3, Gemm.on(one)));
        }
    }
}

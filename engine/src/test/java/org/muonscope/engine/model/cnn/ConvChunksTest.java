package org.muonscope.engine.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.optim.Role;

/**
 * The chunked convolution against a plain double-precision definition, on a batch big enough for several
 * chunks and lanes, and bit for bit across team sizes (the chunks and lanes do not depend on the team).
 */
class ConvChunksTest {
    private static final Shape IN = new Shape(3, 20, 20);
    /** 27 x 400 patch columns per image: the chunk is 12 images, so 30 images make 3 chunks and 3 lanes. */
    private static final int N = 30;

    @Test
    void forwardAndGradientsMatchTheDefinition() {
        try (GemmThreads t = GemmThreads.of(2)) {
            Conv2d c = new Conv2d(Gemm.on(t), "c", IN, 8, 3, 1, 1, true, Conv2d.Output.PLAIN, Role.MATRIX);
            Random r = new Random(3);
            float[] x = rnd(r, IN.size() * N), w = c.weights().get(0).value(), b = c.weights().get(1).value();
            System.arraycopy(rnd(r, w.length), 0, w, 0, w.length);
            System.arraycopy(rnd(r, b.length), 0, b, 0, b.length);
            float[] y = c.forward(x, N).clone();
            float[] dy = rnd(r, y.length);
            float[] dx = c.backward(dy, N, true).clone();
            double[] wantY = new double[y.length], wantDx = new double[x.length], wantDw = new double[w.length];
            double[] wantDb = new double[b.length];
            int hw = 400;
            for (int o = 0; o < 8; o++) {
                for (int n = 0; n < N; n++) {
                    for (int oy = 0; oy < 20; oy++) {
                        for (int ox = 0; ox < 20; ox++) {
                            int yi = (o * N + n) * hw + oy * 20 + ox;
                            double s = b[o];
                            wantDb[o] += dy[yi];
                            for (int ci = 0; ci < 3; ci++) {
                                for (int ky = 0; ky < 3; ky++) {
                                    for (int kx = 0; kx < 3; kx++) {
                                        int iy = oy + ky - 1, ix = ox + kx - 1;
                                        if (iy < 0 || iy >= 20 || ix < 0 || ix >= 20) continue;
                                        int xi = (ci * N + n) * hw + iy * 20 + ix, wi = o * 27 + (ci * 3 + ky) * 3 + kx;
                                        s += (double) w[wi] * x[xi];
                                        wantDw[wi] += (double) dy[yi] * x[xi];
                                        wantDx[xi] += (double) dy[yi] * w[wi];
                                    }
                                }
                            }
                            wantY[yi] = s;
                        }
                    }
                }
            }
            // float sums of up to 27 (forward, input gradient) or 12,000 (weight gradient) products of size ~1:
            // relative rounding ~1e-6 per term, tolerances scaled by sqrt(terms) with a margin of 10
            assertClose(wantY, y, 1e-4, "y");
            assertClose(wantDx, dx, 1e-4, "dx");
            assertClose(wantDw, c.weights().get(0).grad(), 2e-3, "dW");
            assertClose(wantDb, c.weights().get(1).grad(), 2e-3, "db");
        }
    }

    @Test
    void everyOutputKindIsBitIdenticalOnOneAndThreeThreads() {
        for (Conv2d.Output out : Conv2d.Output.values()) {
            float[][] one = run(1, out), three = run(3, out);
            for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], three[i], 0f, out + " array " + i);
        }
    }

    private static float[][] run(int threads, Conv2d.Output out) {
        try (GemmThreads t = GemmThreads.of(threads)) {
            Conv2d c = new Conv2d(Gemm.on(t), "c", IN, 8, 3, 1, out == Conv2d.Output.FLAT_RELU ? 0 : 1, true, out,
                    Role.MATRIX);
            Random r = new Random(4);
            float[] x = rnd(r, IN.size() * N);
            for (Weights w : c.weights()) System.arraycopy(rnd(r, w.value().length), 0, w.value(), 0, w.value().length);
            float[] y = c.forward(x, N).clone();
            float[] dx = c.backward(rnd(r, y.length), N, true).clone();
            return new float[][]{y, dx, c.weights().get(0).grad().clone(), c.weights().get(1).grad().clone()};
        }
    }

    private static void assertClose(double[] want, float[] got, double tol, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " " + i);
    }

    static float[] rnd(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }
}

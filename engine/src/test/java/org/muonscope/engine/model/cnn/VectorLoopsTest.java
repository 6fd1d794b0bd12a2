package org.muonscope.engine.model.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.Gemm;

/** The Vector API pooling loops equal the scalar fallback exactly, ties and the vector tail included. */
class VectorLoopsTest {
    @Test
    void poolingForwardAndBackwardEqualTheScalarLoops() {
        assumeTrue(Gemm.vectorAvailable(), "Vector API not in the boot layer");
        Random r = new Random(9);
        int quarter = 75; // not a multiple of any vector length: the tail runs too
        float[] pre = new float[4 * quarter];
        for (int i = 0; i < pre.length; i++) {
            // a coarse grid makes ties frequent, as in blank image regions
            pre[i] = (r.nextInt(5) - 2) * 0.5f;
        }
        float[] ys = new float[quarter], yv = new float[quarter];
        byte[] as = new byte[quarter], av = new byte[quarter];
        ConvKernels.poolReluRow(pre, 0, quarter, 0.25f, ys, 0, as, 0);
        VectorLoops.poolRelu(pre, 0, quarter, 0.25f, yv, 0, av);
        assertArrayEquals(ys, yv, 0f);
        assertArrayEquals(as, av);
        for (int j = 0; j < quarter; j++) {
            // the winner is the first maximum in row-major order
            int first = 0;
            for (int q = 1; q < 4; q++) if (pre[q * quarter + j] > pre[first * quarter + j]) first = q;
            assertEquals(first, as[j], "window " + j);
        }
        float[] dy = ConvChunksTest.rnd(r, quarter);
        float[] ds = new float[4 * quarter], dv = new float[4 * quarter];
        ConvKernels.unpoolReluRow(dy, ys, as, 0, quarter, ds, 0, 0);
        VectorLoops.unpoolRelu(dy, ys, as, 0, quarter, dv, 0);
        assertArrayEquals(ds, dv, 0f);
    }

    @Test
    void sloppyCopyCopiesExactlyWhatItIsAskedAndAddIntoAdds() {
        assumeTrue(Gemm.vectorAvailable(), "Vector API not in the boot layer");
        float[] src = ConvChunksTest.rnd(new Random(2), 100);
        float[] dst = new float[100];
        VectorLoops.copySloppy(src, 3, dst, 5, 11);
        for (int i = 0; i < 11; i++) assertEquals(src[3 + i], dst[5 + i], 0f);
        float[] near = new float[12];
        VectorLoops.copySloppy(src, 90, near, 1, 10); // too close to the ends for whole vectors: exact copy
        for (int i = 0; i < 10; i++) assertEquals(src[90 + i], near[1 + i], 0f);
        float[] acc = new float[40];
        VectorLoops.addInto(acc, 1, src, 0, 37);
        VectorLoops.addInto(acc, 1, src, 0, 37);
        for (int i = 0; i < 37; i++) assertEquals(2 * src[i], acc[1 + i], 0f);
    }

    @Test
    void biasReluAndReluBackwardEqualTheScalarLoops() {
        assumeTrue(Gemm.vectorAvailable(), "Vector API not in the boot layer");
        float[] x = ConvChunksTest.rnd(new Random(3), 53), y = new float[60], g = new float[60];
        VectorLoops.bias(x, 2, 0.3f, true, y, 1, 50);
        for (int t = 0; t < 50; t++) assertEquals(Math.max(x[2 + t] + 0.3f, 0f), y[1 + t], 0f);
        float[] dy = ConvChunksTest.rnd(new Random(4), 60);
        VectorLoops.pass(dy, y, 1, g, 3, 50);
        for (int t = 0; t < 50; t++) assertEquals(y[1 + t] > 0f ? dy[1 + t] : 0f, g[3 + t], 0f);
    }
}

package org.muonscope.app.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {
    @Test
    void keepsEndpointsAndEveryBucketsExtremes() {
        int n = 20001, buckets = 300;
        double[] x = new double[n], y = new double[n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 50.0) + 0.1 * r.nextGaussian();
        }
        y[12345] = 40; // a spike must survive
        double[][] d = Decimator.decimate(x, y, buckets);
        assertTrue(d[0].length <= 4 * buckets, "at most 4 points per bucket, got " + d[0].length);
        assertEquals(0, d[0][0]);
        assertEquals(n - 1, d[0][d[0].length - 1]);
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (double v : d[1]) { max = Math.max(max, v); min = Math.min(min, v); }
        double tmin = Double.POSITIVE_INFINITY;
        for (double v : y) tmin = Math.min(tmin, v);
        assertEquals(40, max);
        assertEquals(tmin, min);
        for (int i = 1; i < d[0].length; i++) assertTrue(d[0][i] > d[0][i - 1], "x stays strictly ascending");
    }

    @Test
    void perBucketEnvelopeMatchesTheFullData() {
        int n = 5000, buckets = 100;
        double[] x = new double[n], y = new double[n];
        Random r = new Random(9);
        for (int i = 0; i < n; i++) { x[i] = i * 0.5; y[i] = r.nextDouble(); }
        double[][] d = Decimator.decimate(x, y, buckets);
        double width = (x[n - 1] - x[0]) / buckets;
        for (int b = 0; b < buckets; b++) {
            double fullMax = Double.NEGATIVE_INFINITY, keptMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) if (Math.min(buckets - 1, (int) Math.floor(x[i] / width)) == b) fullMax = Math.max(fullMax, y[i]);
            for (int i = 0; i < d[0].length; i++) if (Math.min(buckets - 1, (int) Math.floor(d[0][i] / width)) == b) keptMax = Math.max(keptMax, d[1][i]);
            assertEquals(fullMax, keptMax, 0, "bucket " + b);
        }
    }

    @Test
    void smallInputsAreReturnedAsIs() {
        double[] x = {0, 1, 2}, y = {3, 4, 5};
        assertSame(x, Decimator.decimate(x, y, 100)[0]);
    }

    @Test
    void nanMarksSurvive() {
        int n = 1000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = i < 700 ? i : Double.NaN; }
        double[][] d = Decimator.decimate(x, y, 50);
        boolean nan = false;
        for (double v : d[1]) nan |= Double.isNaN(v);
        assertTrue(nan, "a diverged tail stays visible as a gap");
    }
}

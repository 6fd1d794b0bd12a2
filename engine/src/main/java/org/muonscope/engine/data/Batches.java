package org.muonscope.engine.data;

import org.muonscope.engine.random.Seeds;

import java.util.Random;

/**
 * Seeded mini-batches. The order of epoch {@code e} is a shuffle seeded by {@code (seed, e)} alone, so a run
 * resumed at an epoch boundary sees the same batches as one never stopped.
 */
public final class Batches {
    private Batches() { }

    /** The sample order of one epoch. */
    public static int[] order(int n, long seed, int epoch) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Random rnd = Seeds.of(seed).cnnShuffle(epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /**
     * Gathers samples {@code idx[from .. from+count)} into {@code x} channel-major over the batch
     * ({@code [c][b][h][w]}, what the network takes) and their labels into {@code y[0 .. count)}.
     */
    public static void gather(Dataset d, int[] idx, int from, int count, float[] x, int[] y) {
        int c = d.shape().c(), plane = d.shape().plane(), size = d.shape().size();
        float[] im = d.images();
        for (int b = 0; b < count; b++) {
            int s = idx == null ? from + b : idx[from + b];
            y[b] = d.labels()[s];
            for (int ch = 0; ch < c; ch++) System.arraycopy(im, s * size + ch * plane, x, (ch * count + b) * plane, plane);
        }
    }
}

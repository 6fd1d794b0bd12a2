package org.muonscope.engine.theory;

import org.muonscope.engine.random.Seeds;

import org.muonscope.engine.random.SeededRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Where a run's moments come from at each step (docs/theory.md section 1): the population moments, the empirical
 * moments of {@code n} fixed draws, or those of a fresh mini-batch of {@code b} of the {@code n} draws.
 * The gradient code is the same in all three modes.
 *
 * <p>Draw {@code s} is generated from its own seed, the {@code s}-th number of {@code fork("draws")} of the given
 * seed, so a draw can be regenerated whenever a batch needs it: the sources keep 12 bytes per draw, not {@code d}
 * doubles (several optimizers each hold a source). Batch choices come from {@code fork("batches")}. Two sources
 * with the same seed see the same data and the same batches: give every optimizer of a comparison the same seed
 * for common random numbers. Not thread-safe: one source per optimizer.
 */
public interface MomentSource {

    /**
     * The moments for the next step. The returned object may be reused and overwritten by the next call (batch
     * mode); read it before asking again and never modify it.
     */
    Moments next();

    /** The data mode this source implements. */
    DataMode mode();

    static MomentSource create(GaussianMixture mixture, DataMode mode, long seed) {
        DataMode m = mode == null ? DataMode.POPULATION : mode;
        return switch (m.kind()) {
            case POPULATION -> new Fixed(m, mixture.population());
            case SAMPLE -> new Fixed(m, sampleMoments(mixture, m.samples(), Seeds.of(seed).stream("draws")));
            case BATCH -> new Batches(m, mixture, drawSeeds(m.samples(), Seeds.of(seed).stream("draws")),
                    m.batch(), Seeds.of(seed).stream("batches"));
        };
    }

    /** The seeds of {@code n} draws. */
    static long[] drawSeeds(int n, SeededRandom rng) {
        long[] seeds = new long[n];
        for (int s = 0; s < n; s++) seeds[s] = rng.nextLong();
        return seeds;
    }

    /** Generates the draw with this seed into {@code x[offset .. offset + d)} and returns its label. */
    static int draw(GaussianMixture mixture, long seed, double[] x, int offset) {
        return mixture.sample(SeededRandom.of(seed), x, offset);
    }

    /**
     * The empirical moments of the {@code n} draws seeded from {@code rng}, accumulated in chunks so that a large
     * {@code n} never holds all of them in memory.
     */
    static Moments sampleMoments(GaussianMixture mixture, int n, SeededRandom rng) {
        int d = mixture.dim();
        int k = mixture.classes();
        int chunk = Math.max(1, Math.min(n, (1 << 20) / d));
        DMatrixRMaj x = new DMatrixRMaj(chunk, d);
        DMatrixRMaj sxx = new DMatrixRMaj(d, d);
        DMatrixRMaj syx = new DMatrixRMaj(k, d);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            x.reshape(rows, d);
            for (int s = 0; s < rows; s++) {
                int row = draw(mixture, rng.nextLong(), x.data, s * d) * d;
                for (int i = 0; i < d; i++) syx.data[row + i] += x.data[s * d + i];
            }
            CommonOps_DDRM.multAddTransA(x, x, sxx);
        }
        CommonOps_DDRM.scale(1.0 / n, sxx);
        CommonOps_DDRM.scale(1.0 / n, syx);
        return new Moments(sxx, syx);
    }

    /** The same moments at every step. */
    record Fixed(DataMode mode, Moments moments) implements MomentSource {
        @Override
        public Moments next() {
            return moments;
        }
    }

    /** {@code n} draws held in memory: rows of {@code x} ({@code n x d}) and their labels (for checks and plots). */
    record Draws(int k, DMatrixRMaj x, int[] labels) {
        /** The same draws a source seeded with {@code rng}'s seed makes ({@code rng} being its {@code fork("draws")}). */
        public static Draws of(GaussianMixture mixture, int n, SeededRandom rng) {
            int d = mixture.dim();
            DMatrixRMaj x = new DMatrixRMaj(n, d);
            int[] labels = new int[n];
            for (int s = 0; s < n; s++) labels[s] = draw(mixture, rng.nextLong(), x.data, s * d);
            return new Draws(mixture.classes(), x, labels);
        }

        /** The empirical moments {@code X^T X / n} and {@code Y^T X / n}. */
        public Moments moments() {
            int n = x.numRows;
            int d = x.numCols;
            DMatrixRMaj sxx = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(1.0 / n, x, x, sxx);
            DMatrixRMaj syx = new DMatrixRMaj(k, d);
            for (int s = 0; s < n; s++) {
                int row = labels[s] * d;
                for (int i = 0; i < d; i++) syx.data[row + i] += x.data[s * d + i];
            }
            CommonOps_DDRM.scale(1.0 / n, syx);
            return new Moments(sxx, syx);
        }
    }

    /**
     * A fresh batch of {@code b} distinct draws (uniform without replacement) at every step; the batches of
     * successive steps are independent. The chosen draws are regenerated from their seeds ({@code b d} normals a
     * step, cheap beside the {@code b d^2} of the moments); the only allocation is the per-draw generator.
     */
    final class Batches implements MomentSource {
        private final DataMode mode;
        private final GaussianMixture mixture;
        private final long[] seeds;
        private final SeededRandom rng;
        private final int[] order;
        private final DMatrixRMaj batch;
        private final Moments moments;

        Batches(DataMode mode, GaussianMixture mixture, long[] seeds, int b, SeededRandom rng) {
            this.mode = mode;
            this.mixture = mixture;
            this.seeds = seeds;
            this.rng = rng;
            int d = mixture.dim();
            this.order = new int[seeds.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            this.batch = new DMatrixRMaj(b, d);
            this.moments = new Moments(new DMatrixRMaj(d, d), new DMatrixRMaj(mixture.classes(), d));
        }

        @Override
        public DataMode mode() {
            return mode;
        }

        @Override
        public Moments next() {
            int n = order.length;
            int b = batch.numRows;
            int d = batch.numCols;
            double[] x = batch.data;
            DMatrixRMaj syx = moments.syx();
            java.util.Arrays.fill(syx.data, 0);
            // A partial Fisher-Yates shuffle of the current order: its first b entries are a uniform b-subset
            // whatever order earlier steps left behind.
            for (int i = 0; i < b; i++) {
                int j = i + rng.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                int row = draw(mixture, seeds[order[i]], x, i * d) * d;
                for (int q = 0; q < d; q++) syx.data[row + q] += x[i * d + q];
            }
            CommonOps_DDRM.scale(1.0 / b, syx);
            CommonOps_DDRM.multTransA(1.0 / b, batch, batch, moments.sxx());
            moments.refresh();
            return moments;
        }
    }
}

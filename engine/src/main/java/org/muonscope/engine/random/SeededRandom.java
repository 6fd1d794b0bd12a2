package org.muonscope.engine.random;

import java.util.SplittableRandom;

/**
 * A reproducible random stream. One master seed is {@link #fork forked} into named or numbered child streams
 * (the basis, the data draws, each optimizer's batches, the Monte Carlo draws), so adding a consumer never
 * shifts the numbers another one sees, whatever order they are created in.
 *
 * <p>Not thread-safe: give every thread its own fork.
 */
public final class SeededRandom {
    private final long seed;
    private final SplittableRandom rng;

    private SeededRandom(long seed) {
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    public static SeededRandom of(long seed) {
        return new SeededRandom(seed);
    }

    /** The seed this stream was created from. */
    public long seed() {
        return seed;
    }

    /** A child stream that depends only on this stream's seed and {@code stream}, not on how many numbers were drawn. */
    public SeededRandom fork(long stream) {
        return new SeededRandom(mix(seed ^ mix(stream + 0x632BE59BD9B4E019L)));
    }

    /** A child stream named by a string; {@link String#hashCode} is specified, so names give stable seeds. */
    public SeededRandom fork(String name) {
        return fork(((long) name.hashCode() << 32) ^ name.length());
    }

    /** The next child in sequence: depends on the draws made so far (use {@link #fork} when order may vary). */
    public SeededRandom split() {
        return new SeededRandom(rng.nextLong());
    }

    public double nextGaussian() {
        return rng.nextGaussian();
    }

    public double nextDouble() {
        return rng.nextDouble();
    }

    public long nextLong() {
        return rng.nextLong();
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    /** Stafford's variant 13 of the 64-bit finalizer: decorrelates nearby seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

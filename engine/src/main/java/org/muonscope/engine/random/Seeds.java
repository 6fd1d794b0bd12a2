package org.muonscope.engine.random;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The one place where random streams come from: a run's master seed split into named streams, so that the data,
 * the initial weights, the batches and the Monte Carlo draws never share numbers, and adding a stream never moves
 * the draws of another.
 *
 * <p>The streams of the engine, by experiment:
 * <ul>
 *   <li>theory: {@code basis} (rotated mean basis), {@code draws} and {@code batches} (finite-sample and mini-batch
 *       moments), {@code init} (factors, forked per factor), {@code metrics} (common random numbers of the Monte Carlo
 *       accuracy): {@link #stream}.</li>
 *   <li>deep linear and routing: {@code dln-task}, {@code dln-init}, {@code routing-codes}, {@code routing-init},
 *       {@code routing-batches}: {@link #random}.</li>
 *   <li>cnn: the initial weights {@link #cnnInit}, the shuffle of each epoch {@link #cnnShuffle}, and the data
 *       transforms {@link #cnnTransform} ({@code imbalance}, {@code colors}, {@code pixel}).</li>
 * </ul>
 *
 * <p>How each stream's seed is derived from the master seed is frozen (decision 1001): the three families predate this
 * class, and a saved {@code spec.json} must rerun to the same numbers, so each keeps the derivation its results were
 * computed with. A new stream uses {@link #stream}.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long master;

    private Seeds(long master) {
        this.master = master;
    }

    public static Seeds of(long master) {
        return new Seeds(master);
    }

    public long master() {
        return master;
    }

    /** A named stream of the master seed, independent of the draws of any other ({@link SeededRandom#fork(String)}). */
    public SeededRandom stream(String name) {
        return SeededRandom.of(master).fork(name);
    }

    /** A named stream as a {@link Random}, for the deep-linear and routing experiments. */
    public Random random(String name) {
        long mixed = new SplittableRandom(master ^ (GOLDEN * (name.hashCode() + 0x51L))).nextLong();
        return new Random(mixed);
    }

    /** The CNN's initial weights. */
    public Random cnnInit() {
        return new Random(master);
    }

    /** The sample order of CNN epoch {@code epoch}: depends on the epoch alone, so a resumed run sees the same batches. */
    public Random cnnShuffle(int epoch) {
        return new Random(master * GOLDEN + epoch);
    }

    /**
     * The seed of a CNN data transform: {@code imbalance} (which samples survive), {@code colors} (colored digits;
     * the test set uses this seed plus one) or {@code pixel} (where the spurious pixels go).
     */
    public long cnnTransform(String name) {
        return switch (name) {
            case "imbalance" -> master + 101;
            case "colors" -> master + 202;
            case "pixel" -> master + 303;
            default -> throw new IllegalArgumentException("no CNN transform stream '" + name + "'");
        };
    }
}

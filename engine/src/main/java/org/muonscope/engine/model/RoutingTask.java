package org.muonscope.engine.model;

import org.muonscope.engine.linalg.Spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The routing task of docs/theory.md section 3 (Dragutinovic and Ranganath, Sec. 4 and App. C.2, after Saxe et al.
 * 2022): {@code M} input and output domains, {@code N} numbers. Input domain {@code j} writes number {@code i}
 * as column {@code i} of its own random orthogonal {@code N x N} code matrix; the target of number {@code i} is
 * column {@code i} of a fixed {@code OUT x N} matrix that does not depend on the output domain. Training sees
 * the pairs {@code (j, j)} and {@code (j, j+1 mod M)}; a batch holds one uniformly drawn number for each of them.
 *
 * <p>Targets (the paper leaves them open): {@code y_i = e_i} in {@code R^7}, orthonormal, so the four modes
 * of the task are equally strong and every number is equally hard. Numbers are 0-based in code.
 */
public final class RoutingTask {
    /** Domains, numbers and output size of the paper's set-up. */
    public static final int DOMAINS = 7;
    public static final int NUMBERS = 4;
    public static final int OUTPUTS = 7;

    private final int domains;
    private final int numbers;
    private final int outputs;
    private final List<DMatrixRMaj> codes;
    private final DMatrixRMaj targets;
    private final List<int[]> trainedPairs;

    /** One training sample: input domain, output domain, number. */
    public record Sample(int input, int output, int number) { }

    private RoutingTask(int domains, int numbers, int outputs, List<DMatrixRMaj> codes, DMatrixRMaj targets) {
        this.domains = domains;
        this.numbers = numbers;
        this.outputs = outputs;
        this.codes = codes;
        this.targets = targets;
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < domains; j++) {
            pairs.add(new int[] {j, j});
            pairs.add(new int[] {j, (j + 1) % domains});
        }
        this.trainedPairs = List.copyOf(pairs);
    }

    /** The paper's task (7 domains, 4 numbers, targets in {@code R^7}), codes drawn from {@code rng}. */
    public static RoutingTask create(Random rng) {
        return create(DOMAINS, NUMBERS, OUTPUTS, rng);
    }

    /** A task of another size ({@code domains >= 3} so that some pairs stay unseen, {@code outputs >= numbers}). */
    public static RoutingTask create(int domains, int numbers, int outputs, Random rng) {
        if (domains < 3) throw new IllegalArgumentException("need at least 3 domains, got " + domains);
        if (numbers < 1 || outputs < numbers) throw new IllegalArgumentException("need 1 <= numbers <= outputs");
        List<DMatrixRMaj> codes = new ArrayList<>();
        for (int j = 0; j < domains; j++) codes.add(Spectra.randomOrthogonal(numbers, rng));
        DMatrixRMaj y = new DMatrixRMaj(outputs, numbers);
        for (int i = 0; i < numbers; i++) y.set(i, i, 1.0);
        return new RoutingTask(domains, numbers, outputs, List.copyOf(codes), y);
    }

    public int domains() { return domains; }

    public int numbers() { return numbers; }

    public int outputs() { return outputs; }

    /** Input domain {@code j}'s code matrix ({@code N x N}, orthogonal; column {@code i} encodes number {@code i}). */
    public DMatrixRMaj code(int j) { return codes.get(j); }

    /** The targets ({@code OUT x N}; column {@code i} is number {@code i}'s target). */
    public DMatrixRMaj targets() { return targets; }

    /** Whether training ever sees the pair {@code (input, output)}. */
    public boolean trained(int input, int output) {
        return output == input || output == (input + 1) % domains;
    }

    /** The trained pairs in batch order: {@code (0,0), (0,1), (1,1), (1,2), ...}. */
    public List<int[]> trainedPairs() { return trainedPairs; }

    /** Algorithm 1 of the paper: one sample per trained pair, the number uniform in {@code 0..N-1}. */
    public List<Sample> sampleBatch(Random rng) {
        List<Sample> batch = new ArrayList<>(trainedPairs.size());
        for (int[] p : trainedPairs) batch.add(new Sample(p[0], p[1], rng.nextInt(numbers)));
        return batch;
    }

    /** Every number of every trained pair (the full-batch variant). */
    public List<Sample> fullBatch() {
        List<Sample> batch = new ArrayList<>(trainedPairs.size() * numbers);
        for (int[] p : trainedPairs) for (int i = 0; i < numbers; i++) batch.add(new Sample(p[0], p[1], i));
        return batch;
    }
}

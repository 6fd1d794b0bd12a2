package org.muonscope.engine.experiment;

import java.util.List;

/**
 * One optimizer's whole run.
 *
 * @param optimizer  the label ({@code NAME} or {@code NAME#2})
 * @param t90        measured first step at which {@code W[c,c] >= 0.9 w*_c} per class; -1 where never reached
 * @param finalW     the final end-to-end {@code W} ({@code k x d}, row-major)
 * @param message    null when completed; otherwise why it stopped (e.g. the divergence step and likely cause)
 * @param wStar      the population optimum's diagonal {@code w*_c} that {@code t90} is measured against
 * @param t90Theory  the closed-form {@code t_90} per class where the theory covers this optimizer and setting
 *                   (GD at depth 1 from {@code W = 0}, SpecGD at any depth; population moments, orthogonal
 *                   means); NaN elsewhere
 */
public record OptimizerResult(String optimizer, int slot, Status status, String message, List<Snapshot> snapshots,
                              long[] t90, double[][] finalW, double[] wStar, double[] t90Theory) {
    public enum Status { COMPLETED, DIVERGED, CANCELLED }

    /** The first contract's shape, without the theory columns (both become empty). */
    public OptimizerResult(String optimizer, int slot, Status status, String message, List<Snapshot> snapshots,
                           long[] t90, double[][] finalW) {
        this(optimizer, slot, status, message, snapshots, t90, finalW, new double[0], new double[0]);
    }

    /** The last snapshot, or null when none was taken. */
    public Snapshot last() {
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    }
}

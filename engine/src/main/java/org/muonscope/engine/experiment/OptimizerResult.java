package org.muonscope.engine.experiment;

import java.util.List;

/**
 * One optimizer's whole run.
 *
 * @param t90        measured first step at which {@code W[c,c] >= 0.9 w*_c} per class; -1 where never reached
 * @param finalW     the final end-to-end {@code W} ({@code k x d}, row-major)
 * @param message    null when completed; otherwise why it stopped (e.g. the divergence step and likely cause)
 */
public record OptimizerResult(String optimizer, int slot, Status status, String message, List<Snapshot> snapshots,
                              long[] t90, double[][] finalW) {
    public enum Status { COMPLETED, DIVERGED, CANCELLED }
}

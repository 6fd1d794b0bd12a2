package org.muonscope.engine.experiment;

/**
 * Receives a run's events on the engine's threads. Implementations must return quickly and be thread-safe:
 * several optimizers report at once.
 */
public interface RunListener {
    default void onSnapshot(Snapshot snapshot) { }

    /** One optimizer ended: completed, diverged (with a message naming the step) or cancelled. */
    default void onOptimizerEnded(OptimizerResult result) { }

    /** Every optimizer ended. */
    default void onRunEnded(RunResult result) { }
}

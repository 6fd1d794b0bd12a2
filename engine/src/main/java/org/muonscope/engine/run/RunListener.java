package org.muonscope.engine.run;

/**
 * Receives a run's events on the engine's threads; implementations return quickly and are thread-safe (several
 * optimizers may report at once).
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void onRecord(Record record) { }

    default void onProgress(Progress progress) { }

    /** One optimizer ended (completed, diverged, cancelled or failed). */
    default void onOptimizerEnded(OptimizerResult result) { }

    /** Every optimizer ended. */
    default void onRunEnded(RunResult result) { }
}

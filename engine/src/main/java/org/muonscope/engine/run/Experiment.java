package org.muonscope.engine.run;

import org.muonscope.engine.spec.Spec;

/**
 * One kind of experiment: its step loop (as {@link Lane}s driven by the one run loop) and how its results lie in a
 * folder ({@link Layout}).
 *
 * @param <S> the kind's spec
 */
public interface Experiment<S extends Spec> {
    /**
     * Runs every optimizer of {@code spec} and returns when all have ended (completed, diverged, cancelled or failed).
     * Events reach {@code listener} on the engine's threads as they happen.
     */
    RunResult run(S spec, RunListener listener, CancelToken cancel, RunContext context);

    /** The kind's files. */
    Layout layout();
}

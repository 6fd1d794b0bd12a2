package org.muonscope.engine.run;

/**
 * Asks a run to stop: a flag that every step loop reads before each step, so a cancelled run still ends normally,
 * each optimizer with status {@link Status#CANCELLED} and what it measured so far.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    /** A token that is never cancelled. */
    public static CancelToken none() {
        return new CancelToken();
    }

    /** Idempotent; returns at once. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}

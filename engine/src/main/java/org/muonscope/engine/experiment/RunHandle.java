package org.muonscope.engine.experiment;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run in flight. {@link #cancel} only raises a flag that every optimizer's step loop reads, so a cancelled run
 * still ends normally: its result holds what was computed, with status CANCELLED.
 */
public final class RunHandle {
    private volatile boolean cancelled;
    private final CompletableFuture<RunResult> future = new CompletableFuture<>();

    RunHandle() { }

    /** Asks every optimizer to stop before its next step; returns at once. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Completes with the result once every optimizer ended; completes exceptionally only on an engine or listener
     * error (a diverging optimizer is a normal result). Cancelling this future does not stop the run: use
     * {@link #cancel}.
     */
    public CompletableFuture<RunResult> future() {
        return future;
    }

    /**
     * Waits for the result.
     *
     * @throws IllegalStateException wrapping an engine or listener error
     */
    public RunResult await() {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Waits at most {@code timeout}.
     *
     * @throws TimeoutException when the run is still going
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public RunResult await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static RuntimeException failure(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        return new IllegalStateException("run failed: " + t, t);
    }

    CompletableFuture<RunResult> completion() {
        return future;
    }
}

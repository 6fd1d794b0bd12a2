package org.muonscope.app.common;

/**
 * Collapses a burst of requests (a slider being dragged) into one action after a quiet period: each request
 * cancels the pending one. Not thread-safe: call from the UI thread.
 */
public final class Debouncer {
    private final Scheduler scheduler;
    private final long delayMillis;
    private Scheduler.Cancellable pending;
    private long generation;

    public Debouncer(Scheduler scheduler, long delayMillis) {
        this.scheduler = scheduler;
        this.delayMillis = delayMillis;
    }

    public void request(Runnable action) {
        cancel();
        long mine = ++generation;
        Scheduler.Cancellable handle = scheduler.schedule(() -> {
            // a late timer from a cancelled request must not fire
            if (mine == generation) action.run();
        }, delayMillis);
        if (mine == generation) pending = handle;
    }

    public void cancel() {
        generation++;
        if (pending != null) pending.cancel();
        pending = null;
    }
}

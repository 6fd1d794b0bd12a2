package org.muonscope.app.common;

/**
 * Delays a task on the UI thread (used to debounce re-runs). The window uses a JavaFX timeline; tests use
 * {@link #immediate()} or a manual scheduler they flush themselves.
 */
@FunctionalInterface
public interface Scheduler {
    /** Schedules {@code task} after {@code delayMillis}; the returned handle cancels it if not yet run. */
    Cancellable schedule(Runnable task, long delayMillis);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    static Scheduler immediate() {
        return (task, delay) -> {
            task.run();
            return () -> { };
        };
    }

    /** A JavaFX {@code PauseTransition}; must be called on the FX thread. */
    static Scheduler fx() {
        return (task, delay) -> {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(delay));
            p.setOnFinished(e -> task.run());
            p.play();
            return p::stop;
        };
    }
}

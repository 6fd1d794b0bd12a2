package org.muonscope.app.common;

import javafx.application.Platform;

/**
 * Where view-model updates run. The window uses the JavaFX thread; tests use {@link #sameThread()} so a
 * view model can be driven without a screen and without waiting.
 */
@FunctionalInterface
public interface UiExecutor {
    void execute(Runnable task);

    /** Runs on the JavaFX application thread (immediately when already on it). */
    static UiExecutor fx() {
        return task -> {
            if (Platform.isFxApplicationThread()) task.run();
            else Platform.runLater(task);
        };
    }

    static UiExecutor sameThread() {
        return Runnable::run;
    }
}

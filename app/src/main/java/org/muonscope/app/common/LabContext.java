package org.muonscope.app.common;

import javafx.stage.Stage;

/**
 * What the window hands each lab to build itself with: the stage (for dialogs, and to hear it close), the UI-thread
 * seams and the one executor every background job goes through. Labs depend on this, never on the window.
 */
public record LabContext(Stage stage, UiExecutor ui, Scheduler scheduler, TaskExecutor tasks) {
    /** The window's context: the JavaFX thread and daemon threads for background work. */
    public static LabContext fx(Stage stage) {
        UiExecutor ui = UiExecutor.fx();
        return new LabContext(stage, ui, Scheduler.fx(), TaskExecutor.threads(ui));
    }
}

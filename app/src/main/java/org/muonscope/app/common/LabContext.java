package org.muonscope.app.common;

import javafx.stage.Stage;

/**
 * What the window hands each lab to build itself with: the stage (for dialogs and to hear it close) and the UI-thread
 * seams. Labs depend on this, never on the window.
 */
public record LabContext(Stage stage, UiExecutor ui, Scheduler scheduler) { }

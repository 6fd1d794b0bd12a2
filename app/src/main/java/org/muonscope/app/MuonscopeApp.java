package org.muonscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: wiring only. */
public final class MuonscopeApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(MuonscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Muonscope");
        stage.setScene(new Scene(new Label("Muonscope"), 1280, 800));
        stage.show();
    }
}

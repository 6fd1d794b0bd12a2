package org.muonscope.app;

import org.muonscope.app.common.LabContext;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.theorylab.TheoryLabView;

/** The JavaFX application: wiring only. */
public final class MuonscopeApp extends Application {
    public static final String CSS = "/org/muonscope/app/app.css";

    public static void launchWindow(String[] args) {
        Application.launch(MuonscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        LabContext ctx = LabContext.fx(stage);
        MainWindow window = new MainWindow(ctx);
        // after the labs heard the window close (the CNN Lab records running trainings as interrupted)
        stage.setOnHidden(e -> ctx.tasks().shutdown(2000));
        Scene scene = createScene(window);
        stage.setTitle("Muonscope");
        stage.setScene(scene);
        stage.show();
        TheoryLabView lab = window.lab(TheoryLabView.class);
        if (lab != null) {
            String preset = System.getProperty("muonscope.preset", "theory-imbalance");
            lab.loadPreset(preset);
            String tab = System.getProperty("muonscope.sideTab");
            if (tab != null) lab.sideViews().getSelectionModel().select(Integer.parseInt(tab));
            if (Boolean.getBoolean("muonscope.play")) {
                lab.viewModel().animation().loopProperty().set(true);
                lab.viewModel().animation().restart();
            }
            String session = System.getProperty("muonscope.session");
            if (session != null) lab.openSession(java.nio.file.Path.of(session));
            // for screenshots and classrooms: start in presenter mode or the dark theme
            if (Boolean.getBoolean("muonscope.presenter")) lab.viewModel().presenterProperty().set(true);
            if (Boolean.getBoolean("muonscope.dark")) lab.viewModel().darkProperty().set(true);
            String probe = System.getProperty("muonscope.probe");
            if (probe != null) new Probe(lab, java.nio.file.Path.of(probe)).start();
        }
    }

    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window.root(), 1600, 1000);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(CSS).toExternalForm());
        return scene;
    }
}

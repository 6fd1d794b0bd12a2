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
            if (session != null) lab.files().openSession(java.nio.file.Path.of(session));
            // for screenshots and classrooms: start in presenter mode or the dark theme
            if (Boolean.getBoolean("muonscope.presenter")) lab.viewModel().presenterProperty().set(true);
            if (Boolean.getBoolean("muonscope.dark")) lab.viewModel().darkProperty().set(true);
            String probe = System.getProperty("muonscope.probe");
            if (probe != null) new Probe(lab, java.nio.file.Path.of(probe)).start();
        }
        startOn(window, System.getProperty("muonscope.tab"), System.getProperty("muonscope.lesson"));
    }

    /**
     * The start options {@code -Dmuonscope.tab=theory|simplicity|cnn|lessons} and {@code -Dmuonscope.lesson=NAME}
     * (a bundled lesson or a lesson file; opens the Lessons tab unless a tab is named). A bad value is said once on
     * stderr and the window opens as usual.
     */
    static void startOn(MainWindow window, String tab, String lesson) {
        if (lesson != null) {
            org.muonscope.app.lessons.LessonsView lessons = window.lab(org.muonscope.app.lessons.LessonsView.class);
            if (lessons != null) lessons.viewModel().open(lesson);
            if (tab == null) tab = "lessons";
        }
        if (tab != null && !window.select(tab)) {
            System.getLogger(MuonscopeApp.class.getName()).log(System.Logger.Level.WARNING,
                    "-Dmuonscope.tab=" + tab + ": no such tab (known: theory simplicity cnn lessons)");
        }
    }

    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window.root(), 1600, 1000);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(CSS).toExternalForm());
        return scene;
    }
}

package org.muonscope.app.support;

import org.muonscope.app.common.TaskExecutor;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.muonscope.app.MuonscopeApp;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.theorylab.TheoryLabView;
import org.muonscope.app.theorylab.TheoryLabViewModel;

/** A manual-look harness: the real view on the fake engine ({@code -Dpreset=..., -Ddark, -Dpresenter}). */
public final class DemoWindow extends Application {

    @Override
    public void start(Stage stage) {
        TheoryLabViewModel vm = new TheoryLabViewModel(new FakeEngine(), UiExecutor.fx(), Scheduler.fx());
        TheoryLabView view = new TheoryLabView(vm, TaskExecutor.threads(UiExecutor.fx()));
        Scene scene = new Scene(view, 1600, 1000);
        scene.getStylesheets().add(MuonscopeApp.class.getResource(MuonscopeApp.CSS).toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.loadPreset(System.getProperty("preset", "theory-imbalance"));
        vm.darkProperty().set(Boolean.getBoolean("dark"));
        vm.presenterProperty().set(Boolean.getBoolean("presenter"));
        String tab = System.getProperty("tab");
        if (tab != null) view.sideViews().getSelectionModel().select(Integer.parseInt(tab));
    }
}

package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cnnlab.view.CovariancePane;
import org.muonscope.app.cnnlab.view.SpectraPane;
import org.muonscope.app.support.QueuedTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Spectra view and the Data tab's covariance in a real (headless) window over a scripted backend: the figures
 * lane is a queue the test drains, so every drawing happens when the test says and nothing races it.
 */
@ExtendWith(ApplicationExtension.class)
class SpectraViewTest {
    @TempDir
    static Path home;
    private final FakeBackend backend = new FakeBackend();
    private final QueuedTasks figures = new QueuedTasks();
    private RunQueueViewModel queue;
    private ExperimentPickerViewModel picker;
    private SpectraPane spectra;
    private CovariancePane covariance;

    @Start
    void start(Stage stage) {
        queue = new RunQueueViewModel(backend, new RunStore(home.resolve("runs")), Runnable::run, Runnable::run);
        picker = new ExperimentPickerViewModel(backend, Runnable::run, Runnable::run);
        spectra = new SpectraPane(queue, figures.lane("figures"));
        covariance = new CovariancePane(picker, figures.lane("figures"));
        spectra.setPrefSize(900, 500);
        stage.setScene(new Scene(new VBox(spectra, covariance), 900, 900));
        stage.show();
    }

    /** Draws every queued figure (off the FX thread, as the lane would) and lets the images reach the screen. */
    private void drawQueued() {
        figures.runAll();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Singular values of up to three layers: two, four and two values. */
    private static double[][] spectraAt(int layers, double scale) {
        double[][] all = {{3 * scale, 1}, {2 * scale, scale, 0.5, 0.25}, {1, 0.5}};
        return java.util.Arrays.copyOf(all, layers);
    }

    /** One scripted training that reports its layers and two evaluations with their spectra. */
    private void train(String label, String optimizer, List<String> layers, double scale) {
        queue.enqueue(RunQueueViewModelTest.spec(label, optimizer));
        FakeBackend.Job job = backend.last();
        job.started(new int[] {10, 10, 1, 1}, layers);
        job.evalSpectra(10, spectraAt(layers.size(), scale));
        job.evalSpectra(20, spectraAt(layers.size(), 2 * scale));
        job.end(TrainingBackend.Outcome.COMPLETED, null);
    }

    @Test
    void showsTheChosenLayersSingularValuesOnePanelPerComparedRun(FxRobot robot) {
        List<String> layers = List.of("conv1.weight", "conv2.weight", "fc1.weight");
        robot.interact(() -> {
            train("SGD", "gd:lr=0.05,beta=0.9", layers, 1);
            train("Muon", "muon:lr=0.02", layers, 2);
            queue.compare(List.copyOf(queue.runs()));
        });
        drawQueued();
        assertEquals(layers, spectra.layerChooser().getItems());
        assertEquals("conv2.weight", spectra.layerChooser().getValue(), "the first hidden layer");
        assertTrue(spectra.host().hasImage());
        assertEquals(2, spectra.host().data().panels().size(), "a panel per compared run");
        assertEquals(4, spectra.host().data().panels().get(1).curves().size(), "conv2's four singular values");

        robot.interact(() -> spectra.layerChooser().setValue("fc1.weight"));
        drawQueued();
        assertEquals(2, spectra.host().data().panels().get(0).curves().size(), "fc1 has two");

        // another comparison redraws, keeping the chosen layer
        robot.interact(() -> queue.compare(List.of(queue.runs().get(1))));
        drawQueued();
        assertEquals("fc1.weight", spectra.layerChooser().getValue());
        assertEquals(1, spectra.host().data().panels().size());
    }

    @Test
    void hiddenItDrawsNothingAndCatchesUpWhenShown(FxRobot robot) {
        robot.interact(() -> {
            spectra.activeProperty().set(false);
            train("SGD", "gd:lr=0.05", List.of("fc1.weight", "fc2.weight"), 1);
            queue.compare(List.copyOf(queue.runs()));
        });
        assertEquals(0, figures.pending(), "nothing is drawn while hidden");
        robot.interact(() -> spectra.activeProperty().set(true));
        drawQueued();
        assertEquals("fc1.weight", spectra.layerChooser().getValue(), "two layers: no hidden one, the first");
        assertTrue(spectra.host().hasImage());
    }

    @Test
    void theDataTabDrawsTheCovarianceSpectrumAndItsTopEigenvectors(FxRobot robot) {
        robot.interact(() -> picker.refreshPreview());
        drawQueued();
        assertEquals(1, backend.covarianceCalls);
        assertFalse(picker.covarianceLoadingProperty().get());
        assertEquals(2, covariance.vectors().getChildren().size(), "the fake's two eigenvectors as images");
        assertTrue(covariance.host().hasImage());
        // three positive eigenvalues on the log axis; the zero one is not drawn
        assertEquals(3, covariance.host().data().panels().get(0).curves().get(0).x().length);
    }
}

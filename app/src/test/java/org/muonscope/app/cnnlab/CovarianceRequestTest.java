package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.data.InputCovariance;

/** The Data tab's covariance: computed after the preview, in the background, one at a time, the newest winning. */
class CovarianceRequestTest {
    private final ArrayDeque<Runnable> bg = new ArrayDeque<>();

    /** A backend whose covariance records which seed it was computed for. */
    private static final class Recording extends FakeBackend {
        final java.util.List<Long> seeds = new java.util.ArrayList<>();

        @Override
        public InputCovariance covariance(DatasetChoice data, Experiment experiment, long seed) {
            seeds.add(seed);
            return super.covariance(data, experiment, seed);
        }
    }

    @Test
    void followsThePreviewAndTheNewestRequestWins() {
        Recording backend = new Recording();
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(backend, Runnable::run, bg::add);
        picker.refreshPreview();
        assertEquals(1, bg.size(), "only the preview is queued at first");
        bg.poll().run();
        assertTrue(picker.covarianceLoadingProperty().get(), "the preview is shown, the covariance on its way");
        Runnable first = bg.poll();
        assertTrue(bg.isEmpty());
        // before that job starts, two more settings come in: seed 2, then seed 3; their previews run first
        picker.seedProperty().set(2);
        picker.refreshPreview();
        picker.seedProperty().set(3);
        picker.refreshPreview();
        bg.poll().run();
        bg.poll().run();
        assertTrue(bg.isEmpty(), "one covariance job at a time: the queued one will take the newest request");
        first.run();
        assertEquals(java.util.List.of(3L), backend.seeds, "requests superseded before they started never ran");
        assertFalse(picker.covarianceLoadingProperty().get());
        assertEquals(4, picker.covarianceProperty().get().eigenvalues().length);
        assertTrue(bg.isEmpty());

        // the same data again: the covariance shown is kept, nothing is computed
        picker.refreshPreview();
        bg.poll().run();
        assertTrue(bg.isEmpty());
        assertEquals(1, backend.seeds.size());
    }

    @Test
    void aFailureIsShownAndTriedAgainNextTime() {
        FakeBackend failing = new FakeBackend() {
            int calls;

            @Override
            public InputCovariance covariance(DatasetChoice data, Experiment experiment, long seed) {
                if (calls++ == 0) throw new IllegalStateException("out of memory for a 3072 x 3072 covariance");
                return super.covariance(data, experiment, seed);
            }
        };
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(failing, Runnable::run, bg::add);
        picker.refreshPreview();
        bg.poll().run();
        bg.poll().run();
        assertTrue(picker.covarianceErrorProperty().get().contains("3072"), picker.covarianceErrorProperty().get());
        assertNull(picker.covarianceProperty().get());
        picker.refreshPreview();
        bg.poll().run();
        bg.poll().run();
        assertEquals("", picker.covarianceErrorProperty().get());
        assertEquals(4, picker.covarianceProperty().get().eigenvalues().length);
    }
}

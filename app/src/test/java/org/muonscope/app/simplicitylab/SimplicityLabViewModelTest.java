package org.muonscope.app.simplicitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.support.ManualScheduler;
import org.muonscope.engine.simplicity.DlnExperiment;
import org.muonscope.engine.simplicity.StepSchedule;

/** The view model without a screen: runs on the calling thread, a scheduler the test flushes. */
class SimplicityLabViewModelTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimplicityLabViewModel vm = new SimplicityLabViewModel(Runnable::run, UiExecutor.sameThread(), scheduler);

    private DlnExperiment.Trace specgd() {
        return vm.dlnProperty().get().traces().stream().filter(t -> t.optimizer().kind().equals("specgd")).findFirst().orElseThrow();
    }

    @Test
    void theStepSliderReRunsOnceAndALargerStepOscillatesMore() {
        vm.dlnStepsProperty().set(400);
        vm.specLrProperty().set(0.01);
        assertNull(vm.dlnProperty().get(), "debounced: nothing ran yet");
        scheduler.flush();
        double small = specgd().oscillation()[0];
        assertEquals(0.01, specgd().optimizer().lr(), 0);
        vm.specLrProperty().set(0.03);
        vm.specLrProperty().set(0.04);
        assertEquals(1, scheduler.pending(), "a burst of changes is one re-run");
        scheduler.flush();
        assertEquals(0.04, specgd().optimizer().lr(), 0);
        double big = specgd().oscillation()[0];
        // peak-to-peak ~ 2 eta sqrt(s): four times the step, about four times the swing
        assertEquals(4.0, big / small, 0.8, "oscillation 0.01 -> 0.04: " + small + " -> " + big);
        assertTrue(vm.oscillationProperty().get().contains("specgd"), vm.oscillationProperty().get());
        assertEquals(400, vm.dlnAnimation().maxStepProperty().get(), 0);
    }

    @Test
    void aDecayingScheduleIsPassedToTheEngine() {
        vm.dlnStepsProperty().set(200);
        vm.scheduleProperty().set(StepSchedule.parse("cosine"));
        scheduler.flush();
        assertEquals(StepSchedule.Kind.COSINE, vm.dlnProperty().get().spec().schedule().kind());
    }

    @Test
    void badSingularValuesNameTheFieldAndDoNotRun() {
        vm.singularValuesProperty().set("2, x");
        scheduler.flush();
        assertTrue(vm.errorProperty().get().startsWith("singular-values"), vm.errorProperty().get());
        assertNull(vm.dlnProperty().get());
        vm.singularValuesProperty().set("3 1 0.5");
        vm.dlnStepsProperty().set(50);
        scheduler.flush();
        assertEquals("", vm.errorProperty().get());
        assertEquals(3, vm.dlnProperty().get().targetSingularValues().length);
    }

    @Test
    void presetsLoadTheFiguresAndRoutingRunsGdBesideSpecGd() {
        vm.loadPreset("simplicity-figure1");
        assertNotNull(vm.dlnProperty().get());
        assertEquals(1500, vm.dlnProperty().get().spec().steps());
        assertEquals("2.0, 0.5", vm.singularValuesProperty().get());
        vm.routingStepsProperty().set(100);
        vm.runRouting();
        assertEquals(2, vm.routingProperty().get().traces().size());
        assertEquals("gd", vm.routingProperty().get().traces().get(0).optimizer().kind());
        assertEquals("specgd", vm.routingProperty().get().traces().get(1).optimizer().kind());
        assertTrue(vm.statusProperty().get().contains("unseen"), vm.statusProperty().get());
    }
}

package org.muonscope.app.simplicitylab;

import org.muonscope.engine.optim.OptimizerKind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.support.ManualScheduler;
import org.muonscope.engine.experiments.dln.DlnRun;
import org.muonscope.engine.optim.StepSchedule;

/** The view model without a screen: runs on the calling thread, a scheduler the test flushes. */
class SimplicityLabViewModelTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimplicityLabViewModel vm = new SimplicityLabViewModel(Runnable::run, UiExecutor.sameThread(), scheduler);

    private DlnRun.Trace specgd() {
        return vm.dlnProperty().get().traces().stream().filter(t -> t.optimizer().kind() == OptimizerKind.SPECGD).findFirst().orElseThrow();
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
        assertEquals("gd", vm.routingProperty().get().traces().get(0).optimizer().kind().id());
        assertEquals("specgd", vm.routingProperty().get().traces().get(1).optimizer().kind().id());
        assertTrue(vm.statusProperty().get().contains("unseen"), vm.statusProperty().get());
    }

    @Test
    void routingStreamsPartialResultsThatArePrefixesOfTheFinalOne() {
        vm.routingStepsProperty().set(120);
        java.util.List<org.muonscope.engine.experiments.routing.RoutingRun> seen = new java.util.ArrayList<>();
        java.util.List<Boolean> live = new java.util.ArrayList<>();
        java.util.List<Double> cursors = new java.util.ArrayList<>();
        vm.routingProperty().addListener((o, a, b) -> {
            seen.add(b);
            live.add(vm.routingLiveProperty().get());
            cursors.add(vm.routingAnimation().cursor());
        });
        vm.runRouting();
        var full = vm.routingProperty().get();
        assertTrue(seen.size() > 2, "partial results arrived before the end: " + seen.size());
        assertEquals(full, seen.get(seen.size() - 1));
        assertTrue(!vm.routingLiveProperty().get() && !live.get(live.size() - 1) && live.get(0));
        // every partial trace is a prefix of the final trace (same record objects), GD and SpecGD side by side
        var mid = seen.get(seen.size() / 2);
        assertEquals(2, mid.traces().size(), "both optimizers stream together");
        for (int i = 0; i < 2; i++) {
            var part = mid.traces().get(i).points();
            var all = full.traces().get(i).points();
            assertTrue(part.size() < all.size());
            for (int k = 0; k < part.size(); k++) assertEquals(all.get(k).step(), part.get(k).step());
            assertArrayEquals(all.get(part.size() - 1).hiddenSpectrum(), part.get(part.size() - 1).hiddenSpectrum(), 0);
        }
        // while live the cursor trails the newest record by one drain (set right after each partial result)
        assertTrue(cursors.get(seen.size() / 2) > 0 && cursors.get(seen.size() / 2) < 120, cursors.toString());
        assertEquals(120, vm.routingAnimation().cursor(), 0, "done: shows the whole run");
    }

    @Test
    void aFastRunQueuesOneDrainOnTheUiThreadNotOnePerRecord() {
        java.util.List<Runnable> uiQueue = new java.util.ArrayList<>();
        SimplicityLabViewModel held = new SimplicityLabViewModel(Runnable::run, uiQueue::add, scheduler);
        held.routingStepsProperty().set(120);
        held.runRouting();
        // the run made 2 x 61 records while the UI thread was busy: one drain pending plus the end-of-run task
        assertEquals(2, uiQueue.size());
        uiQueue.forEach(Runnable::run);
        assertEquals(1, held.lastRoutingStream().drains(), "one partial result carried all 122 records");
        assertEquals(61, held.routingProperty().get().traces().get(1).points().size());
        assertNull(held.routingProperty().get().traces().get(1).message(), "the final result replaced the partial one");
    }
}

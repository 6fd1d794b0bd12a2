package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.support.FakeEngine;
import org.muonscope.app.support.ManualScheduler;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;

/** The view model without a screen: a fake engine on the calling thread and a scheduler the test flushes. */
class TheoryLabViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final TheoryLabViewModel vm = new TheoryLabViewModel(engine, UiExecutor.sameThread(), scheduler);

    @Test
    void changingPriorsReRunsWithTheNewNormalizedPriors() {
        vm.setPrior(2, 0.5);
        assertEquals(0, engine.started.size(), "debounced: nothing runs before the quiet period");
        scheduler.flush();
        assertEquals(1, engine.started.size());
        TheorySpec s = engine.started.get(0);
        assertEquals(0.5, s.priors()[2], 1e-12);
        double sum = 0;
        for (double p : s.priors()) sum += p;
        assertEquals(1, sum, 1e-12);
        RunData d = vm.dataProperty().get();
        assertTrue(d.isFinished());
        assertEquals(4, d.slots().size());
        assertEquals(snapshots(s), d.slot(0).snapshots().size());
        assertTrue(s.steps() / s.every() <= TheoryLabViewModel.MAX_SNAPSHOTS);
    }

    /** Steps 0, every, 2 every, ... and the last step. */
    static int snapshots(TheorySpec s) {
        return s.steps() / s.every() + 1 + (s.steps() % s.every() == 0 ? 0 : 1);
    }

    @Test
    void aBurstOfChangesRunsOnce() {
        vm.muProperty().set(2);
        vm.sigmaProperty().set(0.5);
        vm.classesProperty().set(5);
        vm.depthProperty().set(2);
        scheduler.flush();
        assertEquals(1, engine.started.size());
        TheorySpec s = engine.started.get(0);
        assertEquals(5, s.classes());
        assertEquals(2, s.depth());
        assertEquals(1e-3, s.init(), 0, "a deep model from init 0 gets the small default init");
        assertEquals(16.0, vm.snr(), 1e-12);
    }

    @Test
    void aNewRunCancelsTheOneInFlightAndIgnoresItsLateEvents() {
        engine.hold = true;
        vm.runNow();
        RunData first = vm.dataProperty().get();
        vm.muProperty().set(4);
        scheduler.flush();
        assertEquals(List.of(true, false), engine.cancelled);
        engine.finishAll();
        assertTrue(first.slot(0).snapshots().isEmpty(), "the cancelled run's events never reach the view");
        assertEquals(4, vm.dataProperty().get().spec().mu());
        assertTrue(vm.dataProperty().get().isFinished());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void divergenceIsAMessageOnThatOptimizerNotACrash() {
        vm.optimizers().get(1).lrProperty().set(50);
        scheduler.flush();
        RunData d = vm.dataProperty().get();
        assertTrue(d.slot(1).diverged());
        assertFalse(d.slot(0).diverged());
        assertTrue(vm.statusProperty().get().contains("ngd diverged"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().matches(".*at step \\d+.*"), "the step is named: " + vm.statusProperty().get());
    }

    @Test
    void aBadSettingNamesTheFieldAndDoesNotRun() {
        vm.dimProperty().set(2); // fewer dimensions than the 3 classes
        scheduler.flush();
        assertEquals(0, engine.started.size());
        assertTrue(vm.errorProperty().get().startsWith("dim"), vm.errorProperty().get());
        assertNull(vm.buildSpec());
        vm.dimProperty().set(10);
        scheduler.flush();
        assertEquals(1, engine.started.size());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void priorPresetsFollowClassesAndRatio() {
        vm.priorPresetProperty().set(TheoryLabViewModel.PriorPreset.LONG_TAIL);
        vm.ratioProperty().set(20);
        vm.classesProperty().set(10);
        double[] p = vm.priorsProperty().get();
        assertEquals(10, p.length);
        assertEquals(20, p[0] / p[9], 1e-9);
        vm.setPrior(0, 0.3);
        assertEquals(TheoryLabViewModel.PriorPreset.CUSTOM, vm.priorPresetProperty().get(), "a hand edit makes the priors custom");
    }

    @Test
    void repeatedKindsGetNumberedLabels() {
        vm.optimizers().add(OptimizerRow.of("gd:lr=0.01"));
        scheduler.flush();
        assertEquals(List.of("gd", "ngd", "specgd", "muon", "gd#2"),
                vm.dataProperty().get().slots().stream().map(RunData.Slot::label).toList());
    }

    @Test
    void sessionRoundTripsThroughJson() throws Exception {
        vm.setPriors(new double[] {5, 3, 1, 1});
        vm.depthProperty().set(3);
        vm.modeKindProperty().set(DataMode.Kind.BATCH);
        vm.samplesProperty().set(500);
        vm.batchProperty().set(32);
        OptimizerRow muon = vm.optimizers().get(3);
        muon.set(muon.toSpec().with(java.util.Map.of("ns", 7, "wd", 0.01, "alr", 0.003, "beta1", 0.8, "eps", 1e-6, "edges", false)));
        vm.optimizers().get(3).colorProperty().set("#123456");
        vm.optimizers().get(0).enabledProperty().set(false);
        vm.darkProperty().set(true);
        String json = vm.toSession().toJson();

        TheoryLabViewModel other = new TheoryLabViewModel(engine, UiExecutor.sameThread(), scheduler);
        other.apply(Session.parse(json));
        assertArrayEquals(vm.priorsProperty().get(), other.priorsProperty().get(), 1e-12);
        assertEquals(3, other.depthProperty().get());
        assertEquals(DataMode.Kind.BATCH, other.modeKindProperty().get());
        assertEquals(32, other.batchProperty().get());
        assertEquals(muon.toSpec(), other.optimizers().get(3).toSpec(), "every setting survives the session, wd and alr included");
        assertEquals(7, ((org.muonscope.engine.optim.MuonSettings) other.optimizers().get(3).toSpec()).ns());
        assertEquals("#123456", other.optimizers().get(3).colorProperty().get());
        assertFalse(other.optimizers().get(0).enabledProperty().get());
        assertTrue(other.darkProperty().get());
        TheorySpec ran = engine.started.get(engine.started.size() - 1);
        assertEquals(3, ran.optimizers().size(), "the disabled optimizer does not run");
        assertEquals(new DataMode(DataMode.Kind.BATCH, 500, 32), ran.mode());
    }

    @Test
    void everyPresetLoadsAndValidates() throws Exception {
        List<String> errors = new ArrayList<>();
        List<Session> all = Presets.all(errors);
        assertEquals(List.of(), errors);
        assertEquals(Presets.NAMES.size(), all.size());
        for (Session s : all) {
            vm.apply(s);
            assertEquals("", vm.errorProperty().get(), s.name());
            assertNotNull(vm.dataProperty().get());
            assertFalse(s.description().isEmpty());
        }
        vm.apply(Presets.load("theory-stress"));
        TheorySpec s = engine.started.get(engine.started.size() - 1);
        assertEquals(7, s.optimizers().size());
        assertEquals(10, s.classes());
        assertEquals(2000, s.steps());
    }

    @Test
    void explanationFillsInTheCurrentNumbers() {
        vm.runNow();
        String text = Explanation.of(vm.dataProperty().get(), 1500);
        // minority class 3: t90 = (0.9 w*)^(1/1) / 0.001 = 143 (docs/theory.md)
        assertTrue(text.contains("= 143 for the minority"), text);
        assertTrue(text.contains("At step 1500"), text);
    }

    @Test
    void explanationDoesNotClaimClosedFormsWhereTheyFail() throws Exception {
        vm.apply(Presets.load("theory-overlap"));
        String text = Explanation.of(vm.dataProperty().get(), 100);
        assertTrue(text.contains("no per-class formula"), text);
        assertFalse(text.contains("t_90 = (0.9 w*)"), "SpecGD's t90 formula needs orthogonal means: " + text);
        assertTrue(text.contains("off-diagonal mass"), text);
    }

    @Test
    void theSettingsSheetShowsEverySettingOfTheKindAndRefusesABadValue() throws Exception {
        // a control needs the toolkit; this test must not depend on another having started it
        org.testfx.api.FxToolkit.registerPrimaryStage();
        OptimizerRow row = OptimizerRow.of("muon:lr=0.01");
        org.muonscope.app.common.SettingsSheet sheet = new org.muonscope.app.common.SettingsSheet(row.settingsProperty());
        sheet.set("beta", 0.9);
        assertEquals(0.9, ((org.muonscope.engine.optim.MuonSettings) row.toSpec()).beta());
        sheet.set("beta", 1.5);
        assertTrue(sheet.error().contains("muon.beta"), sheet.error());
        assertEquals(0.9, ((org.muonscope.engine.optim.MuonSettings) row.toSpec()).beta(), "a refused value is not taken");
        row.lrProperty().set(0.05);
        assertEquals(0.05, row.toSpec().lr(), "the quick step-size field edits the same record");
        row.changeKind(org.muonscope.engine.optim.OptimizerKind.ADAM);
        assertEquals(org.muonscope.engine.optim.OptimizerSettings.parse("adam:lr=0.05"), row.toSpec(),
                "another kind starts from its defaults, keeping the step size");
    }

    @Test
    void aSessionBuildsTheSameSpecAsTheLabThatOpensIt() throws Exception {
        // lessons run presets without a lab: the spec must be the one the lab would run, field for field
        for (String name : Presets.NAMES) {
            Session s = Presets.load(name);
            vm.apply(s);
            assertEquals(org.muonscope.engine.io.SpecCodec.toJson(vm.buildSpec()),
                    org.muonscope.engine.io.SpecCodec.toJson(s.toSpec()), name);
        }
    }
}

package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CnnPresetTest {
    @Test
    void everyBundledPresetLoadsAndEveryPresetFileIsListed() throws IOException {
        List<CnnPreset> presets = CnnPreset.loadBundled();
        assertEquals(CnnPreset.BUNDLED.size(), presets.size());
        try (Stream<Path> files = Files.list(Path.of("../assets/presets"))) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cnn-") && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(CnnPreset.BUNDLED.stream().sorted().toList(), ids, "assets/presets/cnn-*.json and CnnPreset.BUNDLED agree");
        }
        for (CnnPreset p : presets) {
            assertFalse(p.optimizers().isEmpty(), p.id());
            for (String text : p.optimizers().values()) org.muonscope.engine.optim.OptimizerSettings.parse(text);
            org.muonscope.engine.model.cnn.Init.parse(p.init());
        }
    }

    @Test
    void theSpuriousPixelPresetsUseThePapersGaussianInitAndItReachesTheEngine() throws IOException {
        for (CnnPreset p : CnnPreset.loadBundled()) {
            boolean spurious = p.experiment().kind() == Experiment.Kind.SPURIOUS_PIXEL;
            // docs/theory.md section 3: the spurious-pixel CNN starts from N(0, 0.01^2); the other experiments keep the default
            assertEquals(spurious ? "gaussian:0.01" : "default", p.init(), p.id());
        }
        CnnPreset pixel = CnnPreset.loadBundled().stream().filter(x -> x.id().equals("cnn-spurious-pixel")).findFirst().orElseThrow();
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, Runnable::run);
        assertEquals("default", picker.initProperty().get());
        picker.apply(pixel);
        LabRunSpec s = picker.specs().get(0);
        assertEquals("gaussian:0.01", s.init());
        assertTrue(s.toCommandLine().endsWith(" --init gaussian:0.01"), s.toCommandLine());
        assertEquals("gaussian", EngineBackend.toEngine(s).init().kind());
        assertEquals(0.01, EngineBackend.toEngine(s).init().std(), 0);
        LabRunSpec back = RunStore.specFromJson(RunStore.specToJson(s));
        assertEquals(s, back, "lab-run.json keeps the init");
        com.fasterxml.jackson.databind.node.ObjectNode old = RunStore.specToJson(s);
        old.remove("init");
        assertEquals("default", RunStore.specFromJson(old).init(), "folders saved before the init was recorded");
        picker.initProperty().set("gaussian:-1");
        assertThrowsSpec(picker);
        assertTrue(picker.errorProperty().get().contains("std"), picker.errorProperty().get());
    }

    @Test
    void applyingASweepPresetSetsThePickerAndTicksOnlyItsOptimizers() throws IOException {
        CnnPreset p = CnnPreset.loadBundled().stream().filter(x -> x.id().equals("cnn-sweep-imbalance")).findFirst().orElseThrow();
        assertTrue(p.isSweep());
        assertEquals(List.of(1.0, 5.0, 10.0, 20.0, 50.0), p.sweepValues());
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, Runnable::run);
        picker.apply(p);
        List<LabRunSpec> specs = picker.specs();
        assertEquals(List.of("SGD", "Muon"), specs.stream().map(LabRunSpec::optimizerLabel).toList());
        assertEquals(new Experiment(Experiment.Kind.STEP_IMBALANCE, 20), specs.get(0).experiment());
        assertEquals("muon:lr=0.02", specs.get(1).optimizer().toText(), "beta 0.95 and Nesterov are Muon's defaults");
    }

    @Test
    void pickerReportsABadValueAndMissingOptimizers() {
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, Runnable::run);
        picker.kindProperty().set(Experiment.Kind.SPURIOUS_PIXEL);
        assertEquals("1", picker.valueTextProperty().get(), "the kind's default value");
        picker.valueTextProperty().set("-2");
        assertThrowsSpec(picker);
        assertTrue(picker.errorProperty().get().contains("I"), picker.errorProperty().get());
        picker.valueTextProperty().set("2");
        picker.optimizers().forEach(c -> c.selectedProperty().set(false));
        assertThrowsSpec(picker);
        assertTrue(picker.errorProperty().get().contains("optimizer"));
    }

    @Test
    void previewIsLoadedInTheBackgroundAndAStaleOneIsDropped() {
        java.util.ArrayDeque<Runnable> bg = new java.util.ArrayDeque<>();
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, bg::add);
        picker.refreshPreview();
        picker.refreshPreview();
        assertTrue(picker.previewLoadingProperty().get());
        assertEquals(2, bg.size());
        bg.poll().run();
        assertEquals(null, picker.previewProperty().get(), "the first request was superseded");
        bg.poll().run();
        assertFalse(picker.previewLoadingProperty().get());
        assertEquals(4, picker.previewProperty().get().trainCounts().length);
    }

    private static void assertThrowsSpec(ExperimentPickerViewModel picker) {
        org.junit.jupiter.api.Assertions.assertThrows(org.muonscope.engine.SpecException.class, picker::specs);
    }
}

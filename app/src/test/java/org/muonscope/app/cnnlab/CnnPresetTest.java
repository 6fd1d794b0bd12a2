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
            for (String text : p.optimizers().values()) org.muonscope.engine.optim.OptimizerSpec.parse(text);
        }
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

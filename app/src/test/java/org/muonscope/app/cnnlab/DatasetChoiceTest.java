package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

/** The lab's data and model choices say what {@code muonscope cnn} says, for every kind the engine reads. */
class DatasetChoiceTest {
    @Test
    void everyChoiceRoundTripsThroughTheCommandLineText() {
        for (DatasetChoice d : new DatasetChoice[] {DatasetChoice.BUNDLED, DatasetChoice.fashionSystem(),
                new DatasetChoice(DatasetChoice.Kind.MNIST_DIR, Path.of("/data/mnist")),
                new DatasetChoice(DatasetChoice.Kind.CIFAR_DIR, Path.of("/data/cifar-10-batches-bin")),
                new DatasetChoice(DatasetChoice.Kind.CIFAR100_DIR, Path.of("/data/cifar-100-binary"))}) {
            assertEquals(d, DatasetChoice.parse(d.toCliText()), d.toCliText());
        }
        assertEquals("cifar100:/data/c", new DatasetChoice(DatasetChoice.Kind.CIFAR100_DIR, Path.of("/data/c")).toCliText());
        assertEquals(DatasetChoice.Kind.CIFAR_DIR, DatasetChoice.parse("cifar10:/d").kind(), "the engine's alias");
    }

    @Test
    void theLabOffersTheEnginesModelsAndRefusesOthers() {
        LabRunSpec r = new LabRunSpec(DatasetChoice.BUNDLED, Experiment.PLAIN, "resnet20", "Adam",
                OptimizerSettings.parse("adam:lr=0.001"), 1, 32, 10, 1, 2);
        assertEquals("resnet20", EngineBackend.toEngine(r).model());
        SpecException e = assertThrows(SpecException.class, () -> new LabRunSpec(DatasetChoice.BUNDLED, Experiment.PLAIN,
                "vgg", "Adam", OptimizerSettings.parse("adam:lr=0.001"), 1, 32, 10, 1, 2));
        assertEquals("model: expected one of paper-cnn, mlp, resnet20, got vgg", e.getMessage());
    }
}

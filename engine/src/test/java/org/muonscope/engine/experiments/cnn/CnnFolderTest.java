package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;

class CnnFolderTest {
    @TempDir
    Path dir;

    @Test
    void spuriousRunWritesCleanAndSpuriousColumnsAndAllFiles() throws IOException {
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("adam")), 1, 50, "step:4", 3.0, Double.NaN,
                0, 1, 2, new Init("default", 0), 300, 100);
        RunResult r = Experiments.cnn().run(s, CnnData.prepare(s, DataSources.bundled()), null, null, RunContext.of("t"));
        Experiments.write(r, dir);
        List<String> m = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("optimizer,step,epoch,images,seconds,train_loss,test_accuracy,balanced_accuracy,"
                + "worst_class_accuracy,clean_accuracy,spurious_accuracy", m.get(0));
        assertEquals(2, m.size());
        assertEquals(11, m.get(1).split(",", -1).length);
        List<String> c = Files.readAllLines(dir.resolve("class_accuracy.csv"));
        assertEquals("optimizer,step,class,accuracy", c.get(0));
        assertEquals(11, c.size());
        String spec = Files.readString(dir.resolve("spec.json"));
        assertTrue(spec.contains("\"imbalance\" : \"step:4\""), spec);
        assertTrue(Files.readString(dir.resolve("provenance.json")).contains("\"seed\" : 2"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void coloredRunWritesWorstGroupAndGroupFile() throws IOException {
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("gd:lr=0.1")), 1, 50, "none", 0, 0.9, 0,
                1, 2, new Init("default", 0), 200, 100);
        RunResult r = Experiments.cnn().run(s, CnnData.prepare(s, DataSources.bundled()), null, null, RunContext.of("t"));
        Experiments.write(r, dir);
        List<String> m = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(m.get(0).endsWith(",worst_class_accuracy,worst_group_accuracy"), m.get(0));
        List<String> g = Files.readAllLines(dir.resolve("group_accuracy.csv"));
        assertEquals(5, g.size(), "header and the 4 (label, color) groups");
    }
}

package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
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
    void spectraWriteTheirFilesAndReadBackExactly() throws IOException {
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("gd:lr=0.05,beta=0.9"), OptimizerSettings.parse("muon")),
                1, 50, "step:4", 0, Double.NaN, 2, 1, 2, new Init("default", 0), 200, 100);
        RunResult r = Experiments.cnn().run(s, CnnData.prepare(s, DataSources.bundled()), null, null, RunContext.of("t"));
        Experiments.write(r, dir);
        List<String> spectra = Files.readAllLines(dir.resolve("spectra.csv"));
        assertEquals("optimizer,step,layer,index,value", spectra.get(0));
        // the MLP's matrices: fc1 256 x 784, fc2 128 x 256, fc3 10 x 128, so 256 + 128 + 10 values per evaluation
        int evals = r.optimizers().get(0).records().size() + r.optimizers().get(1).records().size();
        assertEquals(1 + evals * (256 + 128 + 10), spectra.size());
        assertTrue(spectra.get(1).startsWith("gd,2,fc1.weight,1,"), spectra.get(1));
        List<String> ranks = Files.readAllLines(dir.resolve("layer_rank.csv"));
        assertEquals("optimizer,step,layer,effective_rank", ranks.get(0));
        assertEquals(1 + evals * 3, ranks.size());
        assertTrue(ranks.get(3).startsWith("gd,2,fc3.weight,"), ranks.get(3));

        RunResult back = Experiments.read(dir);
        assertEquals(List.of("fc1.weight", "fc2.weight", "fc3.weight"), List.of(back.info().texts(CnnFields.LAYERS)));
        for (int o = 0; o < 2; o++) {
            for (int k = 0; k < r.optimizers().get(o).records().size(); k++) {
                Values a = r.optimizers().get(o).records().get(k).values(), b = back.optimizers().get(o).records().get(k).values();
                assertTrue(Arrays.deepEquals(a.matrix(CnnFields.SINGULAR_VALUES), b.matrix(CnnFields.SINGULAR_VALUES)), "bit for bit");
                assertArrayEquals(a.vector(CnnFields.LAYER_EFFECTIVE_RANK), b.vector(CnnFields.LAYER_EFFECTIVE_RANK), 0.0);
            }
        }
    }

    @Test
    void aFolderWrittenBeforeTheSpectraReadsWithoutThem() throws IOException, URISyntaxException {
        RunResult old = Experiments.read(Path.of(CnnFolderTest.class.getResource("/legacy/cnn-col").toURI()));
        assertTrue(old.optimizers().get(0).records().size() > 0);
        for (var o : old.optimizers()) {
            for (var rec : o.records()) {
                assertNull(rec.values().matrix(CnnFields.SINGULAR_VALUES));
                assertNull(rec.values().vector(CnnFields.LAYER_EFFECTIVE_RANK));
            }
        }
        assertNull(old.info().texts(CnnFields.LAYERS));
        // and written again it stays without the spectra files
        Experiments.write(old, dir);
        assertFalse(Files.exists(dir.resolve("spectra.csv")) || Files.exists(dir.resolve("layer_rank.csv")));
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

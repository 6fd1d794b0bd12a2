package org.muonscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.junit.jupiter.api.io.TempDir;

/** {@code muonscope cnn} in-process on the bundled subset (small limits: seconds). */
class CnnCommandTest {
    @Test
    void writesTheRunFilesAndPrintsImagesPerSecondPerOptimizer(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run("cnn", "--data", "bundled", "--model", "mlp", "--optimizer", "sgd:lr=0.05,beta=0.9",
                "--optimizer", "adam", "--train-limit", "200", "--test-limit", "100", "--batch", "50", "--eval-every", "2",
                "--imbalance", "step:2", "--quiet", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).startsWith("gd:lr=0.05,beta=0.9") && lines.get(0).contains("images/s"), o.out());
        assertTrue(lines.get(1).startsWith("adam") && lines.get(1).contains("completed"), o.out());
        for (String f : List.of("metrics.csv", "class_accuracy.csv", "spec.json", "provenance.json", "summary.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // step:2 keeps 100 + 5 * 10 = 150 of the first 200 (20 per class): 3 steps of 50, evals at 2 and 3
        List<String> m = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(1 + 2 * 2, m.size(), String.join("\n", m));
        CnnSpec spec = (CnnSpec) SpecCodec.read(out.resolve("spec.json"), ExperimentKind.CNN);
        assertEquals(OptimizerSettings.parse("gd:lr=0.05,beta=0.9"), spec.optimizers().get(0), "sgd is gd with momentum");
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/optimizer-1.ckpt")));
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFieldOrFile(@TempDir Path dir) throws IOException {
        String out = dir.resolve("o").toString();
        CliTest.assertBadInput("imbalance", "cnn", "--data", "bundled", "--imbalance", "step:x", "--out", out);
        CliTest.assertBadInput("model", "cnn", "--data", "bundled", "--model", "resnet", "--out", out);
        CliTest.assertBadInput("adam.beta", "cnn", "--data", "bundled", "--optimizer", "adam:beta=0.9", "--out", out);
        CliTest.assertBadInput("colored", "cnn", "--data", "bundled", "--colored", "1.5", "--out", out);
        Path bad = Files.createDirectories(dir.resolve("idx"));
        Files.write(bad.resolve("train-images-idx3-ubyte"), new byte[]{0, 0, 8, 1, 0, 0, 0, 0});
        for (String f : List.of("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.write(bad.resolve(f), new byte[8]);
        }
        CliTest.assertBadInput("train-images-idx3-ubyte", "cnn", "--data", bad.toString(), "--out", out);
    }

    @Test
    void badCifar100FileOrRefreshExitsTwoBeforeTraining(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("c100"));
        Files.write(data.resolve("train.bin"), new byte[3074 * 2 - 5]);
        Files.write(data.resolve("test.bin"), new byte[3074]);
        Path out = dir.resolve("o");
        CliTest.assertBadInput("train.bin", "cnn", "--data", "cifar100:" + data, "--out", out.toString());
        assertTrue(!Files.exists(out.resolve("metrics.csv")), "nothing trained");
        CliTest.assertBadInput("shampoo.refresh", "cnn", "--data", "bundled", "--optimizer", "shampoo:refresh=0",
                "--out", out.toString());
    }

    @Test
    void resnet20TrainsOnGeneratedCifar100(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("c100"));
        java.util.Random r = new java.util.Random(3);
        for (String f : List.of("train.bin", "test.bin")) {
            byte[] b = new byte[3074 * 40];
            r.nextBytes(b);
            for (int i = 0; i < 40; i++) {
                b[i * 3074] = (byte) (i % 20);
                b[i * 3074 + 1] = (byte) (i % 100);
            }
            Files.write(data.resolve(f), b);
        }
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run("cnn", "--data", "cifar100:" + data, "--model", "resnet20", "--optimizer",
                "muon:lr=0.02", "--optimizer", "shampoo:lr=0.001,refresh=2", "--batch", "20", "--quiet", "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("muon:lr=0.02") && o.out().contains("shampoo:lr=0.001,refresh=2"), o.out());
        assertTrue(Files.readString(out.resolve("spec.json")).contains("\"resnet20\""));
        assertEquals(1 + 100, Files.readAllLines(out.resolve("classes.csv")).size(), "100 fine classes");
    }
}

package org.muonscope.app.cnnlab.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/** A folder written by the engine's own results writer reads back into the figures' data unchanged. */
class CnnRunFolderTest {
    @TempDir Path dir;

    private static Record eval(String opt, int slot, long step, double clean, double... cls) {
        double mean = 0, worst = 1;
        for (double a : cls) {
            mean += a / cls.length;
            worst = Math.min(worst, a);
        }
        // a 3-class confusion matrix of 10 test images per class whose diagonal is the given accuracy
        double[][] m = new double[cls.length][cls.length];
        for (int t = 0; t < cls.length; t++) {
            m[t][t] = (int) Math.round(10 * cls[t]);
            m[t][(t + 1) % cls.length] = 10 - m[t][t];
        }
        return new Record(opt, slot, step, Values.builder().put(CnnFields.EPOCH, 0).put(CnnFields.IMAGES, step * 64)
                .put(CnnFields.SECONDS, step * 0.1).put(CnnFields.TRAIN_LOSS, 1.0 / step).put(CnnFields.TEST_ACCURACY, mean)
                .put(CnnFields.BALANCED_ACCURACY, mean).put(CnnFields.WORST_CLASS_ACCURACY, worst)
                .put(CnnFields.CLEAN_ACCURACY, clean).put(CnnFields.SPURIOUS_ACCURACY, 1.0)
                .put(CnnFields.CLASS_ACCURACY, cls).put(CnnFields.CONFUSION, m).build());
    }

    @Test
    void readsTheConfusionMatrixAndTheHeatMapShowsIt() throws Exception {
        writeSpuriousRun();
        List<CnnRunData> runs = CnnRunFolder.read(dir);
        EvalPoint p = runs.get(1).history().get(1);
        assertArrayEquals(new int[] {7, 3, 0}, p.confusion()[0]);
        assertArrayEquals(new int[] {0, 8, 2}, p.confusion()[1]);
        assertArrayEquals(new int[] {4, 0, 6}, p.confusion()[2]);
        var names = CnnFigureSet.build(runs.get(1), List.of(), 4).stream().map(CnnFigureSet.Figure::name).toList();
        assertTrue(names.contains("confusion") && !names.contains("class-heatmap"), names.toString());
        String csv = CnnFigureSet.byName(CnnFigureSet.build(runs.get(1), List.of(), 4)).get("confusion").csv();
        assertTrue(csv.contains("muon,4,2,0,4\n"), csv);
    }

    @Test
    void aFolderWithoutConfusionCsvFallsBackToTheClassHeatMap() throws Exception {
        writeSpuriousRun();
        Files.delete(dir.resolve("confusion.csv"));
        List<CnnRunData> runs = CnnRunFolder.read(dir);
        assertEquals(null, runs.get(0).history().get(0).confusion());
        var names = CnnFigureSet.build(runs.get(1), List.of(), 4).stream().map(CnnFigureSet.Figure::name).toList();
        assertTrue(names.contains("class-heatmap"), names.toString());
    }

    private void writeSpuriousRun() {
        List<OptimizerSettings> opts = List.of(OptimizerSettings.parse("gd:lr=0.05,beta=0.9"), OptimizerSettings.parse("muon:lr=0.02"));
        CnnSpec spec = new CnnSpec("bundled", "paper-cnn", opts, 1, 64, "none", 2.0, Double.NaN, 2, 2, 1, new Init("default", 0), 0, 0);
        OptimizerResult sgd = new OptimizerResult("gd", 0, opts.get(0), Status.COMPLETED, null,
                List.of(eval("gd", 0, 2, 0.2, 0.1, 0.3, 0.2), eval("gd", 0, 4, 0.25, 0.2, 0.4, 0.15)), summary(0.4));
        OptimizerResult muon = new OptimizerResult("muon", 1, opts.get(1), Status.COMPLETED, null,
                List.of(eval("muon", 1, 2, 0.5, 0.5, 0.6, 0.4), eval("muon", 1, 4, 0.7, 0.7, 0.8, 0.6)), summary(0.5));
        RunProvenance prov = new RunProvenance("test", "17", "linux", "amd64", 2, "now", 1, "test");
        Experiments.write(new RunResult(spec, prov, List.of(sgd, muon),
                Values.builder().put(CnnFields.DATA_SOURCE, "bundled").build()), dir);
    }

    private static Values summary(double seconds) {
        return Values.builder().put(CnnFields.STEPS, 4).put(CnnFields.IMAGES, 256).put(CnnFields.SECONDS, seconds)
                .put(CnnFields.IMAGES_PER_SECOND, 256 / seconds).build();
    }

    @Test
    void readsEveryOptimizerWithItsPerClassAccuracyAndSpuriousColumns() throws Exception {
        writeSpuriousRun();
        assertTrue(CnnRunFolder.isCnnRun(dir));
        List<CnnRunData> runs = CnnRunFolder.read(dir);
        assertEquals(List.of("gd", "muon"), runs.stream().map(CnnRunData::label).toList());
        assertEquals("muon", runs.get(1).optimizerKind());
        assertEquals("pixel I=2", runs.get(0).experiment());
        assertEquals(2, runs.get(1).history().size());
        assertArrayEquals(new double[] {0.7, 0.8, 0.6}, runs.get(1).history().get(1).classAccuracy(), 0);
        assertEquals(0.7, runs.get(1).history().get(1).cleanAccuracy(), 0);
        assertEquals(256, runs.get(0).history().get(1).images());
    }

    @Test
    void plotWritesTheNamedFigureOrAllAndRejectsAFigureTheRunLacks() throws Exception {
        writeSpuriousRun();
        Path png = dir.resolve("out.png");
        CnnPlot.write(dir, "clean-vs-spurious", PlotExporter.Format.PNG, 640, 400, png);
        assertEquals(640, javax.imageio.ImageIO.read(png.toFile()).getWidth());
        CnnPlot.write(dir, "all", PlotExporter.Format.SVG, 640, 400, dir.resolve("all"));
        assertTrue(Files.exists(dir.resolve("all/class-accuracy.svg")));
        String csv = Files.readString(dir.resolve("all/clean-vs-spurious.csv"));
        assertTrue(csv.contains("muon,muon,4,0,256,0.400000,0.700000,1.00000"), csv);
        SpecException e = assertThrows(SpecException.class,
                () -> CnnPlot.write(dir, "groups", PlotExporter.Format.PNG, 640, 400, dir.resolve("g.png")));
        assertTrue(e.getMessage().contains("clean-vs-spurious"), e.getMessage());
        assertFalse(CnnRunFolder.isCnnRun(dir.resolve("all")));
    }

    @Test
    void aFolderOfTheEarlierFormatReadsWithEachOptimizersOwnKind() throws Exception {
        // written before the one label rule: labels are settings texts, and a label no kind starts with was once read
        // as gd; the kind now comes from the spec's optimizer in the same slot
        Path legacy = Path.of(getClass().getResource("/legacy/cnn-spur").toURI());
        List<CnnRunData> runs = CnnRunFolder.read(legacy);
        assertEquals(List.of("adam", "signum"), runs.stream().map(CnnRunData::optimizerKind).toList());
        assertEquals(List.of("adam", "signum"), runs.stream().map(CnnRunData::label).toList());
        assertEquals("pixel I=2", runs.get(0).experiment());
        assertTrue(runs.get(1).history().get(0).spuriousAccuracy() >= 0);
        Path renamed = dir.resolve("renamed");
        Files.createDirectories(renamed);
        try (var files = Files.list(legacy)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.toString().endsWith(".csv")) text = text.replace("adam:lr=0.001", "first").replace("signum:lr=0.001", "second");
                Files.writeString(renamed.resolve(f.getFileName()), text);
            }
        }
        assertEquals(List.of("adam", "signum"), CnnRunFolder.read(renamed).stream().map(CnnRunData::optimizerKind).toList());
    }
}

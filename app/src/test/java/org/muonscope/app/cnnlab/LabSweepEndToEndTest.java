package org.muonscope.app.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cli.MuonscopeCommand;
import org.muonscope.app.support.QueuedTasks;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.run.Status;

/**
 * A real sweep from the panel, end to end: the engine trains an MLP on 300 bundled images (2 ratios x SGD and Muon,
 * four cells, a few seconds), the lab's lanes drained by the test. Its folder must be what {@code muonscope sweep}
 * writes for the same grid: the same files, the same {@code sweep.json} and {@code sweep.csv}, and in every cell the
 * same numbers bit for bit (exact text), the wall-clock columns and {@code provenance.json} aside.
 */
class LabSweepEndToEndTest {
    /** Columns that hold wall-clock time, which no two runs share. */
    private static final Set<String> CLOCK = Set.of("seconds", "images_per_second");
    @TempDir Path tmp;

    @Test
    void aSmallLocalSweepWritesWhatMuonscopeSweepWritesAndARerunSkipsEveryCell() throws IOException {
        QueuedTasks tasks = new QueuedTasks();
        ExperimentPickerViewModel picker = new ExperimentPickerViewModel(new FakeBackend(), Runnable::run, Runnable::run);
        picker.kindProperty().set(Experiment.Kind.STEP_IMBALANCE);
        picker.modelProperty().set("mlp");
        picker.epochsProperty().set(1);
        picker.batchProperty().set(50);
        picker.evalEveryProperty().set(2);
        picker.threadsProperty().set(1);
        picker.trainLimitProperty().set(300);
        picker.testLimitProperty().set(100);
        for (OptimizerChoice c : picker.optimizers()) c.selectedProperty().set(List.of("SGD", "Muon").contains(c.label()));
        SweepViewModel sweep = new SweepViewModel(new EngineSweeps(tasks.lane("sweeps")), picker, tmp.resolve("lab"), Runnable::run,
                tasks.lane("cells"));
        sweep.valuesTextProperty().set("1, 5");
        assertTrue(sweep.launch(), sweep.errorProperty().get());
        tasks.runAll(); // the sweep on the local runner, then the reads of its cells as they landed
        assertTrue(sweep.progressProperty().get().startsWith("finished: 4 of 4 cells, on local, "), sweep.progressProperty().get());
        assertTrue(sweep.rows().stream().allMatch(r -> r.status() == Status.COMPLETED), sweep.rows().toString());
        SweepSummary.Chart perOptimizer = sweep.chartsProperty().get().get(1);
        assertEquals(List.of("SGD", "Muon"), perOptimizer.series().stream().map(SweepSummary.Series::name).toList());
        for (SweepSummary.Series s : perOptimizer.series()) assertEquals(List.of(1.0, 5.0), List.of(s.x()[0], s.x()[1]), s.name());
        Path lab = sweep.folderProperty().get();
        assertEquals(tmp.resolve("lab"), lab.getParent());

        Path base = tmp.resolve("base.json");
        Files.writeString(base, "{\"kind\": \"cnn\", \"data\": \"bundled\", \"model\": \"mlp\", \"optimizers\": [\"gd:lr=0.05,beta=0.9\"],"
                + " \"epochs\": 1, \"batch\": 50, \"evalEvery\": 2, \"threads\": 1, \"seed\": 1, \"trainLimit\": 300, \"testLimit\": 100}");
        Path cli = tmp.resolve("cli");
        StringWriter err = new StringWriter();
        assertEquals(0, MuonscopeCommand.run(new String[] {"sweep", "--base", base.toString(), "--vary", "imbalance=step:1,step:5",
                "--vary", "optimizer=gd:lr=0.05,beta=0.9,muon:lr=0.02,beta=0.95,nesterov=true", "--quiet", "--out", cli.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());

        List<String> files = files(cli);
        assertEquals(files, files(lab));
        // a CNN folder: spec, provenance, optimizers, summary, metrics, class accuracy, confusion, classes, spectra, layer rank
        assertEquals(4 * 10 + 2, files.size(), "sweep.json, sweep.csv and four cells of ten files: " + files);
        for (String f : files) {
            if (f.endsWith("provenance.json")) continue;
            if (f.endsWith(".csv")) assertEquals(rows(cli.resolve(f)), rows(lab.resolve(f)), f);
            else assertEquals(Files.readString(cli.resolve(f)), Files.readString(lab.resolve(f)), f);
        }

        assertTrue(sweep.launch());
        tasks.runAll();
        assertTrue(sweep.progressProperty().get().startsWith("finished: 4 of 4 cells, 4 finished before, on local"),
                sweep.progressProperty().get());
        assertEquals(files, files(lab), "nothing rewritten but the table");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** A CSV's cells as text, row by row, without its wall-clock columns. */
    private static List<List<String>> rows(Path file) throws IOException {
        Csv.Table t = Csv.read(file);
        List<List<String>> out = new ArrayList<>();
        out.add(t.header().stream().filter(h -> !CLOCK.contains(h)).toList());
        for (CSVRecord r : t.rows()) {
            List<String> row = new ArrayList<>();
            for (String h : t.header()) if (!CLOCK.contains(h)) row.add(r.get(h));
            out.add(row);
        }
        return out;
    }
}

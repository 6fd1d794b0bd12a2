package org.muonscope.app.cnnlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.SweepTable;

/**
 * A scripted sweep engine: nothing trains; the test decides which cell lands when and how. A landed cell gets a real
 * results folder (the engine's writer, synthetic numbers), so the panel reads it as it reads a real one: four classes,
 * two of 100 training images and two of {@code 100 / R}; evaluations at each tenth of the run (the test's batch is 1,
 * so a run has as many steps as images); at the {@code i}-th, the full classes' accuracy is {@code min(1, 0.1 + 0.2 i)}
 * and the reduced classes' {@code min(1, 0.1 + 10 slope i / R)}.
 */
final class FakeSweeps implements SweepBackend {
    final List<Job> jobs = new ArrayList<>();

    final class Job implements SweepJob {
        final SweepSpec sweep;
        final List<Cell> cells;
        final Path dir;
        final String master;
        final SweepObserver observer;
        final Map<String, CellOutcome> outcomes = new HashMap<>();
        boolean cancelRequested;

        Job(SweepSpec sweep, List<Cell> cells, Path dir, String master, SweepObserver observer) {
            this.sweep = sweep;
            this.cells = cells;
            this.dir = dir;
            this.master = master;
            this.observer = observer;
        }

        @Override
        public void cancel() {
            cancelRequested = true;
        }

        Cell cell(String id) {
            return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no cell " + id));
        }

        void planned(String runner, Cell... skipped) {
            observer.onPlanned(runner, List.of(skipped));
        }

        /** The cell completes with ten evaluations. */
        void land(Cell c, double slope) {
            write(dir.resolve(c.id()), c, Status.COMPLETED, null, 10, slope);
            landed(c, new CellOutcome(c.id(), Status.COMPLETED, null, "fake", 1, true));
        }

        /** The cell diverges after {@code evals} evaluations; its folder is written, as the engine writes a diverged cell's. */
        void diverge(Cell c, int evals, double slope, String message) {
            write(dir.resolve(c.id()), c, Status.DIVERGED, message, evals, slope);
            landed(c, new CellOutcome(c.id(), Status.DIVERGED, message, "fake", 1, true));
        }

        /** The cell failed before writing anything (its data missing on a node, say). */
        void fail(Cell c, String message) {
            landed(c, new CellOutcome(c.id(), Status.FAILED, message, "fake", 0, false));
        }

        /** The cell was running when the sweep was cancelled: it writes nothing. */
        void cancelled(Cell c) {
            landed(c, new CellOutcome(c.id(), Status.CANCELLED, null, "fake", 0, false));
        }

        private void landed(Cell c, CellOutcome o) {
            outcomes.put(c.id(), o);
            observer.onLanded(c, o);
        }

        /** The sweep ends: {@code sweep.csv} is written from the folders, as the engine writes it, cancelled or not. */
        void end(String error) {
            if (error == null) SweepTable.write(sweep, cells, dir, outcomes);
            observer.onEnded(error);
        }
    }

    @Override
    public SweepJob start(SweepSpec sweep, List<Cell> cells, Path dir, String master, SweepObserver observer) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SweepCodec.write(sweep, dir.resolve(SweepCells.FILE));
        Job j = new Job(sweep, cells, dir, master, observer);
        jobs.add(j);
        return j;
    }

    Job last() {
        return jobs.get(jobs.size() - 1);
    }

    /** The accuracy of the reduced classes at the {@code i}-th of ten evaluations. */
    static double minority(int i, double slope, double r) {
        return Math.min(1, 0.1 + 10 * slope * i / r);
    }

    static double majority(int i) {
        return Math.min(1, 0.1 + 0.2 * i);
    }

    private static void write(Path folder, Cell c, Status status, String message, int evals, double slope) {
        CnnSpec spec = (CnnSpec) c.spec();
        Experiment e = Experiment.of(spec);
        double r = e.kind().isImbalance() ? e.value() : 1;
        double[] counts = {100, 100, Math.floor(100 / r), Math.floor(100 / r)};
        long total = (long) (counts[0] + counts[1] + counts[2] + counts[3]) * spec.epochs() / spec.batch();
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= evals; i++) {
            long step = Math.round(i * total / 10.0);
            double[] acc = {majority(i), majority(i), minority(i, slope, r), minority(i, slope, r)};
            double mean = (acc[0] + acc[1] + acc[2] + acc[3]) / 4, worst = Math.min(acc[0], acc[2]);
            double[][] confusion = new double[4][4];
            for (int k = 0; k < 4; k++) {
                confusion[k][k] = Math.round(10 * acc[k]);
                confusion[k][(k + 1) % 4] = 10 - confusion[k][k];
            }
            records.add(new Record("x", 0, step, Values.builder().put(CnnFields.EPOCH, 0).put(CnnFields.IMAGES, step)
                    .put(CnnFields.SECONDS, step / 100.0).put(CnnFields.TRAIN_LOSS, 1.0 / (1 + i)).put(CnnFields.TEST_ACCURACY, mean)
                    .put(CnnFields.BALANCED_ACCURACY, mean).put(CnnFields.WORST_CLASS_ACCURACY, worst)
                    .put(CnnFields.CLASS_ACCURACY, acc).put(CnnFields.CONFUSION, confusion).build()));
        }
        String label = spec.labels().get(0);
        records.replaceAll(x -> new Record(label, 0, x.step(), x.values()));
        Values summary = Values.builder().put(CnnFields.STEPS, records.isEmpty() ? 0 : records.get(records.size() - 1).step())
                .put(CnnFields.IMAGES, 0).put(CnnFields.SECONDS, 1).put(CnnFields.IMAGES_PER_SECOND, 0)
                .put(CnnFields.FINAL_TEST_ACCURACY, Double.NaN).build();
        OptimizerResult o = new OptimizerResult(label, 0, spec.optimizers().get(0), status, message, records, summary);
        Values info = Values.builder().put(CnnFields.DATA_SOURCE, "bundled").put(CnnFields.CLASS_COUNTS, counts).build();
        Experiments.write(new RunResult(spec, RunProvenance.capture(spec.seed(), "fake sweep"), List.of(o), info), folder);
    }
}

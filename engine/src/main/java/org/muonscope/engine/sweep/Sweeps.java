package org.muonscope.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.muonscope.engine.io.IoErrors;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Status;

/**
 * Runs a sweep into a folder: {@code sweep.json} (the sweep as run), one ordinary results folder per cell, and
 * {@code sweep.csv}. Cells already finished in the folder (see {@link Cells#finished}) are skipped, so rerunning the
 * same sweep resumes it and redoes the cells that failed; the table is written at the end, cancelled or not.
 */
public final class Sweeps {
    private Sweeps() { }

    /**
     * What a run of a sweep did.
     *
     * @param skipped  cells finished by an earlier run
     * @param landed   this run's cells by status
     * @param notRun   this run's cells that did not finish: cancelled, or never started
     * @param outcomes this run's outcomes by cell id
     */
    public record Report(int cells, int skipped, Map<Status, Integer> landed, int notRun, Map<String, CellOutcome> outcomes) {
        /** Cells whose optimizers all completed or diverged, this run or before. */
        public int finished() {
            return skipped + landed.getOrDefault(Status.COMPLETED, 0) + landed.getOrDefault(Status.DIVERGED, 0);
        }
    }

    /**
     * Runs every cell not yet finished under {@code dir} on {@code runner}.
     *
     * @param cells   {@link Grid#cells} of {@code sweep} (expanded, and so validated, before anything is written)
     * @param command what started the sweep, for every cell's provenance
     * @throws UncheckedIOException when the folder cannot be written
     */
    public static Report run(SweepSpec sweep, List<Cell> cells, Path dir, SweepRunner runner, SweepListener listener,
                             CancelToken cancel, String command) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + IoErrors.describe(e), e);
        }
        SweepCodec.write(sweep, dir.resolve("sweep.json"));
        Cells.removeLeftovers(dir);
        List<Cell> skipped = new ArrayList<>();
        List<CellTask> tasks = new ArrayList<>();
        Map<String, Cell> byId = new ConcurrentHashMap<>();
        for (Cell c : cells) {
            byId.put(c.id(), c);
            if (Cells.finished(dir.resolve(c.id()), c.spec())) skipped.add(c);
            else tasks.add(new CellTask(c.id(), SpecCodec.toJson(c.spec()), command));
        }
        listener.planned(cells, List.copyOf(skipped));
        Map<String, CellOutcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        try {
            if (!tasks.isEmpty()) {
                runner.run(tasks, dir.toAbsolutePath(), o -> {
                    // a cluster may report a retried cell twice; the first report counts
                    if (outcomes.putIfAbsent(o.id(), o) == null) listener.landed(byId.get(o.id()), o, done.incrementAndGet(), tasks.size());
                }, cancel);
            }
        } finally {
            SweepTable.write(sweep, cells, dir, outcomes);
        }
        Map<Status, Integer> landed = new EnumMap<>(Status.class);
        for (CellOutcome o : outcomes.values()) landed.merge(o.status(), 1, Integer::sum);
        int cancelled = landed.getOrDefault(Status.CANCELLED, 0);
        return new Report(cells.size(), skipped.size(), landed, tasks.size() - outcomes.size() + cancelled, Map.copyOf(outcomes));
    }
}

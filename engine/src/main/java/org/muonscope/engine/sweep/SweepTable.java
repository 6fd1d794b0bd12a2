package org.muonscope.engine.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunResult;

/**
 * {@code sweep.csv}: one row per cell and optimizer (one per cell when the optimizer is varied), in grid order:
 * {@code cell}, the varied values, {@code seed}, {@code optimizer} (the label, when the optimizer is not varied),
 * {@code status}, the kind's {@link Headlines}, {@code message}. Every number is read back from the cell's folder,
 * never from memory, so the table is the same whichever runner wrote the folders. A cell not run (yet) says
 * {@code PENDING}; one that wrote nothing says why in {@code message}.
 */
public final class SweepTable {
    public static final String FILE = "sweep.csv";
    public static final String PENDING = "PENDING";

    private SweepTable() { }

    /** Builds the table from the folders under {@code dir}; {@code outcomes} are this run's (for cells without a folder). */
    public static Csv.Writer build(SweepSpec sweep, List<Cell> cells, Path dir, Map<String, CellOutcome> outcomes) {
        boolean optimizerAxis = sweep.axes().stream().anyMatch(a -> a.key().equals(Grid.OPTIMIZER));
        List<Row> rows = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Cell c : cells) {
            Path folder = dir.resolve(c.id());
            RunResult r = null;
            String error = null;
            if (Cells.matches(folder, c.spec())) {
                try {
                    r = Experiments.read(folder);
                } catch (IOException e) {
                    error = e.getMessage();
                }
            }
            if (r != null) {
                for (OptimizerResult o : r.optimizers()) {
                    Map<String, Double> h = Headlines.of(r, o);
                    h.forEach((k, v) -> {
                        // a class that never reached t90 keeps its column; a CNN without a spurious pixel has none
                        if (!Double.isNaN(v) || !Headlines.optional(k)) names.add(k);
                    });
                    rows.add(new Row(c, o.label(), o.status().name(), h, o.message()));
                }
                continue;
            }
            CellOutcome out = outcomes.get(c.id());
            String status = error != null ? "FAILED" : out != null ? out.status().name() : PENDING;
            String message = error != null ? error : out != null ? out.message() : null;
            for (String label : c.spec().labels()) rows.add(new Row(c, label, status, Map.of(), message));
        }
        List<String> headlines = Headlines.columns(sweep.base().kind(), names);
        List<String> header = new ArrayList<>();
        header.add("cell");
        for (SweepSpec.Axis a : sweep.axes()) header.add(a.key());
        header.add("seed");
        if (!optimizerAxis) header.add("optimizer");
        header.add("status");
        header.addAll(headlines);
        header.add("message");
        Csv.Writer w = Csv.writer(header);
        for (Row row : rows) {
            List<String> cells2 = new ArrayList<>(header.size());
            cells2.add(row.cell.id());
            cells2.addAll(row.cell.values());
            cells2.add(Long.toString(row.cell.seed()));
            if (!optimizerAxis) cells2.add(row.label);
            cells2.add(row.status);
            for (String h : headlines) cells2.add(Csv.num(row.numbers.getOrDefault(h, Double.NaN)));
            cells2.add(row.message == null ? "" : row.message);
            w.row(cells2);
        }
        return w;
    }

    /** Writes {@code dir/sweep.csv} atomically. */
    public static void write(SweepSpec sweep, List<Cell> cells, Path dir, Map<String, CellOutcome> outcomes) {
        build(sweep, cells, dir, outcomes).write(dir.resolve(FILE));
    }

    private record Row(Cell cell, String label, String status, Map<String, Double> numbers, String message) { }
}

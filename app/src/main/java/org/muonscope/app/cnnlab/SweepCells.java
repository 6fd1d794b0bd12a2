package org.muonscope.app.cnnlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.muonscope.app.cnnlab.figures.CnnRunData;
import org.muonscope.app.cnnlab.figures.CnnRunFolder;
import org.apache.commons.csv.CSVRecord;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.Cells;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.SweepTable;

/**
 * A sweep's cells as the panel shows them, read from the sweep folder with the figures' one reader
 * ({@link CnnRunFolder}): one cell as it lands, or a whole sweep folder ({@code sweep.json} and its cells) when the
 * lab opens again. Slow (reads files): never on the FX thread.
 */
public final class SweepCells {
    public static final String FILE = "sweep.json";

    private SweepCells() { }

    /**
     * One cell of the panel's list.
     *
     * @param status  how it ended, the worst of its optimizers; null while it has not landed
     * @param before  finished by an earlier run of the sweep (skipped by this one)
     * @param message why it failed or diverged; null otherwise
     * @param runs    its optimizers' evaluations, for the summary charts (none when it wrote nothing)
     */
    public record Row(Cell cell, Status status, boolean before, String message, List<SweepSummary.Run> runs) {
        public Row {
            runs = List.copyOf(runs);
        }

        static Row pending(Cell cell) {
            return new Row(cell, null, false, null, List.of());
        }

        /** {@code step R=5 · Muon · seed 2}. */
        public String label(Function<OptimizerSettings, String> names) {
            CnnSpec s = (CnnSpec) cell.spec();
            List<String> opts = s.optimizers().stream().map(names).toList();
            return Experiment.of(s).label() + " · " + String.join(" + ", opts) + " · seed " + cell.seed();
        }
    }

    /**
     * A sweep folder as saved: its sweep, its kind of experiment, and every cell: read from its folder, else as
     * {@code sweep.csv} left it (failed, cancelled), else pending.
     */
    public record Opened(Path dir, SweepSpec sweep, Experiment.Kind kind, List<Row> rows) { }

    /**
     * A landed cell, or one an earlier run finished ({@code outcome} null): its folder read back, or the outcome's
     * status and message where it wrote nothing (cancelled, or failed before writing).
     */
    public static Row read(Path dir, Experiment.Kind kind, Cell cell, CellOutcome outcome, Function<OptimizerSettings, String> names) {
        Path folder = dir.resolve(cell.id());
        if (outcome != null && !outcome.written()) return new Row(cell, outcome.status(), false, outcome.message(), List.of());
        if (!Cells.matches(folder, cell.spec())) return outcome == null ? Row.pending(cell) : new Row(cell, outcome.status(), false, outcome.message(), List.of());
        try {
            RunResult r = Experiments.read(folder);
            List<CnnRunData> data = CnnRunFolder.of(r, null);
            double x = value(kind, (CnnSpec) cell.spec());
            List<SweepSummary.Run> runs = new ArrayList<>();
            String message = null;
            for (int i = 0; i < r.optimizers().size(); i++) {
                OptimizerResult o = r.optimizers().get(i);
                if (message == null) message = o.message();
                if (Double.isNaN(x)) continue;
                runs.add(new SweepSummary.Run(names.apply(o.settings()), o.settings().kind().id(), x, cell.seed(), o.status(),
                        data.get(i).info(), data.get(i).history()));
            }
            return new Row(cell, Cells.worst(r.optimizers()), outcome == null, message, runs);
        } catch (IOException | RuntimeException e) {
            return new Row(cell, Status.FAILED, outcome == null, "cannot read " + folder + ": " + e.getMessage(), List.of());
        }
    }

    /**
     * A sweep folder the lab (or {@code muonscope sweep}) wrote: a CNN sweep whose only varied fields are one of the
     * lab's experiments ({@code imbalance}, {@code spuriousPixel}, {@code colored}) and the optimizer.
     *
     * @throws SpecException naming what the panel cannot draw
     */
    public static Opened open(Path dir, Function<OptimizerSettings, String> names) {
        SweepSpec sweep = SweepCodec.read(dir.resolve(FILE));
        if (sweep.base().kind() != ExperimentKind.CNN) {
            throw new SpecException("sweep", dir + " is a " + sweep.base().kind().id() + " sweep; the CNN Lab draws CNN sweeps");
        }
        String varied = null;
        for (SweepSpec.Axis a : sweep.axes()) {
            boolean experiment = List.of("imbalance", "spuriousPixel", "colored").contains(a.key());
            if (a.key().equals(Grid.OPTIMIZER) || (experiment && varied == null)) {
                if (experiment) varied = a.key();
                continue;
            }
            throw new SpecException("sweep", dir + " varies " + a.key() + "; the CNN Lab draws one of imbalance, spuriousPixel or"
                    + " colored against the optimizer (muonscope plot --run draws any sweep)");
        }
        List<Cell> cells = Grid.cells(sweep);
        Experiment.Kind kind = kind(cells);
        Map<String, CellOutcome> unwritten = unwritten(dir);
        List<Row> rows = new ArrayList<>();
        for (Cell c : cells) {
            Row r = read(dir, kind, c, null, names);
            CellOutcome o = unwritten.get(c.id());
            if (r.status() == null && o != null) r = read(dir, kind, c, o, names);
            // a saved sweep's cells are its results, not cells some earlier run left for this one to skip
            rows.add(new Row(c, r.status(), false, r.message(), r.runs()));
        }
        return new Opened(dir, sweep, kind, rows);
    }

    /**
     * How the cells that wrote no folder ended, as the last run's {@code sweep.csv} says (a failed cell's message, a
     * cancelled one); {@code PENDING} rows and a missing or unreadable table say nothing.
     */
    private static Map<String, CellOutcome> unwritten(Path dir) {
        Map<String, CellOutcome> out = new HashMap<>();
        Path table = dir.resolve(SweepTable.FILE);
        if (!Files.isRegularFile(table)) return out;
        try {
            for (CSVRecord row : Csv.read(table).rows()) {
                String status = row.get("status");
                if (status.equals(SweepTable.PENDING) || out.containsKey(row.get("cell"))) continue;
                String message = row.get("message");
                out.put(row.get("cell"), new CellOutcome(row.get("cell"), Status.valueOf(status), message.isEmpty() ? null : message, "", 0, false));
            }
        } catch (IOException | IllegalArgumentException e) {
            // a table from another version, or edited by hand: the folders alone say what finished
        }
        return out;
    }

    /** The kind of experiment a sweep's cells run: the first that is not plain (an imbalance sweep may have {@code none}). */
    public static Experiment.Kind kind(List<Cell> cells) {
        for (Cell c : cells) {
            Experiment.Kind k = Experiment.of((CnnSpec) c.spec()).kind();
            if (k != Experiment.Kind.PLAIN) return k;
        }
        return Experiment.Kind.PLAIN;
    }

    /** The newest sweep folder under {@code sweeps} (by its {@code sweep.csv}, written at the end of every run); null when none. */
    public static Path latest(Path sweeps) throws IOException {
        if (!Files.isDirectory(sweeps)) return null;
        try (Stream<Path> dirs = Files.list(sweeps)) {
            Path best = null;
            long bestTime = Long.MIN_VALUE;
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve(FILE))).toList()) {
                Path stamp = Files.isRegularFile(d.resolve("sweep.csv")) ? d.resolve("sweep.csv") : d.resolve(FILE);
                long t = Files.getLastModifiedTime(stamp).toMillis();
                if (t > bestTime) {
                    best = d;
                    bestTime = t;
                }
            }
            return best;
        }
    }

    /**
     * A cell's place on the x axis: its experiment's value; a cell without the transform in an imbalance sweep is
     * R = 1 and in a spurious-pixel sweep I = 0; NaN where it has no place (colored {@code none}).
     */
    static double value(Experiment.Kind kind, CnnSpec spec) {
        Experiment e = Experiment.of(spec);
        if (e.kind() == kind) return e.value();
        if (e.kind() == Experiment.Kind.PLAIN && kind.isImbalance()) return 1;
        if (e.kind() == Experiment.Kind.PLAIN && kind == Experiment.Kind.SPURIOUS_PIXEL) return 0;
        return kind == Experiment.Kind.PLAIN ? 0 : Double.NaN;
    }
}

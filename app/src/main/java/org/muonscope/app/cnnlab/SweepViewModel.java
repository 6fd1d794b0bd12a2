package org.muonscope.app.cnnlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.muonscope.app.common.SweepRunners;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;

/**
 * The CNN Lab's sweep: the lab's current setup across the experiment's values, the ticked optimizers and a range of
 * seeds, run by the engine's sweep engine ({@link SweepBackend}) into a folder under the lab's run store, locally or
 * on a master URL. As each cell lands its folder is read (on {@code io}) and the summary charts and the progress line
 * follow; a failed or diverged cell stays listed as such. When the lab opens again it shows the newest sweep folder.
 *
 * <p>Threads: every public method runs on the UI thread; backend events are moved there through {@code io} (reads)
 * and {@code ui}. Events of a sweep the panel no longer shows are dropped by their generation.
 */
public final class SweepViewModel {
    private final SweepBackend backend;
    private final ExperimentPickerViewModel picker;
    private final Path sweeps;
    private final Executor ui;
    private final Executor io;
    private final ObjectProperty<Experiment.Kind> kind = new SimpleObjectProperty<>(this, "kind", Experiment.Kind.STEP_IMBALANCE);
    private final StringProperty valuesText = new SimpleStringProperty(this, "valuesText", "1, 5, 10, 20, 50");
    private final StringProperty seedsText = new SimpleStringProperty(this, "seedsText", "1");
    private final StringProperty masterText = new SimpleStringProperty(this, "masterText", "");
    private final DoubleProperty earlyFraction = new SimpleDoubleProperty(this, "earlyFraction", 0.5);
    private final ObservableList<SweepCells.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<List<SweepSummary.Chart>> charts = new SimpleObjectProperty<>(this, "charts", List.of());
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private Function<OptimizerSettings, String> names = OptimizerSettings::toText;
    private SweepBackend.SweepJob job;
    private long generation;
    private String runner;
    private String state = "";

    /**
     * @param sweeps where sweep folders go (the run store's {@code sweeps} folder)
     * @param io     where cell folders are read: one at a time, in the order the cells landed
     */
    public SweepViewModel(SweepBackend backend, ExperimentPickerViewModel picker, Path sweeps, Executor ui, Executor io) {
        this.backend = backend;
        this.picker = picker;
        this.sweeps = sweeps;
        this.ui = ui;
        this.io = io;
        earlyFraction.addListener(o -> recompute());
    }

    /** The shown sweep's experiment; set by {@link #launch} from the picker, or by the folder opened. */
    public ObjectProperty<Experiment.Kind> kindProperty() { return kind; }

    /** Comma- or space-separated values of the experiment's parameter ({@code R}, {@code I}, the agreement). */
    public StringProperty valuesTextProperty() { return valuesText; }

    /** {@code A-B} or {@code A}. */
    public StringProperty seedsTextProperty() { return seedsText; }

    /** Empty for this machine; {@code local[N]} or {@code spark://HOST:PORT} as {@code muonscope sweep --master} takes them. */
    public StringProperty masterTextProperty() { return masterText; }

    /** "Early in training" for the imbalance gap: this share of each run's steps. */
    public DoubleProperty earlyFractionProperty() { return earlyFraction; }

    /** Every cell of the shown sweep, in grid order. */
    public ObservableList<SweepCells.Row> rows() { return rows; }

    public ObjectProperty<List<SweepSummary.Chart>> chartsProperty() { return charts; }

    /** {@code 7 of 24 cells, 1 failed, on spark://host:7077}. */
    public StringProperty progressProperty() { return progress; }

    /** One line: a refused value, an unreachable master; empty otherwise. */
    public StringProperty errorProperty() { return error; }

    /** The shown sweep's folder; null before any. */
    public ObjectProperty<Path> folderProperty() { return folder; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The names lines and cells carry: the lab's optimizer names ({@code SGD}) where the settings are one of its optimizers. */
    public String name(OptimizerSettings settings) { return names.apply(settings); }

    /** Copies a sweep preset's values, seeds and early share into the panel. */
    public void apply(CnnPreset p) {
        if (!p.isSweep()) return;
        valuesText.set(String.join(", ", p.sweepValues().stream().map(Experiment::num).toList()));
        long lo = p.sweepSeeds().stream().mapToLong(Long::longValue).min().orElse(p.seed());
        long hi = p.sweepSeeds().stream().mapToLong(Long::longValue).max().orElse(p.seed());
        seedsText.set(lo == hi ? Long.toString(lo) : lo + "-" + hi);
        earlyFraction.set(p.earlyFraction());
    }

    /**
     * Runs the picker's setup as a sweep into its folder (a rerun of the same sweep skips the cells it finished).
     *
     * @return false, with {@link #errorProperty} set to one line naming the field, when the sweep is refused
     */
    public boolean launch() {
        if (running.get()) return false;
        SweepSpec sweep;
        List<Cell> cells;
        String master = masterText.get() == null ? "" : masterText.get().trim();
        Experiment.Kind k = picker.kindProperty().get();
        try {
            List<LabRunSpec> specs = picker.specs();
            sweep = SweepPlan.build(k, valuesText.get(), seedsText.get(), specs);
            cells = Grid.cells(sweep);
            if (!master.isEmpty()) SweepRunners.check(master);
            names = namer(specs);
        } catch (SpecException e) {
            error.set(e.getMessage());
            return false;
        }
        start(k, sweep, cells, SweepPlan.folder(sweeps, sweep), master);
        return true;
    }

    /**
     * Runs the shown sweep again as its folder saved it ({@code sweep.json}, as {@code muonscope sweep --spec} would),
     * on the master URL typed: the cells it finished are skipped, the others run. The picker's setup is not used, so a
     * sweep cancelled before the lab closed resumes as it was.
     */
    public void resume() {
        Path dir = folder.get();
        if (dir == null || running.get()) return;
        String master = masterText.get() == null ? "" : masterText.get().trim();
        try {
            if (!master.isEmpty()) SweepRunners.check(master);
        } catch (SpecException e) {
            error.set(e.getMessage());
            return;
        }
        readThen(() -> {
            SweepSpec saved = SweepCodec.read(dir.resolve(SweepCells.FILE));
            return new Saved(saved, Grid.cells(saved));
        }, s -> {
            if (!running.get()) start(SweepCells.kind(s.cells()), s.sweep(), s.cells(), dir, master);
        });
    }

    /** A sweep folder's saved spec and its cells. */
    private record Saved(SweepSpec sweep, List<Cell> cells) { }

    /**
     * Runs {@code read} on {@code io}, then hands its result to {@code then} on the UI thread, or shows what failed;
     * neither when a newer read or open has been asked for meanwhile.
     */
    private <T> void readThen(java.util.function.Supplier<T> read, java.util.function.Consumer<T> then) {
        long gen = ++generation;
        io.execute(() -> {
            T value;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                String m = e.getMessage();
                ui.execute(() -> {
                    if (gen == generation) error.set(m);
                });
                return;
            }
            ui.execute(() -> {
                if (gen == generation) then.accept(value);
            });
        });
    }

    private void start(Experiment.Kind k, SweepSpec sweep, List<Cell> cells, Path dir, String master) {
        long gen = show(k, dir, cells.stream().map(SweepCells.Row::pending).toList());
        runner = master.isEmpty() ? "this machine" : master;
        state = "starting";
        running.set(true);
        updateProgress();
        job = backend.start(sweep, cells, dir, master, observer(gen, dir, k));
    }

    /** Stops the running sweep; finished cells stay, and running it again skips them. */
    public void cancel() {
        if (job == null || !running.get()) return;
        job.cancel();
        state = "cancelling";
        updateProgress();
    }

    /** Shows a sweep folder as saved (read on {@code io}): the lab's own or one {@code muonscope sweep} wrote. */
    public void open(Path dir) {
        if (running.get()) return;
        Function<OptimizerSettings, String> n = namer(List.of());
        readThen(() -> SweepCells.open(dir, n), o -> {
            names = n;
            show(o.kind(), o.dir(), o.rows());
            runner = null;
            state = "saved";
            updateProgress();
        });
    }

    /** Shows the newest sweep under the lab's sweeps folder, if there is one (the lab opening again). */
    public void openLatest() {
        io.execute(() -> {
            try {
                Path latest = SweepCells.latest(sweeps);
                if (latest != null) ui.execute(() -> open(latest));
            } catch (java.io.IOException e) {
                ui.execute(() -> error.set("cannot list " + sweeps + ": " + e.getMessage()));
            }
        });
    }

    private long show(Experiment.Kind k, Path dir, List<SweepCells.Row> all) {
        error.set("");
        kind.set(k);
        folder.set(dir);
        rows.setAll(all);
        recompute();
        return ++generation;
    }

    private SweepBackend.SweepObserver observer(long gen, Path dir, Experiment.Kind k) {
        Function<OptimizerSettings, String> n = names;
        return new SweepBackend.SweepObserver() {
            @Override
            public void onPlanned(String description, List<Cell> skipped) {
                io.execute(() -> {
                    List<SweepCells.Row> read = new ArrayList<>();
                    for (Cell c : skipped) read.add(SweepCells.read(dir, k, c, null, n));
                    ui.execute(() -> {
                        if (gen != generation) return;
                        runner = description;
                        if (!state.equals("cancelling")) state = "running";
                        read.forEach(SweepViewModel.this::put);
                        recompute();
                    });
                });
            }

            @Override
            public void onLanded(Cell cell, CellOutcome outcome) {
                io.execute(() -> {
                    SweepCells.Row r = SweepCells.read(dir, k, cell, outcome, n);
                    ui.execute(() -> {
                        if (gen != generation) return;
                        put(r);
                        recompute();
                    });
                });
            }

            @Override
            public void onEnded(String why) {
                // through io, so it comes after the reads of every cell that landed before it
                io.execute(() -> ui.execute(() -> {
                    if (gen != generation) return;
                    running.set(false);
                    job = null;
                    if (why != null) error.set(why);
                    boolean all = rows.stream().allMatch(r -> r.status() != null && r.status() != Status.CANCELLED);
                    state = why != null ? "stopped" : all ? "finished" : "cancelled";
                    updateProgress();
                }));
            }
        };
    }

    private void put(SweepCells.Row r) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cell().id().equals(r.cell().id())) {
                rows.set(i, r);
                return;
            }
        }
    }

    private void recompute() {
        List<SweepSummary.Run> runs = new ArrayList<>();
        for (SweepCells.Row r : rows) runs.addAll(r.runs());
        charts.set(SweepSummary.charts(kind.get(), runs, earlyFraction.get()));
        updateProgress();
    }

    /** {@code 7 of 24 cells, 2 finished before, 1 failed, on spark://host:7077}, after what the sweep is doing. */
    private void updateProgress() {
        if (folder.get() == null) {
            progress.set("");
            return;
        }
        int done = 0, before = 0;
        Map<Status, Integer> by = new HashMap<>();
        for (SweepCells.Row r : rows) {
            if (r.status() == null) continue;
            by.merge(r.status(), 1, Integer::sum);
            if (r.status() != Status.CANCELLED) done++;
            if (r.before() && !state.equals("saved")) before++;
        }
        StringBuilder sb = new StringBuilder();
        if (!state.isEmpty()) sb.append(state).append(": ");
        sb.append(done).append(" of ").append(rows.size()).append(" cells");
        if (before > 0) sb.append(", ").append(before).append(" finished before");
        for (Status s : List.of(Status.DIVERGED, Status.FAILED, Status.CANCELLED)) {
            if (by.containsKey(s)) sb.append(", ").append(by.get(s)).append(' ').append(s.name().toLowerCase(Locale.ROOT));
        }
        if (runner != null) sb.append(", on ").append(runner);
        progress.set(sb.toString());
    }

    /** The lab's names of its optimizers' settings (the ticked ones of this sweep first), else the settings' text. */
    private Function<OptimizerSettings, String> namer(List<LabRunSpec> ticked) {
        Map<OptimizerSettings, String> known = new HashMap<>();
        for (OptimizerChoice c : picker.optimizers()) {
            try {
                known.putIfAbsent(c.spec(), c.label());
            } catch (SpecException e) {
                // an optimizer whose text does not parse names nothing
            }
        }
        for (LabRunSpec s : ticked) known.put(s.optimizer(), s.optimizerLabel());
        return s -> known.getOrDefault(s, s.toText());
    }
}

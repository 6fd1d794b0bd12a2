package org.muonscope.app.theorylab;

import org.muonscope.app.common.AnimationModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.muonscope.app.common.Debouncer;

import org.muonscope.app.common.RunEngine;
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.plots.RunData;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.RunResult;
import org.muonscope.app.plots.TheoryPoint;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The Theory Lab's state as JavaFX properties only (no controls), so it runs and is tested without a screen.
 * Any change of a setting re-runs the engine after a short quiet period; the run in flight is cancelled and
 * its late events are dropped. Results stream into {@link #dataProperty()}; {@link #versionProperty()} ticks
 * with every batch so views redraw at most once per batch.
 */
public final class TheoryLabViewModel {
    public enum PriorPreset { UNIFORM, STEP, LONG_TAIL, CUSTOM }

    /** Quiet period before a re-run: long enough to coalesce a slider drag, short enough to feel live. */
    public static final long DEBOUNCE_MILLIS = 80;
    /**
     * The most snapshots per optimizer a run keeps: more than the plot has pixel columns, and half the engine's
     * metric work of one snapshot per step at 2000 steps (measured: 0.85 s -> 0.35 s for 7 optimizers x 10
     * classes). The engine still measures t90 at every step.
     */
    public static final int MAX_SNAPSHOTS = 1000;

    private final RunEngine engine;
    private final UiExecutor ui;
    private final Debouncer debouncer;

    final IntegerProperty classes = new SimpleIntegerProperty(3);
    final ObjectProperty<PriorPreset> priorPreset = new SimpleObjectProperty<>(PriorPreset.CUSTOM);
    final DoubleProperty ratio = new SimpleDoubleProperty(10);
    final ObjectProperty<double[]> priors = new SimpleObjectProperty<>(new double[] {0.7, 0.2, 0.1});
    final DoubleProperty mu = new SimpleDoubleProperty(3);
    final DoubleProperty sigma = new SimpleDoubleProperty(1);
    final IntegerProperty dim = new SimpleIntegerProperty(10);
    final IntegerProperty depth = new SimpleIntegerProperty(1);
    final IntegerProperty hidden = new SimpleIntegerProperty(10);
    final DoubleProperty init = new SimpleDoubleProperty(0);
    final IntegerProperty steps = new SimpleIntegerProperty(1500);
    final ObjectProperty<DataMode.Kind> modeKind = new SimpleObjectProperty<>(DataMode.Kind.POPULATION);
    final IntegerProperty samples = new SimpleIntegerProperty(1000);
    final IntegerProperty batch = new SimpleIntegerProperty(64);
    final BooleanProperty rotated = new SimpleBooleanProperty(false);
    final DoubleProperty overlap = new SimpleDoubleProperty(0);
    final LongProperty seed = new SimpleLongProperty(1);
    final ObservableList<OptimizerRow> optimizers =
            FXCollections.observableArrayList(r -> r.observables());

    final StringProperty sessionName = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final BooleanProperty presenter = new SimpleBooleanProperty(false);
    final BooleanProperty dark = new SimpleBooleanProperty(false);

    private final ObjectProperty<RunData> data = new SimpleObjectProperty<>();
    private final LongProperty version = new SimpleLongProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** Which optimizers of the last finished run diverged (empty when none): the view shows a notice when it changes. */
    private final StringProperty divergence = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final AnimationModel animation = new AnimationModel();
    private final DepthSweep depthSweep;

    private RunEngine.Handle inFlight;
    private FxRunListener inFlightListener;
    private boolean applying;
    private long runs;
    /** When the last setting changed ({@code System.nanoTime}), for the change-to-first-frame measurement. */
    private long changedAt;

    public TheoryLabViewModel(RunEngine engine, UiExecutor ui, Scheduler scheduler) {
        this.engine = engine;
        this.ui = ui;
        this.debouncer = new Debouncer(scheduler, DEBOUNCE_MILLIS);
        this.depthSweep = new DepthSweep(engine, ui);
        optimizers.addAll(OptimizerRow.of("gd:lr=0.001"), OptimizerRow.of("ngd:lr=0.001"),
                OptimizerRow.of("specgd:lr=0.001"), OptimizerRow.of("muon:lr=0.001"));
        classes.addListener((o, a, b) -> {
            if (!applying) priors.set(presetPriors(b.intValue(), priors.get()));
        });
        priorPreset.addListener((o, a, b) -> {
            if (!applying) priors.set(presetPriors(classes.get(), priors.get()));
        });
        ratio.addListener((o, a, b) -> {
            if (!applying && priorPreset.get() != PriorPreset.CUSTOM && priorPreset.get() != PriorPreset.UNIFORM) {
                priors.set(presetPriors(classes.get(), priors.get()));
            }
        });
        for (Observable p : List.<Observable>of(priors, mu, sigma, dim, depth, hidden, init, steps, modeKind, samples,
                batch, rotated, overlap, seed)) {
            p.addListener(x -> changed());
        }
        optimizers.addListener((ListChangeListener<OptimizerRow>) c -> changed());
    }

    private double[] presetPriors(int k, double[] current) {
        return presetPriors(priorPreset.get(), k, ratio.get(), current);
    }

    static double[] presetPriors(PriorPreset preset, int k, double ratio, double[] current) {
        return switch (preset) {
            case UNIFORM -> Priors.uniform(k);
            case STEP -> Priors.step(k, ratio);
            case LONG_TAIL -> Priors.longTail(k, ratio);
            case CUSTOM -> Priors.resize(current, k);
        };
    }

    private void changed() {
        if (applying) return;
        changedAt = System.nanoTime();
        requestRun();
    }

    /** Sets one prior by hand (drag or typed); the preset becomes custom and the rest is renormalized. */
    public void setPrior(int c, double value) {
        applying = true;
        priorPreset.set(PriorPreset.CUSTOM);
        applying = false;
        priors.set(Priors.set(priors.get(), c, value));
    }

    public void setPriors(double[] raw) {
        applying = true;
        priorPreset.set(PriorPreset.CUSTOM);
        classes.set(raw.length);
        applying = false;
        priors.set(Priors.normalize(raw));
    }

    /** SNR {@code mu^2 / sigma^2}; setting it moves {@code mu} and keeps {@code sigma}. */
    public double snr() {
        return mu.get() * mu.get() / (sigma.get() * sigma.get());
    }

    public void setSnr(double snr) {
        mu.set(Math.sqrt(snr) * sigma.get());
    }

    /** Builds the engine spec from the settings, or null with {@link #errorProperty()} naming the bad field. */
    public TheorySpec buildSpec() {
        try {
            List<OptimizerSettings> specs = new ArrayList<>();
            for (OptimizerRow r : optimizers) if (r.enabledProperty().get()) specs.add(r.toSpec());
            DataMode mode = switch (modeKind.get()) {
                case POPULATION -> DataMode.POPULATION;
                case SAMPLE -> new DataMode(DataMode.Kind.SAMPLE, samples.get(), 0);
                case BATCH -> new DataMode(DataMode.Kind.BATCH, samples.get(), Math.min(batch.get(), samples.get()));
            };
            TheorySpec spec = spec(priors.get(), mu.get(), sigma.get(), dim.get(), depth.get(), hidden.get(), init.get(),
                    rotated.get(), overlap.get(), mode, steps.get(), seed.get(), specs);
            error.set("");
            return spec;
        } catch (SpecException e) {
            error.set(e.getMessage());
            return null;
        }
    }


    /**
     * The lab's one rule from settings to an engine spec (sessions, presets and lessons use it too): at most
     * {@value #MAX_SNAPSHOTS} records a run, and a deep model started at 0 (a saddle) starts at the engine's deep init.
     *
     * @throws SpecException naming the bad field
     */
    public static TheorySpec spec(double[] priors, double mu, double sigma, int dim, int depth, int hidden, double init,
                                  boolean rotated, double overlap, DataMode mode, int steps, long seed,
                                  List<OptimizerSettings> optimizers) {
        int every = Math.max(1, (steps + MAX_SNAPSHOTS - 1) / MAX_SNAPSHOTS);
        return new TheorySpec(priors, mu, sigma, dim, depth, hidden, depth > 1 && init == 0 ? TheorySpec.DEEP_INIT : init,
                rotated, overlap, mode, steps, every, seed, optimizers);
    }

    public void requestRun() {
        debouncer.request(this::runNow);
    }

    /** Cancels the run in flight and starts a new one with the current settings. */
    public void runNow() {
        cancelRun();
        TheorySpec spec = buildSpec();
        if (spec == null) {
            status.set("Not run: " + error.get());
            return;
        }
        RunData fresh = new RunData(spec, spec.labels());
        long id = ++runs;
        data.set(fresh);
        animation.maxStepProperty().set(spec.steps());
        if (!animation.playingProperty().get()) animation.showAll();
        version.set(version.get() + 1);
        running.set(true);
        status.set("Running " + spec.optimizers().size() + " optimizers for " + spec.steps() + " steps...");
        FxRunListener listener = new FxRunListener(ui, new FxRunListener.Sink() {
            @Override
            public void onBatch(List<TheoryPoint> snaps, List<OptimizerResult> ended, RunResult finished) {
                if (id == runs) accept(fresh, snaps, ended, finished);
            }

            @Override
            public void onFailure(Throwable error) {
                if (id != runs) return;
                running.set(false);
                inFlight = null;
                status.set("Engine error: " + error.getMessage());
            }
        });
        inFlightListener = listener;
        try {
            inFlight = engine.start(spec, listener);
        } catch (RuntimeException e) {
            running.set(false);
            status.set("Engine error: " + e.getMessage());
        }
    }

    private void accept(RunData d, List<TheoryPoint> snaps, List<OptimizerResult> ended, RunResult finished) {
        for (TheoryPoint s : snaps) d.add(s);
        for (OptimizerResult r : ended) d.end(r);
        if (finished != null) {
            d.finish(finished);
            running.set(false);
            inFlight = null;
            status.set(summary(d));
            divergence.set(d.slots().stream().filter(RunData.Slot::diverged).map(s -> s.label() + ": " + s.result().message())
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        version.set(version.get() + 1);
    }

    private static String summary(RunData d) {
        List<String> bad = new ArrayList<>();
        for (RunData.Slot s : d.slots()) {
            if (s.result() != null && s.result().status() == Status.DIVERGED) {
                bad.add(s.label() + " diverged: " + s.result().message());
            }
        }
        return bad.isEmpty() ? String.format(Locale.ROOT, "Done: %d optimizers, %d steps.", d.slots().size(), d.spec().steps())
                : String.join("  |  ", bad);
    }

    public void cancelRun() {
        depthSweep.cancel();
        if (inFlightListener != null) inFlightListener.detach();
        if (inFlight != null) inFlight.cancel();
        inFlight = null;
        inFlightListener = null;
        running.set(false);
    }

    // ---- sessions and presets ----

    public Session toSession() {
        List<Session.Optimizer> opts = new ArrayList<>();
        for (OptimizerRow r : optimizers) {
            opts.add(new Session.Optimizer(r.toSpec().toText(), r.colorProperty().get(), r.enabledProperty().get()));
        }
        DataMode.Kind k = modeKind.get();
        String mode = switch (k) {
            case POPULATION -> "population";
            case SAMPLE -> "sample:" + samples.get();
            case BATCH -> "batch:" + samples.get() + ":" + batch.get();
        };
        return new Session(Session.FORMAT, sessionName.get(), description.get(), classes.get(),
                priorPreset.get().name().toLowerCase(Locale.ROOT).replace('_', '-'), ratio.get(), priors.get().clone(),
                mu.get(), sigma.get(), dim.get(), depth.get(), hidden.get(), init.get(), steps.get(), mode,
                rotated.get(), overlap.get(), seed.get(), opts, presenter.get(), dark.get());
    }

    /** Applies a session or preset in one go and runs once. Throws SpecException for a bad optimizer or mode. */
    public void apply(Session s) {
        List<OptimizerRow> rows = new ArrayList<>();
        for (Session.Optimizer o : s.optimizers()) rows.add(new OptimizerRow(OptimizerSettings.parse(o.spec()), o.color(), o.enabled()));
        DataMode mode = DataMode.parse(s.mode() == null ? "population" : s.mode());
        applying = true;
        try {
            sessionName.set(s.name() == null ? "" : s.name());
            description.set(s.description() == null ? "" : s.description());
            int k = s.priors() != null ? s.priors().length : s.classes();
            classes.set(k);
            ratio.set(s.ratio() > 0 ? s.ratio() : 10);
            PriorPreset p = s.priorPreset() == null ? PriorPreset.CUSTOM
                    : PriorPreset.valueOf(s.priorPreset().toUpperCase(Locale.ROOT).replace('-', '_'));
            priorPreset.set(p);
            priors.set(p == PriorPreset.CUSTOM && s.priors() != null ? Priors.normalize(s.priors()) : presetPriors(k, Priors.uniform(k)));
            mu.set(s.mu());
            sigma.set(s.sigma());
            dim.set(s.dim());
            depth.set(s.depth());
            hidden.set(s.hidden() > 0 ? s.hidden() : s.dim());
            init.set(s.init());
            steps.set(s.steps());
            modeKind.set(mode.kind());
            if (mode.kind() != DataMode.Kind.POPULATION) samples.set(mode.samples());
            if (mode.kind() == DataMode.Kind.BATCH) batch.set(mode.batch());
            rotated.set(s.rotated());
            overlap.set(s.overlap());
            seed.set(s.seed());
            optimizers.setAll(rows);
            if (s.presenter() != null) presenter.set(s.presenter());
            if (s.dark() != null) dark.set(s.dark());
        } finally {
            applying = false;
        }
        changedAt = System.nanoTime();
        debouncer.cancel();
        runNow();
    }

    // ---- accessors ----

    public IntegerProperty classesProperty() { return classes; }
    public ObjectProperty<PriorPreset> priorPresetProperty() { return priorPreset; }
    public DoubleProperty ratioProperty() { return ratio; }
    public ObjectProperty<double[]> priorsProperty() { return priors; }
    public DoubleProperty muProperty() { return mu; }
    public DoubleProperty sigmaProperty() { return sigma; }
    public IntegerProperty dimProperty() { return dim; }
    public IntegerProperty depthProperty() { return depth; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public DoubleProperty initProperty() { return init; }
    public IntegerProperty stepsProperty() { return steps; }
    public ObjectProperty<DataMode.Kind> modeKindProperty() { return modeKind; }
    public IntegerProperty samplesProperty() { return samples; }
    public IntegerProperty batchProperty() { return batch; }
    public BooleanProperty rotatedProperty() { return rotated; }
    public DoubleProperty overlapProperty() { return overlap; }
    public LongProperty seedProperty() { return seed; }
    public ObservableList<OptimizerRow> optimizers() { return optimizers; }
    public StringProperty sessionNameProperty() { return sessionName; }
    public StringProperty descriptionProperty() { return description; }
    public BooleanProperty presenterProperty() { return presenter; }
    public BooleanProperty darkProperty() { return dark; }
    public ObjectProperty<RunData> dataProperty() { return data; }
    public LongProperty versionProperty() { return version; }
    public StringProperty errorProperty() { return error; }
    public StringProperty statusProperty() { return status; }
    public StringProperty divergenceProperty() { return divergence; }
    public BooleanProperty runningProperty() { return running; }
    public AnimationModel animation() { return animation; }
    public DepthSweep depthSweep() { return depthSweep; }
    public long changedAt() { return changedAt; }
    public long runCount() { return runs; }
}

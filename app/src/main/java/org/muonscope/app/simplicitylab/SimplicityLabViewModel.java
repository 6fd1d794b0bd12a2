package org.muonscope.app.simplicitylab;

import org.muonscope.engine.experiments.routing.RoutingRun;

import org.muonscope.engine.experiments.dln.DlnRun;

import org.muonscope.engine.experiments.Experiments;

import org.muonscope.engine.run.RunListener;

import org.muonscope.engine.run.RunContext;

import org.muonscope.engine.run.CancelToken;

import org.muonscope.engine.optim.OptimizerKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
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
import org.muonscope.app.common.Scheduler;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.common.AnimationModel;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.RoutingSpec;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.optim.StepSchedule;

/**
 * The Simplicity Lab's state as JavaFX properties (no controls): the deep-linear inputs with a SpecGD step-size
 * slider, the routing inputs, the latest results and one animation timeline per experiment. Runs go to a
 * background executor; a change re-runs after a short quiet period and a newer run cancels the one in flight.
 */
public final class SimplicityLabViewModel {
    static final long DEBOUNCE_MILLIS = 250;

    // deep linear regression (Figure 1)
    private final StringProperty singularValues = new SimpleStringProperty("2, 0.5");
    private final IntegerProperty depth = new SimpleIntegerProperty(2);
    private final DoubleProperty init = new SimpleDoubleProperty(1e-3);
    private final IntegerProperty dlnSteps = new SimpleIntegerProperty(1500);
    private final DoubleProperty gdLr = new SimpleDoubleProperty(0.01);
    private final DoubleProperty specLr = new SimpleDoubleProperty(0.01);
    private final BooleanProperty withMuon = new SimpleBooleanProperty(false);
    private final ObjectProperty<StepSchedule> schedule = new SimpleObjectProperty<>(StepSchedule.CONSTANT);
    private final ObjectProperty<DlnRun> dln = new SimpleObjectProperty<>();
    private final AnimationModel dlnAnimation = new AnimationModel();

    // routing (Figure 2)
    private final LongProperty seed = new SimpleLongProperty(1);
    private final IntegerProperty routingSteps = new SimpleIntegerProperty(3000);
    private final DoubleProperty routingGdLr = new SimpleDoubleProperty(2);
    private final DoubleProperty routingSpecLr = new SimpleDoubleProperty(0.01);
    private final DoubleProperty routingInit = new SimpleDoubleProperty(1e-3);
    private final ObjectProperty<RoutingRun> routing = new SimpleObjectProperty<>();
    private final AnimationModel routingAnimation = new AnimationModel();
    /** True while a routing run streams: {@link #routing} then holds a partial result. */
    private final BooleanProperty routingLive = new SimpleBooleanProperty(false);
    private RoutingStream lastRoutingStream;

    private final StringProperty oscillation = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    private final Executor background;
    private final UiExecutor ui;
    private final Scheduler scheduler;
    private Scheduler.Cancellable pendingDln;
    /** What the provenance of the lab's runs records. */
    static final String COMMAND = "muonscope (Simplicity Lab window)";

    private CancelToken dlnCancel = new CancelToken();
    private CancelToken routingCancel = new CancelToken();
    private int inFlight;
    private boolean loading;

    /** The UI thread this model's properties live on. */
    UiExecutor ui() {
        return ui;
    }

    public SimplicityLabViewModel(Executor background, UiExecutor ui, Scheduler scheduler) {
        this.background = background;
        this.ui = ui;
        this.scheduler = scheduler;
        javafx.beans.InvalidationListener rerun = o -> { if (!loading) scheduleDln(); };
        for (javafx.beans.Observable p : List.of(singularValues, depth, init, dlnSteps, gdLr, specLr, withMuon, schedule)) {
            p.addListener(rerun);
        }
    }

    public StringProperty singularValuesProperty() { return singularValues; }
    public IntegerProperty depthProperty() { return depth; }
    public DoubleProperty initProperty() { return init; }
    public IntegerProperty dlnStepsProperty() { return dlnSteps; }
    public DoubleProperty gdLrProperty() { return gdLr; }
    public DoubleProperty specLrProperty() { return specLr; }
    public BooleanProperty withMuonProperty() { return withMuon; }
    public ObjectProperty<StepSchedule> scheduleProperty() { return schedule; }
    public ObjectProperty<DlnRun> dlnProperty() { return dln; }
    public AnimationModel dlnAnimation() { return dlnAnimation; }
    public LongProperty seedProperty() { return seed; }
    public IntegerProperty routingStepsProperty() { return routingSteps; }
    public DoubleProperty routingGdLrProperty() { return routingGdLr; }
    public DoubleProperty routingSpecLrProperty() { return routingSpecLr; }
    public DoubleProperty routingInitProperty() { return routingInit; }
    public ObjectProperty<RoutingRun> routingProperty() { return routing; }
    public AnimationModel routingAnimation() { return routingAnimation; }
    public BooleanProperty routingLiveProperty() { return routingLive; }
    /** The latest routing run's stream (tests: how many partial results reached the UI). */
    RoutingStream lastRoutingStream() { return lastRoutingStream; }
    public StringProperty statusProperty() { return status; }
    /** SpecGD's (and Muon's) measured oscillation in the latest deep-linear run, in words. */
    public StringProperty oscillationProperty() { return oscillation; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty runningProperty() { return running; }

    /** The deep-linear spec the controls describe. @throws SpecException naming the bad field */
    public DlnSpec dlnSpec() {
        String[] parts = singularValues.get().split("[,\\s]+");
        List<Double> vals = new ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) continue;
            try {
                vals.add(Double.parseDouble(p.trim()));
            } catch (NumberFormatException e) {
                throw new SpecException("singular-values", "expected numbers, got '" + p.trim() + "'");
            }
        }
        double[] s = vals.stream().mapToDouble(Double::doubleValue).toArray();
        List<OptimizerSettings> opts = new ArrayList<>(List.of(OptimizerSettings.parse("gd:lr=" + gdLr.get()),
                OptimizerSettings.parse("specgd:lr=" + specLr.get())));
        if (withMuon.get()) opts.add(OptimizerSettings.parse("muon:lr=" + specLr.get()));
        int steps = dlnSteps.get();
        return new DlnSpec(s.length, s, depth.get(), 100, init.get(), false, 0, steps, Math.max(1, steps / 1500), 1,
                schedule.get(), opts);
    }

    /** The routing spec the controls describe (GD and SpecGD side by side). */
    public RoutingSpec routingSpec() {
        int steps = routingSteps.get();
        return new RoutingSpec(64, routingInit.get(), steps, Math.max(1, steps / 60), seed.get(), false,
                StepSchedule.CONSTANT, List.of(OptimizerSettings.parse("gd:lr=" + routingGdLr.get()),
                        OptimizerSettings.parse("specgd:lr=" + routingSpecLr.get())));
    }

    private void scheduleDln() {
        if (pendingDln != null) pendingDln.cancel();
        pendingDln = scheduler.schedule(this::runDln, DEBOUNCE_MILLIS);
    }

    /** Runs the deep-linear experiment now, cancelling one in flight. */
    public void runDln() {
        DlnSpec spec;
        try {
            spec = dlnSpec();
        } catch (SpecException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        dlnCancel.cancel();
        CancelToken cancel = new CancelToken();
        dlnCancel = cancel;
        started("deep linear regression");
        background.execute(() -> {
            DlnRun r;
            try {
                r = DlnRun.of(Experiments.run(spec, RunListener.NONE, cancel, RunContext.of(COMMAND)));
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            ui.execute(() -> {
                finished();
                if (cancel.isCancelled()) return;
                dln.set(r);
                dlnAnimation.maxStepProperty().set(spec.steps());
                if (!dlnAnimation.playingProperty().get()) dlnAnimation.showAll();
                oscillation.set(summary(r));
                status.set("deep linear regression done: " + spec.steps() + " steps");
            });
        });
    }

    /** Runs the routing experiment now, cancelling one in flight. */
    public void runRouting() {
        RoutingSpec spec;
        try {
            spec = routingSpec();
        } catch (SpecException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        routingCancel.cancel();
        CancelToken cancel = new CancelToken();
        routingCancel = cancel;
        started("routing task");
        routingLive.set(true);
        routingAnimation.playingProperty().set(false);
        routingAnimation.maxStepProperty().set(spec.steps());
        routingAnimation.scrubTo(0);
        double[] followed = {0};
        RoutingStream stream = new RoutingStream(spec, ui, cancel, partial -> {
            routing.set(partial);
            // the grids follow the newest record while it trains, unless the user scrubbed back or plays;
            // Play and the scrub replay the whole run afterwards
            long newest = 0;
            for (RoutingRun.Trace t : partial.traces()) newest = Math.max(newest, t.last().step());
            if (!routingAnimation.playingProperty().get() && routingAnimation.cursor() >= followed[0] - 1e-9) {
                routingAnimation.scrubTo(newest);
                followed[0] = newest;
            }
        });
        lastRoutingStream = stream;
        background.execute(() -> {
            RoutingRun r;
            try {
                r = RoutingRun.of(Experiments.run(spec, stream, cancel, RunContext.of(COMMAND)));
            } catch (RuntimeException e) {
                stream.close();
                ui.execute(() -> { if (!cancel.isCancelled()) routingLive.set(false); });
                failed(e);
                return;
            }
            ui.execute(() -> {
                stream.close();
                finished();
                if (cancel.isCancelled()) return;
                routingLive.set(false);
                routing.set(r);
                if (!routingAnimation.playingProperty().get()) routingAnimation.showAll();
                StringBuilder sb = new StringBuilder("routing, seed " + spec.seed() + ":");
                for (RoutingRun.Trace t : r.traces()) {
                    RoutingRun.Point p = t.last();
                    sb.append(String.format(Locale.ROOT, "  %s seen %.3f unseen %.3f rank %.1f", t.label(),
                            p.seenError(), p.unseenError(), p.effectiveRank()));
                }
                status.set(sb.toString());
            });
        });
    }

    private void started(String what) {
        inFlight++;
        running.set(true);
        status.set("running " + what + " ...");
    }

    /** An engine failure is shown as one line, never lost on the background thread. */
    private void failed(RuntimeException e) {
        ui.execute(() -> {
            finished();
            error.set("run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        });
    }

    private void finished() {
        inFlight = Math.max(0, inFlight - 1);
        running.set(inFlight > 0);
    }

    /** SpecGD's oscillation in words, for the step-size slider. */
    static String summary(DlnRun r) {
        StringBuilder sb = new StringBuilder();
        for (DlnRun.Trace t : r.traces()) {
            if (t.optimizer().kind() == OptimizerKind.GD) continue;
            sb.append(String.format(Locale.ROOT, "%s (lr %.3g) oscillation, last quarter, peak to peak:", t.label(), t.optimizer().lr()));
            for (int k = 0; k < t.oscillation().length; k++) {
                sb.append(String.format(Locale.ROOT, " sigma%d %.3g", k + 1, t.oscillation()[k]));
            }
            sb.append("   ");
        }
        return sb.toString().strip();
    }

    /**
     * Loads a preset ({@code simplicity-figure1} or {@code simplicity-figure2}) and runs it: from the jar's
     * {@code assets/presets/}, else the checkout's, else the built-in defaults (which the presets equal).
     */
    public void loadPreset(String name) {
        try {
            String json = presetText(name);
            if (name.endsWith("figure1")) {
                apply(json == null ? DlnSpec.defaults() : (DlnSpec) SpecCodec.parse(json, ExperimentKind.DLN));
                runDln();
            } else {
                apply(json == null ? RoutingSpec.defaults() : (RoutingSpec) SpecCodec.parse(json, ExperimentKind.ROUTING));
                runRouting();
            }
        } catch (IOException | SpecException e) {
            error.set("preset " + name + ": " + e.getMessage());
        }
    }

    private static String presetText(String name) throws IOException {
        try (java.io.InputStream in = SimplicityLabViewModel.class.getResourceAsStream("/assets/presets/" + name + ".json")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Path file : List.of(Path.of("assets", "presets", name + ".json"), Path.of("..", "assets", "presets", name + ".json"))) {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8);
        }
        return null;
    }

    private void apply(DlnSpec s) {
        loading = true;
        try {
            StringBuilder sb = new StringBuilder();
            for (double v : s.singularValues() == null ? new double[] {2, 0.5} : s.singularValues()) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(v);
            }
            singularValues.set(sb.toString());
            depth.set(s.depth());
            init.set(s.init());
            dlnSteps.set(s.steps());
            schedule.set(s.schedule());
            withMuon.set(false);
            for (OptimizerSettings o : s.optimizers()) {
                if (o.kind() == OptimizerKind.GD) gdLr.set(o.lr());
                if (o.kind() == OptimizerKind.SPECGD) specLr.set(o.lr());
                if (o.kind() == OptimizerKind.MUON) withMuon.set(true);
            }
        } finally {
            loading = false;
        }
    }

    private void apply(RoutingSpec s) {
        seed.set(s.seed());
        routingSteps.set(s.steps());
        routingInit.set(s.init());
        for (OptimizerSettings o : s.optimizers()) {
            if (o.kind() == OptimizerKind.GD) routingGdLr.set(o.lr());
            if (o.kind() == OptimizerKind.SPECGD) routingSpecLr.set(o.lr());
        }
    }
}

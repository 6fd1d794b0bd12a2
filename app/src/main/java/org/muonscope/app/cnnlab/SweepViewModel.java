package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.muonscope.engine.SpecException;

/**
 * One experiment across a list of values (imbalance ratios, pixel intensities, agreement fractions) and seeds,
 * for every ticked optimizer; its summary charts update as the runs report.
 */
public final class SweepViewModel {
    private final RunQueueViewModel queue;
    private final ObjectProperty<Experiment.Kind> kind = new SimpleObjectProperty<>(this, "kind", Experiment.Kind.STEP_IMBALANCE);
    private final StringProperty valuesText = new SimpleStringProperty(this, "valuesText", "1, 5, 10, 20, 50");
    private final StringProperty seedsText = new SimpleStringProperty(this, "seedsText", "1");
    private final DoubleProperty earlyFraction = new SimpleDoubleProperty(this, "earlyFraction", 0.5);
    private final ObservableList<RunItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<List<SweepSummary.Chart>> charts = new SimpleObjectProperty<>(this, "charts", List.of());
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final InvalidationListener recompute = o -> recompute();

    public SweepViewModel(RunQueueViewModel queue) {
        this.queue = queue;
        earlyFraction.addListener(recompute);
        kind.addListener(recompute);
        // A deleted run leaves the sweep too.
        queue.runs().addListener((Observable o) -> {
            if (items.removeIf(i -> !queue.runs().contains(i))) recompute();
        });
    }

    public ObjectProperty<Experiment.Kind> kindProperty() { return kind; }

    /** Comma- or space-separated values of the experiment's parameter. */
    public StringProperty valuesTextProperty() { return valuesText; }

    public StringProperty seedsTextProperty() { return seedsText; }

    /** "Early in training" for the imbalance gap: this share of each run's steps. */
    public DoubleProperty earlyFractionProperty() { return earlyFraction; }

    /** The sweep's runs. */
    public ObservableList<RunItem> items() { return items; }

    /** The summary charts, recomputed whenever one of the runs evaluates or ends. */
    public ObjectProperty<List<SweepSummary.Chart>> chartsProperty() { return charts; }

    public StringProperty errorProperty() { return error; }

    /** @throws SpecException when a value is not valid for the experiment */
    public List<Double> values() {
        List<Double> out = new ArrayList<>();
        for (String t : tokens(valuesText.get())) {
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new SpecException("values", "expected numbers, got '" + t + "'");
            }
            new Experiment(kind.get(), v);
            out.add(v);
        }
        if (out.isEmpty() && kind.get() != Experiment.Kind.PLAIN) throw new SpecException("values", "give at least one value");
        return out;
    }

    public List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (String t : tokens(seedsText.get())) {
            try {
                out.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new SpecException("seeds", "expected whole numbers, got '" + t + "'");
            }
        }
        if (out.isEmpty()) throw new SpecException("seeds", "give at least one seed");
        return out;
    }

    /**
     * Queues value x seed x optimizer runs, value-major so every optimizer reaches the first values early.
     *
     * @param perOptimizer one base spec per optimizer (dataset, model and schedule are taken from it)
     * @return the queued runs, or an empty list with {@link #errorProperty} set
     */
    public List<RunItem> launch(List<LabRunSpec> perOptimizer) {
        List<LabRunSpec> specs = new ArrayList<>();
        try {
            List<Double> vals = kind.get() == Experiment.Kind.PLAIN ? List.of(0.0) : values();
            for (double v : vals) {
                Experiment e = kind.get() == Experiment.Kind.PLAIN ? Experiment.PLAIN : new Experiment(kind.get(), v);
                for (long s : seeds()) for (LabRunSpec base : perOptimizer) specs.add(base.withExperiment(e).withSeed(s));
            }
            if (perOptimizer.isEmpty()) throw new SpecException("optimizer", "tick at least one optimizer");
        } catch (SpecException ex) {
            error.set(ex.getMessage());
            return List.of();
        }
        error.set("");
        List<RunItem> queued = new ArrayList<>();
        for (LabRunSpec s : specs) queued.add(queue.enqueue(s));
        summarize(queued);
        return queued;
    }

    /** Summarizes the given runs (a finished sweep after a restart, or any selection of comparable runs). */
    public void summarize(List<RunItem> runs) {
        for (RunItem i : items) unwatch(i);
        items.setAll(runs);
        for (RunItem i : items) watch(i);
        if (!runs.isEmpty()) kind.set(runs.get(0).spec().experiment().kind());
        recompute();
    }

    private void watch(RunItem i) {
        i.history().addListener(recompute);
        i.statusProperty().addListener(recompute);
        i.infoProperty().addListener(recompute);
    }

    private void unwatch(RunItem i) {
        i.history().removeListener(recompute);
        i.statusProperty().removeListener(recompute);
        i.infoProperty().removeListener(recompute);
    }

    private void recompute() {
        List<SweepSummary.Run> runs = items.stream()
                .filter(i -> i.spec().experiment().kind() == kind.get())
                .map(SweepSummary.Run::of).toList();
        charts.set(SweepSummary.charts(kind.get(), runs, earlyFraction.get()));
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String t : text.split("[,;\\s]+")) if (!t.isBlank()) out.add(t.trim());
        return out;
    }
}

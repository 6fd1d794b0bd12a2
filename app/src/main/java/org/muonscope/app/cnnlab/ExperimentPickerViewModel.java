package org.muonscope.app.cnnlab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.data.InputCovariance;

/**
 * What to train on and how: the dataset, the experiment and its parameter, the model and schedule, and the
 * optimizers to compare. Produces one {@link LabRunSpec} per ticked optimizer and loads the transformed-data
 * preview in the background.
 */
public final class ExperimentPickerViewModel {
    private final TrainingBackend backend;
    private final Executor ui;
    private final Executor background;
    private final ObservableList<DatasetChoice> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(this, "dataset", DatasetChoice.BUNDLED);
    private final ObjectProperty<Experiment.Kind> kind = new SimpleObjectProperty<>(this, "kind", Experiment.Kind.PLAIN);
    private final StringProperty valueText = new SimpleStringProperty(this, "valueText", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "paper-cnn");
    private final StringProperty init = new SimpleStringProperty(this, "init", "default");
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 1);
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch", 64);
    private final IntegerProperty evalEvery = new SimpleIntegerProperty(this, "evalEvery", 10);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads",
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    private final IntegerProperty trainLimit = new SimpleIntegerProperty(this, "trainLimit", 0);
    private final IntegerProperty testLimit = new SimpleIntegerProperty(this, "testLimit", 0);
    private final ObservableList<OptimizerChoice> optimizers = FXCollections.observableArrayList(OptimizerChoice.defaults());
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<DataPreview> preview = new SimpleObjectProperty<>(this, "preview");
    private final BooleanProperty previewLoading = new SimpleBooleanProperty(this, "previewLoading", false);
    private final StringProperty previewError = new SimpleStringProperty(this, "previewError", "");
    private final AtomicLong previewGeneration = new AtomicLong();
    private final ObjectProperty<InputCovariance> covariance = new SimpleObjectProperty<>(this, "covariance");
    private final BooleanProperty covarianceLoading = new SimpleBooleanProperty(this, "covarianceLoading", false);
    private final StringProperty covarianceError = new SimpleStringProperty(this, "covarianceError", "");
    private final AtomicLong covarianceGeneration = new AtomicLong();
    /** The newest covariance job not yet started; one runs at a time, and a superseded one never starts. */
    private final AtomicReference<Runnable> nextCovariance = new AtomicReference<>();
    private final AtomicBoolean covarianceRunning = new AtomicBoolean();
    /** The data, experiment and seed of the covariance shown or being computed (UI thread only). */
    private List<Object> covarianceKey;

    public ExperimentPickerViewModel(TrainingBackend backend, Executor ui, Executor background) {
        this.backend = backend;
        this.ui = ui;
        this.background = background;
        datasets.add(DatasetChoice.BUNDLED);
        if (DatasetChoice.fashionSystemPresent()) datasets.add(DatasetChoice.fashionSystem());
        kind.addListener((o, a, k) -> valueText.set(k == Experiment.Kind.PLAIN ? "" : Experiment.num(k.defaultValue())));
    }

    public ObservableList<DatasetChoice> datasets() { return datasets; }

    public ObjectProperty<DatasetChoice> datasetProperty() { return dataset; }

    /** Adds a folder the user picked and selects it. */
    public void addFolder(DatasetChoice choice) {
        if (!datasets.contains(choice)) datasets.add(choice);
        dataset.set(choice);
    }

    public ObjectProperty<Experiment.Kind> kindProperty() { return kind; }

    /** The experiment's parameter as typed: {@code R}, {@code I} or the agreement fraction. */
    public StringProperty valueTextProperty() { return valueText; }

    public StringProperty modelProperty() { return model; }

    /** Weight init in {@code --init} syntax; {@link LabRunSpec#INITS} are the offered ones. */
    public StringProperty initProperty() { return init; }

    public IntegerProperty epochsProperty() { return epochs; }

    public IntegerProperty batchProperty() { return batch; }

    public IntegerProperty evalEveryProperty() { return evalEvery; }

    public LongProperty seedProperty() { return seed; }

    public IntegerProperty threadsProperty() { return threads; }

    /** Train on the first this many images only; 0 for all. */
    public IntegerProperty trainLimitProperty() { return trainLimit; }

    /** Evaluate on the first this many test images only; 0 for all. */
    public IntegerProperty testLimitProperty() { return testLimit; }

    public ObservableList<OptimizerChoice> optimizers() { return optimizers; }

    /** The last validation message; empty when the settings are valid. */
    public StringProperty errorProperty() { return error; }

    public ObjectProperty<DataPreview> previewProperty() { return preview; }

    public BooleanProperty previewLoadingProperty() { return previewLoading; }

    public StringProperty previewErrorProperty() { return previewError; }

    /** The training inputs' covariance for the Data tab; null until the first one is computed. */
    public ObjectProperty<InputCovariance> covarianceProperty() { return covariance; }

    public BooleanProperty covarianceLoadingProperty() { return covarianceLoading; }

    public StringProperty covarianceErrorProperty() { return covarianceError; }

    /** @throws SpecException naming the field when the typed value is not a valid parameter */
    public Experiment experiment() {
        Experiment.Kind k = kind.get();
        if (k == Experiment.Kind.PLAIN) return Experiment.PLAIN;
        double v;
        try {
            v = Double.parseDouble(valueText.get().trim());
        } catch (NumberFormatException e) {
            throw new SpecException(k.symbol(), "expected a number, got '" + valueText.get() + "'");
        }
        return new Experiment(k, v);
    }

    /** The spec of the first ticked optimizer (or SGD when none is): the base a sweep varies. */
    public LabRunSpec baseSpec() {
        List<LabRunSpec> all = specs();
        return all.get(0);
    }

    /**
     * One spec per ticked optimizer. Sets {@link #errorProperty} and rethrows when something is invalid.
     *
     * @throws SpecException naming the field
     */
    public List<LabRunSpec> specs() {
        try {
            Experiment e = experiment();
            List<LabRunSpec> out = new ArrayList<>();
            for (OptimizerChoice c : optimizers) {
                if (!c.selectedProperty().get()) continue;
                out.add(new LabRunSpec(dataset.get(), e, model.get(), c.label(), c.spec(), epochs.get(), batch.get(),
                        evalEvery.get(), seed.get(), threads.get(), trainLimit.get(), testLimit.get(), init.get()));
            }
            if (out.isEmpty()) throw new SpecException("optimizer", "tick at least one optimizer");
            error.set("");
            return out;
        } catch (SpecException ex) {
            error.set(ex.getMessage());
            throw ex;
        }
    }

    /** The ticked optimizers. */
    public List<OptimizerChoice> selectedOptimizers() {
        return optimizers.stream().filter(c -> c.selectedProperty().get()).toList();
    }

    /**
     * Loads the preview of the current dataset and experiment in the background; a newer request supersedes an
     * older one still loading.
     */
    public void refreshPreview() {
        Experiment e;
        try {
            e = experiment();
        } catch (SpecException ex) {
            previewError.set(ex.getMessage());
            return;
        }
        long gen = previewGeneration.incrementAndGet();
        DatasetChoice d = dataset.get();
        long s = seed.get();
        previewLoading.set(true);
        previewError.set("");
        background.execute(() -> {
            DataPreview p = null;
            String err = "";
            try {
                p = backend.preview(d, e, s, 4);
            } catch (Exception ex) {
                err = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            }
            DataPreview result = p;
            String message = err;
            ui.execute(() -> {
                if (gen != previewGeneration.get()) return;
                previewLoading.set(false);
                previewError.set(message);
                if (result != null) preview.set(result);
                // the covariance takes longer: it follows the preview, on data the backend has just loaded
                if (result != null) requestCovariance(d, e, s);
            });
        });
    }

    /**
     * Computes the covariance of these data in the background unless it is the one shown or being computed. The
     * jobs run one at a time (each takes seconds and cannot be interrupted): a request made while one runs waits,
     * and only the newest waiting one starts.
     */
    private void requestCovariance(DatasetChoice d, Experiment e, long s) {
        List<Object> key = List.of(d, e, s);
        if (key.equals(covarianceKey)) return;
        covarianceKey = key;
        long gen = covarianceGeneration.incrementAndGet();
        covarianceLoading.set(true);
        covarianceError.set("");
        nextCovariance.set(() -> {
            InputCovariance c = null;
            String err = "";
            try {
                c = backend.covariance(d, e, s);
            } catch (Exception ex) {
                err = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            }
            InputCovariance result = c;
            String message = err;
            ui.execute(() -> {
                if (gen != covarianceGeneration.get()) return;
                covarianceLoading.set(false);
                covarianceError.set(message);
                if (result != null) covariance.set(result);
                else covarianceKey = null; // a failed one is tried again next time
            });
        });
        if (covarianceRunning.compareAndSet(false, true)) background.execute(this::drainCovariance);
    }

    private void drainCovariance() {
        Runnable job;
        while ((job = nextCovariance.getAndSet(null)) != null) job.run();
        covarianceRunning.set(false);
        // a request that arrived between the last poll and the flag's reset would otherwise wait for the next one
        if (nextCovariance.get() != null && covarianceRunning.compareAndSet(false, true)) background.execute(this::drainCovariance);
    }

    /** Copies a preset's settings into the picker. */
    public void apply(CnnPreset p) {
        dataset.set(p.data());
        if (!datasets.contains(p.data())) datasets.add(p.data());
        kind.set(p.experiment().kind());
        valueText.set(p.experiment().kind() == Experiment.Kind.PLAIN ? "" : Experiment.num(p.experiment().value()));
        model.set(p.model());
        init.set(p.init());
        epochs.set(p.epochs());
        batch.set(p.batch());
        evalEvery.set(p.evalEvery());
        seed.set(p.seed());
        trainLimit.set(p.trainLimit());
        testLimit.set(p.testLimit());
        for (OptimizerChoice c : optimizers) {
            String text = p.optimizers().get(c.label());
            c.selectedProperty().set(text != null);
            if (text != null) c.textProperty().set(text);
        }
    }
}

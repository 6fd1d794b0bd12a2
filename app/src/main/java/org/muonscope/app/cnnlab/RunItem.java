package org.muonscope.app.cnnlab;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One training in the queue, as the view sees it. Properties change on the UI thread only (the queue view model
 * moves engine events there).
 */
public final class RunItem {
    private final String id;
    private final LabRunSpec spec;
    private final Path dir;
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(this, "status", RunStatus.QUEUED);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final DoubleProperty imagesPerSecond = new SimpleDoubleProperty(this, "imagesPerSecond", Double.NaN);
    private final DoubleProperty etaSeconds = new SimpleDoubleProperty(this, "etaSeconds", Double.NaN);
    private final LongProperty step = new SimpleLongProperty(this, "step", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<RunInfo> info = new SimpleObjectProperty<>(this, "info");
    private final BooleanProperty resumable = new SimpleBooleanProperty(this, "resumable", false);
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(this, "cancelRequested", false);
    private final ObservableList<EvalPoint> history = FXCollections.observableArrayList();

    // Engine-thread side: the newest progress not yet shown; non-null means a UI update is already scheduled.
    final AtomicReference<TrainingBackend.Progress> pendingProgress = new AtomicReference<>();
    TrainingBackend.TrainingJob job;
    boolean resumeFromCheckpoint;

    RunItem(String id, LabRunSpec spec, Path dir) {
        this.id = id;
        this.spec = spec;
        this.dir = dir;
    }

    public String id() { return id; }

    public LabRunSpec spec() { return spec; }

    /** The run's folder: engine outputs, checkpoint, and the lab's own state and history. */
    public Path dir() { return dir; }

    public ObjectProperty<RunStatus> statusProperty() { return status; }

    public RunStatus status() { return status.get(); }

    /** Share of the run done, 0..1. */
    public DoubleProperty progressProperty() { return progress; }

    public DoubleProperty imagesPerSecondProperty() { return imagesPerSecond; }

    public DoubleProperty etaSecondsProperty() { return etaSeconds; }

    public LongProperty stepProperty() { return step; }

    /** Why a run failed, or what it is doing ("cancelling"). */
    public StringProperty messageProperty() { return message; }

    public ObjectProperty<RunInfo> infoProperty() { return info; }

    public RunInfo info() { return info.get(); }

    public BooleanProperty resumableProperty() { return resumable; }

    public BooleanProperty cancelRequestedProperty() { return cancelRequested; }

    /** Every evaluation so far, in step order. */
    public ObservableList<EvalPoint> history() { return history; }

    /** Appends an evaluation; after a resume, points the checkpoint rolled back are replaced rather than repeated. */
    void addEvaluation(EvalPoint p) {
        while (!history.isEmpty() && history.get(history.size() - 1).step() >= p.step()) history.remove(history.size() - 1);
        history.add(p);
    }

    public String label() { return spec.label(); }

    @Override
    public String toString() { return id + " " + label() + " [" + status.get() + "]"; }
}

package org.muonscope.app.cnnlab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run queue: starts queued trainings one after another (or {@link #maxConcurrentProperty} at a time), moves
 * engine events onto the UI thread, keeps finished runs for reopening and comparing, and restores the list after
 * a restart so interrupted runs can resume from their last epoch checkpoint.
 *
 * <p>Threads: every public method runs on the UI thread. {@code ui} is that thread's executor
 * ({@code Platform::runLater} in the app, a direct executor in tests); {@code io} runs file writes off it.
 */
public final class RunQueueViewModel {
    private final TrainingBackend backend;
    private final RunStore store;
    private final Executor ui;
    private final Executor io;
    private final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    private final ObservableList<RunItem> compared = FXCollections.observableArrayList();
    private final ObjectProperty<RunItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty(this, "maxConcurrent", 1);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final ObjectProperty<String> lastError = new SimpleObjectProperty<>(this, "lastError");
    private boolean shuttingDown;

    public RunQueueViewModel(TrainingBackend backend, RunStore store, Executor ui, Executor io) {
        this.backend = backend;
        this.store = store;
        this.ui = ui;
        this.io = io;
        maxConcurrent.addListener((o, a, b) -> schedule());
    }

    /** Every run, oldest first: queued, running and finished alike. */
    public ObservableList<RunItem> runs() { return runs; }

    /** The runs drawn together in the comparison plots. */
    public ObservableList<RunItem> compared() { return compared; }

    /** The run whose details (per-class curves, confusion matrix) the view shows. */
    public ObjectProperty<RunItem> selectedProperty() { return selected; }

    /** The last run whose training ended (done, cancelled or failed); the view tells the user. */
    private final ObjectProperty<RunItem> lastEnded = new javafx.beans.property.SimpleObjectProperty<>(this, "lastEnded");

    public ObjectProperty<RunItem> lastEndedProperty() { return lastEnded; }

    public IntegerProperty maxConcurrentProperty() { return maxConcurrent; }

    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The last file error (saving state or history, deleting); null when none. */
    public ObjectProperty<String> lastErrorProperty() { return lastError; }

    public TrainingBackend backend() { return backend; }

    /** Queues one training and starts it when a slot is free. */
    public RunItem enqueue(LabRunSpec spec) {
        RunItem item = new RunItem("r" + nextId.getAndIncrement(), spec, store.newRunDir(spec));
        runs.add(item);
        persistState(item);
        schedule();
        return item;
    }

    /** Queues several trainings that belong together; they become the compared set and the first is selected. */
    public List<RunItem> enqueueGroup(List<LabRunSpec> specs) {
        List<RunItem> items = new ArrayList<>();
        for (LabRunSpec s : specs) items.add(enqueue(s));
        compared.setAll(items);
        if (!items.isEmpty()) selected.set(items.get(0));
        return items;
    }

    /** A queued run is dropped at once; a running one is asked to stop and turns CANCELLED when it has. */
    public void cancel(RunItem item) {
        switch (item.status()) {
            case QUEUED -> {
                setStatus(item, RunStatus.CANCELLED, "cancelled before it started");
                item.resumableProperty().set(false);
            }
            case RUNNING -> {
                if (item.job != null && !item.cancelRequestedProperty().get()) {
                    item.cancelRequestedProperty().set(true);
                    item.messageProperty().set("cancelling");
                    item.job.cancel();
                }
            }
            default -> { }
        }
    }

    /** Requeues an interrupted or cancelled run; it continues from its epoch checkpoint when there is one. */
    public void resume(RunItem item) {
        if (!item.resumableProperty().get()) return;
        item.resumeFromCheckpoint = backend.canResume(item.dir());
        item.resumableProperty().set(false);
        item.cancelRequestedProperty().set(false);
        setStatus(item, RunStatus.QUEUED, item.resumeFromCheckpoint ? "resumes from its checkpoint" : "");
        schedule();
    }

    /** Shows a run's details. */
    public void reopen(RunItem item) {
        selected.set(item);
        if (!compared.contains(item)) compared.add(item);
    }

    /** Draws exactly these runs together. */
    public void compare(List<RunItem> items) {
        compared.setAll(items);
        if (!items.isEmpty() && !items.contains(selected.get())) selected.set(items.get(0));
    }

    /** Removes a run that is not active, and its folder. */
    public boolean delete(RunItem item) {
        if (item.status().isActive()) return false;
        runs.remove(item);
        compared.remove(item);
        if (selected.get() == item) selected.set(compared.isEmpty() ? null : compared.get(0));
        io.execute(() -> {
            try {
                store.delete(item.dir());
            } catch (IOException e) {
                report("cannot delete " + item.dir() + ": " + e.getMessage());
            }
        });
        return true;
    }

    /**
     * Lists the runs saved under the store's root. A run that was queued or running when the app ended becomes
     * INTERRUPTED and resumable. Reads files: call at startup, before the window shows, or from a background
     * thread with the result applied through {@link #addRestored}.
     */
    public List<RunItem> loadSaved() {
        List<RunItem> out = new ArrayList<>();
        for (RunStore.Saved s : store.loadAll()) {
            RunItem item = new RunItem("r" + nextId.getAndIncrement(), s.spec(), s.dir());
            RunStatus st = s.status().isActive() ? RunStatus.INTERRUPTED : s.status();
            item.statusProperty().set(st);
            item.messageProperty().set(st == RunStatus.INTERRUPTED ? "interrupted when the app closed" : s.message());
            item.infoProperty().set(s.info());
            try {
                for (EvalPoint p : store.readHistory(s.dir())) item.addEvaluation(p);
            } catch (IOException e) {
                item.messageProperty().set("history unreadable: " + e.getMessage());
            }
            if (!item.history().isEmpty()) {
                EvalPoint last = item.history().get(item.history().size() - 1);
                item.stepProperty().set(last.step());
                if (s.info() != null && s.info().totalSteps() > 0) item.progressProperty().set(Math.min(1, last.step() / (double) s.info().totalSteps()));
            }
            if (st == RunStatus.DONE) item.progressProperty().set(1);
            item.resumableProperty().set(st == RunStatus.INTERRUPTED || (st == RunStatus.CANCELLED && backend.canResume(s.dir())));
            out.add(item);
        }
        return out;
    }

    /** Adds runs from {@link #loadSaved}. */
    public void addRestored(List<RunItem> items) {
        runs.addAll(0, items);
    }

    /**
     * The app is closing: stop every running training and record it as INTERRUPTED (synchronously, so the next
     * start can offer to resume it). Queued runs are recorded as INTERRUPTED too.
     */
    public void shutdown() {
        shuttingDown = true;
        for (RunItem item : runs) {
            if (!item.status().isActive()) continue;
            if (item.job != null) item.job.cancel();
            try {
                store.writeState(new RunStore.Saved(item.dir(), item.spec(), RunStatus.INTERRUPTED,
                        "interrupted when the app closed", item.info()));
            } catch (IOException e) {
                // The app is going away; the folder keeps its last good state, which loads as INTERRUPTED too.
            }
        }
    }

    private void schedule() {
        if (shuttingDown) return;
        for (RunItem item : runs) {
            if (running.get() >= maxConcurrent.get()) return;
            if (item.status() == RunStatus.QUEUED) start(item);
        }
    }

    private void start(RunItem item) {
        running.set(running.get() + 1);
        setStatus(item, RunStatus.RUNNING, item.resumeFromCheckpoint ? "resumed from checkpoint" : "");
        if (selected.get() == null) selected.set(item);
        try {
            item.job = backend.start(item.spec(), item.dir(), item.resumeFromCheckpoint, new Observer(item));
        } catch (RuntimeException e) {
            running.set(running.get() - 1);
            setStatus(item, RunStatus.FAILED, e.getMessage());
            schedule();
        }
    }

    private final class Observer implements TrainingBackend.TrainingObserver {
        private final RunItem item;

        Observer(RunItem item) {
            this.item = item;
        }

        @Override
        public void onStarted(RunInfo info) {
            ui.execute(() -> {
                item.infoProperty().set(info);
                persistState(item);
            });
        }

        @Override
        public void onProgress(TrainingBackend.Progress p) {
            // Coalesce: only the newest progress is shown, with at most one UI update pending per run.
            if (item.pendingProgress.getAndSet(p) == null) ui.execute(() -> applyProgress(item));
        }

        @Override
        public void onEvaluation(EvalPoint point) {
            ui.execute(() -> {
                item.addEvaluation(point);
                List<EvalPoint> copy = List.copyOf(item.history());
                io.execute(() -> {
                    try {
                        store.writeHistory(item.dir(), copy);
                    } catch (IOException e) {
                        report("cannot save history of " + item.label() + ": " + e.getMessage());
                    }
                });
            });
        }

        @Override
        public void onEnded(TrainingBackend.Outcome outcome, String message) {
            ui.execute(() -> finish(item, outcome, message));
        }
    }

    private void applyProgress(RunItem item) {
        TrainingBackend.Progress p = item.pendingProgress.getAndSet(null);
        if (p == null || item.status() != RunStatus.RUNNING) return;
        item.progressProperty().set(p.fraction());
        item.imagesPerSecondProperty().set(p.imagesPerSecond());
        item.etaSecondsProperty().set(p.etaSeconds());
        item.stepProperty().set(p.step());
    }

    private void finish(RunItem item, TrainingBackend.Outcome outcome, String message) {
        applyProgress(item);
        item.job = null;
        running.set(running.get() - 1);
        item.cancelRequestedProperty().set(false);
        item.etaSecondsProperty().set(Double.NaN);
        if (shuttingDown) return;
        lastEnded.set(null); // a run that ends twice in a row (resumed) is still news
        switch (outcome) {
            case COMPLETED -> {
                item.progressProperty().set(1);
                setStatus(item, RunStatus.DONE, "");
            }
            case CANCELLED -> {
                setStatus(item, RunStatus.CANCELLED, "cancelled at step " + item.stepProperty().get());
                item.resumableProperty().set(backend.canResume(item.dir()));
            }
            case FAILED -> setStatus(item, RunStatus.FAILED, message == null ? "failed" : message);
        }
        item.resumeFromCheckpoint = false;
        schedule();
        lastEnded.set(item);
    }

    private void setStatus(RunItem item, RunStatus status, String message) {
        item.statusProperty().set(status);
        item.messageProperty().set(message == null ? "" : message);
        persistState(item);
    }

    private void persistState(RunItem item) {
        RunStore.Saved s = new RunStore.Saved(item.dir(), item.spec(), item.status(), item.messageProperty().get(), item.info());
        io.execute(() -> {
            try {
                store.writeState(s);
            } catch (IOException e) {
                report("cannot save state of " + item.label() + ": " + e.getMessage());
            }
        });
    }

    private void report(String message) {
        ui.execute(() -> lastError.set(message));
    }
}

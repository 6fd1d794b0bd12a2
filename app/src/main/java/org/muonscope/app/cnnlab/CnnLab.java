package org.muonscope.app.cnnlab;

import org.muonscope.app.common.LabContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.stage.Window;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.app.cnnlab.view.CnnLabView;

/**
 * Wires the CNN Lab: view models over a {@link TrainingBackend} and a {@link SweepBackend}, the runs saved under a
 * {@link RunStore} (sweeps in its {@code sweeps} folder), and the view. One per window; {@link #shutdown} when the window closes so running trainings are recorded as
 * interrupted and can be resumed on the next start.
 */
public final class CnnLab {
    private final Executor io;
    private final TaskExecutor tasks;
    private final RunQueueViewModel queue;
    private final ExperimentPickerViewModel picker;
    private final SweepViewModel sweep;
    private final CnnLabView view;

    /**
     * @param chooseDir asks for an export folder; null for the system's folder chooser
     * @param tasks     where every background job of the lab runs (file writes on one lane, previews beside)
     */
    public CnnLab(TrainingBackend backend, SweepBackend sweeps, RunStore store, Function<Window, Path> chooseDir, TaskExecutor tasks) {
        this.tasks = tasks;
        this.io = tasks.lane("cnnlab-io");
        UiExecutor ui = tasks.ui();
        Executor background = tasks::execute;
        queue = new RunQueueViewModel(backend, store, ui::execute, io);
        picker = new ExperimentPickerViewModel(backend, ui::execute, background);
        sweep = new SweepViewModel(sweeps, picker, store.root().resolve("sweeps"), ui::execute, tasks.lane("cnnlab-sweep-cells"));
        List<CnnPreset> presets;
        try {
            presets = CnnPreset.loadBundled();
        } catch (IOException | RuntimeException e) {
            presets = List.of();
        }
        view = new CnnLabView(picker, queue, sweep, presets, tasks, chooseDir);
        // Saved runs are read off the FX thread and listed when ready.
        background.execute(() -> {
            List<RunItem> saved = queue.loadSaved();
            ui.execute(() -> queue.addRestored(saved));
        });
        picker.refreshPreview();
        sweep.openLatest();
    }

    /**
     * The lab as {@code MainWindow} builds it: the engine's trainings and sweeps (on the lane {@code sweeps}), the runs under {@code ~/.muonscope/cnn-runs}
     * (or {@code -Dmuonscope.home}), and a shutdown when the window closes so running trainings can be resumed.
     */
    public static javafx.scene.Node create(org.muonscope.app.common.LabContext ctx) {
        CnnLab lab = new CnnLab(new EngineBackend(ctx.tasks().lane("cnnlab-training")), new EngineSweeps(ctx.tasks().lane("sweeps")),
                RunStore.defaultStore(), null, ctx.tasks());
        if (ctx != null && ctx.stage() != null) {
            ctx.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> lab.shutdown());
        }
        lab.view().getProperties().put(CnnLab.class, lab);
        String preset = System.getProperty("muonscope.cnn.preset");
        if (preset != null) lab.openAtStart(preset, Boolean.getBoolean("muonscope.cnn.autostart"));
        return lab.view();
    }

    /**
     * For demos and screenshots ({@code -Dmuonscope.cnn.preset=ID [-Dmuonscope.cnn.autostart=true]}): once the
     * window shows, brings the CNN Lab's tab forward, applies the preset and, with autostart, queues its runs (or runs
     * its sweep).
     */
    void openAtStart(String presetId, boolean autostart) {
        view.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) return;
            // A few seconds after the window shows, so the start of the app is not counted as a stall of the runs.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(autostart ? 4 : 0.2));
            settle.setOnFinished(ev -> {
                for (javafx.scene.Node n = view.getParent(); n != null; n = n.getParent()) {
                    if (n instanceof javafx.scene.control.TabPane tp) {
                        tp.getTabs().stream().filter(t -> t.getContent() == view).findFirst().ifPresent(t -> tp.getSelectionModel().select(t));
                    }
                }
                try {
                    CnnPreset p = CnnPreset.loadBundled().stream().filter(x -> x.id().equals(presetId)).findFirst().orElse(null);
                    if (p == null) return;
                    picker.apply(p);
                    sweep.apply(p);
                    if (autostart) {
                        if (p.isSweep()) {
                            sweep.launch();
                        } else {
                            queue.enqueueGroup(picker.specs());
                        }
                        view.tabs().getSelectionModel().select(p.isSweep() ? 2 : 1);
                    }
                } catch (IOException | RuntimeException e) {
                    picker.errorProperty().set("preset " + presetId + ": " + e.getMessage());
                }
            });
            settle.play();
        });
    }

    public CnnLabView view() { return view; }

    public RunQueueViewModel queue() { return queue; }

    public ExperimentPickerViewModel picker() { return picker; }

    public SweepViewModel sweep() { return sweep; }

    /** Stops running trainings (recorded as interrupted) and the running sweep, and lets pending file writes finish. */
    public void shutdown() {
        queue.shutdown();
        sweep.cancel();
        // the file writes queued before this point finish first: wait for a marker behind them (at most 5 s)
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        io.execute(written::countDown);
        try {
            written.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        view.stallMeter().stop();
    }

}

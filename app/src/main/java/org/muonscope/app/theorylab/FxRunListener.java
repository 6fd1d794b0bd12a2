package org.muonscope.app.theorylab;

import org.muonscope.app.common.UiExecutor;

import org.muonscope.app.common.RunEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.app.plots.TheoryPoint;

/**
 * Carries engine events to the UI thread in batches: the engine's threads only enqueue, and at most one drain
 * is pending on the UI executor at a time, so a fast run cannot flood the FX event queue (one update per
 * frame at most, however many snapshots arrive).
 */
public final class FxRunListener implements RunListener, RunEngine.FailureListener {
    /** Receives batches on the UI thread, in arrival order per optimizer. */
    public interface Sink {
        void onBatch(List<TheoryPoint> snapshots, List<OptimizerResult> ended, RunResult finished);

        /** The run failed outright (an engine error, not a divergence). */
        default void onFailure(Throwable error) { }
    }

    private final UiExecutor ui;
    private final Sink sink;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private volatile boolean detached;

    public FxRunListener(UiExecutor ui, Sink sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /** Drops every later event: used when the run is superseded by a newer one. */
    public void detach() {
        detached = true;
        queue.clear();
    }

    @Override
    public void onRecord(Record record) {
        offer(TheoryPoint.of(record));
    }

    @Override
    public void onOptimizerEnded(OptimizerResult result) {
        offer(result);
    }

    @Override
    public void onRunEnded(RunResult result) {
        offer(result);
    }

    @Override
    public void onFailure(Throwable error) {
        offer(error);
    }

    private void offer(Object event) {
        if (detached) return;
        queue.add(event);
        if (drainPending.compareAndSet(false, true)) ui.execute(this::drain);
    }

    private void drain() {
        drainPending.set(false);
        if (detached) return;
        List<TheoryPoint> snaps = new ArrayList<>();
        List<OptimizerResult> ended = new ArrayList<>();
        RunResult finished = null;
        Throwable failure = null;
        Object e;
        while ((e = queue.poll()) != null) {
            if (e instanceof TheoryPoint s) snaps.add(s);
            else if (e instanceof OptimizerResult r) ended.add(r);
            else if (e instanceof RunResult r) finished = r;
            else if (e instanceof Throwable t) failure = t;
        }
        if (!snaps.isEmpty() || !ended.isEmpty() || finished != null) sink.onBatch(snaps, ended, finished);
        if (failure != null) sink.onFailure(failure);
    }
}

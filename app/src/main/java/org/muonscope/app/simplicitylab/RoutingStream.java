package org.muonscope.app.simplicitylab;

import org.muonscope.engine.experiments.routing.RoutingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.muonscope.app.common.UiExecutor;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.spec.RoutingSpec;

/**
 * Carries a routing run's records to the UI thread while it trains. The run's thread only enqueues; at most one
 * drain is pending on the UI executor, so however fast records come the FX queue holds one task, and each drain
 * hands the sink one partial result with everything so far (the view then redraws at most once a frame).
 */
final class RoutingStream implements RunListener {
    /** What a partial trace says in place of a stop reason. */
    static final String RUNNING = "running";

    private record Rec(int slot, String label, RoutingRun.Point point) { }

    private final RoutingSpec spec;
    private final UiExecutor ui;
    private final CancelToken cancelled;
    private final Consumer<RoutingRun> sink;
    private final ConcurrentLinkedQueue<Rec> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private volatile boolean closed;
    // UI thread only
    private final List<List<RoutingRun.Point>> points = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private int drains;

    RoutingStream(RoutingSpec spec, UiExecutor ui, CancelToken cancelled, Consumer<RoutingRun> sink) {
        this.spec = spec;
        this.ui = ui;
        this.cancelled = cancelled;
        this.sink = sink;
        for (int i = 0; i < spec.optimizers().size(); i++) {
            points.add(new ArrayList<>());
            labels.add(null);
        }
    }

    @Override
    public void onRecord(Record record) {
        if (closed || cancelled.isCancelled()) return;
        queue.add(new Rec(record.slot(), record.optimizer(), RoutingRun.point(record)));
        if (drainPending.compareAndSet(false, true)) ui.execute(this::drain);
    }

    /** Stops delivery: the complete result replaces the partial ones (call on the UI thread). */
    void close() {
        closed = true;
        queue.clear();
    }

    /** How many partial results were handed over (tests: the coalescing). */
    int drains() { return drains; }

    private void drain() {
        drainPending.set(false);
        if (closed || cancelled.isCancelled()) return;
        Rec r;
        boolean any = false;
        while ((r = queue.poll()) != null) {
            points.get(r.slot()).add(r.point());
            labels.set(r.slot(), r.label());
            any = true;
        }
        if (!any) return;
        List<RoutingRun.Trace> traces = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).isEmpty()) continue;
            traces.add(new RoutingRun.Trace(labels.get(i), spec.optimizers().get(i), List.copyOf(points.get(i)), RUNNING));
        }
        drains++;
        sink.accept(new RoutingRun(null, spec, List.copyOf(traces)));
    }
}

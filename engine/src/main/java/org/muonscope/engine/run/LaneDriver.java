package org.muonscope.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The one run loop: drives one {@link Lane} step by step, emits its records, and ends it with one {@link Status}
 * and message by one rule for every kind. {@link #advance} is one step, so lanes can run one after the other, in
 * parallel, or in lockstep (routing: the live view shows the optimizers side by side) with the same numbers.
 */
public final class LaneDriver {
    private final Lane lane;
    private final String label;
    private final int slot;
    private final OptimizerSettings settings;
    private final RunListener listener;
    private final CancelToken cancel;
    private final List<Record> records = new ArrayList<>();
    private long t;
    private Status status;
    private String message;

    public LaneDriver(Lane lane, String label, int slot, OptimizerSettings settings, RunListener listener, CancelToken cancel) {
        this.lane = lane;
        this.label = label;
        this.slot = slot;
        this.settings = settings;
        this.listener = listener;
        this.cancel = cancel;
        this.records.addAll(lane.restored());
        this.t = lane.firstStep();
    }

    /** One step: observe, record, end or step. Returns false once the lane has ended. */
    public boolean advance() {
        if (status != null) return false;
        try {
            Values v = lane.observe(t);
            if (v != null) {
                Record r = new Record(label, slot, t, v);
                records.add(r);
                listener.onRecord(r);
            }
            if (t >= lane.lastStep()) return end(Status.COMPLETED, null);
            if (cancel.isCancelled()) return end(Status.CANCELLED, "cancelled at step " + t);
            lane.step(t);
            t++;
            return true;
        } catch (Diverged d) {
            return end(Status.DIVERGED, diverged(label, t, d.what(), settings.lr()));
        } catch (RuntimeException e) {
            return end(Status.FAILED, "failed at step " + t + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Advances until the lane ends and returns its result. */
    public OptimizerResult run() {
        while (advance()) {
            // one step at a time
        }
        return result();
    }

    /** The lane's result (once it has ended); reported to the listener the first time. */
    public OptimizerResult result() {
        if (status == null) throw new IllegalStateException(label + " has not ended");
        if (result == null) {
            Values summary;
            try {
                summary = lane.summary();
            } catch (RuntimeException e) {
                summary = Values.EMPTY;
            }
            result = new OptimizerResult(label, slot, settings, status, message, records, summary);
            listener.onOptimizerEnded(result);
        }
        return result;
    }

    private OptimizerResult result;

    public boolean ended() {
        return status != null;
    }

    private boolean end(Status s, String m) {
        status = s;
        message = m;
        return false;
    }

    /**
     * The result of an optimizer whose run was cancelled before it started (its model was never built); reported to
     * the listener.
     */
    public static OptimizerResult notStarted(String label, int slot, OptimizerSettings settings, RunListener listener) {
        OptimizerResult r = new OptimizerResult(label, slot, settings, Status.CANCELLED, "cancelled before the first step",
                List.of(), Values.EMPTY);
        listener.onOptimizerEnded(r);
        return r;
    }

    /** The divergence message of every kind: it names the optimizer, the step, what broke and the step size. */
    public static String diverged(String label, long step, String what, double lr) {
        return String.format(Locale.ROOT, "%s diverged at step %d: %s became non-finite (NaN or infinite); "
                + "the step size is likely too large (lr=%s)", label, step, what, Double.toString(lr));
    }
}

package org.muonscope.app.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.TheorySpec;

/**
 * What the charts draw: the snapshots of one run per optimizer slot, growing while the run streams in.
 * Owned by one thread (the UI thread in the window); the charts read it when its {@link #version} changes.
 */
public final class RunData {
    /** One optimizer's stream. */
    public static final class Slot {
        private final String label;
        private final int index;
        private final List<TheoryPoint> snapshots = new ArrayList<>();
        private OptimizerResult result;

        Slot(String label, int index) {
            this.label = label;
            this.index = index;
        }

        public String label() { return label; }
        public int index() { return index; }
        public List<TheoryPoint> snapshots() { return snapshots; }
        /** Null while running. */
        public OptimizerResult result() { return result; }

        public boolean diverged() {
            return result != null && result.status() == Status.DIVERGED;
        }

        public double[] steps() {
            double[] x = new double[snapshots.size()];
            for (int i = 0; i < x.length; i++) x[i] = snapshots.get(i).step();
            return x;
        }

        public double[] values(ToDoubleFunction<TheoryPoint> f) {
            double[] y = new double[snapshots.size()];
            for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(snapshots.get(i));
            return y;
        }

        public double[] diag(int c) { return values(s -> s.diag()[c]); }
        public double[] classLoss(int c) { return values(s -> s.classLoss()[c]); }
        public double[] classAccuracy(int c) { return values(s -> s.classAccuracy()[c]); }

        /**
         * Measured steps to 90% of {@code wStar[c]}: the engine's value once the optimizer has ended, before
         * that the first streamed snapshot at or above it (-1 when not reached).
         */
        public long t90(int c, double wStar) {
            double[] measured = result == null ? null : result.summary().vector(TheoryFields.T90_MEASURED);
            if (measured != null && c < measured.length) return Double.isNaN(measured[c]) ? -1 : (long) measured[c];
            for (TheoryPoint s : snapshots) if (s.diag()[c] >= 0.9 * wStar) return s.step();
            return -1;
        }

        public TheoryPoint last() {
            return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        }
    }

    private final TheorySpec spec;
    private final List<Slot> slots = new ArrayList<>();
    private RunResult finished;
    private long version;

    public RunData(TheorySpec spec, List<String> labels) {
        this.spec = spec;
        for (int i = 0; i < labels.size(); i++) slots.add(new Slot(labels.get(i), i));
    }

    /** Builds the data of a finished run (e.g. read back from a results folder). */
    public static RunData of(RunResult r) {
        List<String> labels = new ArrayList<>();
        for (OptimizerResult o : r.optimizers()) labels.add(o.label());
        RunData d = new RunData((TheorySpec) r.spec(), labels);
        for (OptimizerResult o : r.optimizers()) {
            for (Record rec : o.records()) d.slots.get(o.slot()).snapshots.add(TheoryPoint.of(rec));
            d.slots.get(o.slot()).result = o;
        }
        d.finished = r;
        d.version++;
        return d;
    }

    /**
     * A copy that later {@link #add}s do not touch, for a render thread to read while the UI thread goes on
     * appending: the snapshot lists are copied (references only; snapshots are immutable).
     */
    public RunData freeze() {
        RunData d = new RunData(spec, List.of());
        for (Slot s : slots) {
            Slot c = new Slot(s.label, s.index);
            c.snapshots.addAll(s.snapshots);
            c.result = s.result;
            d.slots.add(c);
        }
        d.finished = finished;
        d.version = version;
        return d;
    }

    public void add(TheoryPoint s) {
        slots.get(s.slot()).snapshots.add(s);
        version++;
    }

    public void end(OptimizerResult r) {
        slots.get(r.slot()).result = r;
        version++;
    }

    public void finish(RunResult r) {
        finished = r;
        version++;
    }

    public TheorySpec spec() { return spec; }
    public List<Slot> slots() { return slots; }
    public Slot slot(int i) { return slots.get(i); }
    public boolean isFinished() { return finished != null; }
    public RunResult result() { return finished; }
    public long version() { return version; }

    /** The largest step seen in any slot (0 before the first snapshot). */
    public long maxStep() {
        long m = 0;
        for (Slot s : slots) {
            TheoryPoint l = s.last();
            if (l != null) m = Math.max(m, l.step());
        }
        return m;
    }

    /** The latest snapshot of a slot at or before {@code step}, null if none. */
    public TheoryPoint at(int slot, double step) {
        List<TheoryPoint> list = slots.get(slot).snapshots;
        int lo = 0, hi = list.size() - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).step() <= step) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return best < 0 ? null : list.get(best);
    }
}

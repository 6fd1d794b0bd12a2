package org.muonscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.experiment.Snapshot;

class FxRunListenerTest {
    private static Snapshot snap(long step) {
        double[] z = {0, 0};
        return new Snapshot("gd", 0, step, z, z, z, 0, 0, 0, 0, 0, 0, 0, z);
    }

    @Test
    void manyEventsBecomeOneBatchPerDrain() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, (s, e, f) -> batches.add(s.size()));
        for (int i = 0; i < 1000; i++) l.onSnapshot(snap(i));
        assertEquals(1, queued.size(), "one drain scheduled for the whole burst");
        queued.get(0).run();
        assertEquals(List.of(1000), batches);
        l.onSnapshot(snap(1000));
        assertEquals(2, queued.size(), "a new drain after the previous one ran");
    }

    @Test
    void detachedListenerDropsLateEvents() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, (s, e, f) -> batches.add(s.size()));
        l.onSnapshot(snap(0));
        l.detach();
        l.onSnapshot(snap(1));
        queued.forEach(Runnable::run);
        assertEquals(List.of(), batches);
    }

    @Test
    void anEngineFailureReachesTheSink() {
        List<Runnable> queued = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, new FxRunListener.Sink() {
            @Override public void onBatch(List<Snapshot> s, List<org.muonscope.engine.experiment.OptimizerResult> e,
                                          org.muonscope.engine.experiment.RunResult f) { }
            @Override public void onFailure(Throwable t) { failures.add(t.getMessage()); }
        });
        l.onFailure(new IllegalStateException("boom"));
        queued.forEach(Runnable::run);
        assertEquals(List.of("boom"), failures);
    }
}

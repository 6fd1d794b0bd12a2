package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.app.plots.TheoryPoint;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.Values;

class FxRunListenerTest {
    private static Record snap(long step) {
        double[] z = {0, 0};
        return new Record("gd", 0, step, Values.builder().put(TheoryFields.DIAG, z).put(TheoryFields.CLASS_LOSS, z)
                .put(TheoryFields.CLASS_ACCURACY, z).build());
    }

    @Test
    void manyEventsBecomeOneBatchPerDrain() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, (s, e, f) -> batches.add(s.size()));
        for (int i = 0; i < 1000; i++) l.onRecord(snap(i));
        assertEquals(1, queued.size(), "one drain scheduled for the whole burst");
        queued.get(0).run();
        assertEquals(List.of(1000), batches);
        l.onRecord(snap(1000));
        assertEquals(2, queued.size(), "a new drain after the previous one ran");
    }

    @Test
    void detachedListenerDropsLateEvents() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, (s, e, f) -> batches.add(s.size()));
        l.onRecord(snap(0));
        l.detach();
        l.onRecord(snap(1));
        queued.forEach(Runnable::run);
        assertEquals(List.of(), batches);
    }

    @Test
    void anEngineFailureReachesTheSink() {
        List<Runnable> queued = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        FxRunListener l = new FxRunListener(queued::add, new FxRunListener.Sink() {
            @Override public void onBatch(List<TheoryPoint> s, List<org.muonscope.engine.run.OptimizerResult> e,
                                          org.muonscope.engine.run.RunResult f) { }
            @Override public void onFailure(Throwable t) { failures.add(t.getMessage()); }
        });
        l.onFailure(new IllegalStateException("boom"));
        queued.forEach(Runnable::run);
        assertEquals(List.of("boom"), failures);
    }
}

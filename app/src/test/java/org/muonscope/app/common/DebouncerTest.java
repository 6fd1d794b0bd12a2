package org.muonscope.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muonscope.app.support.ManualScheduler;

class DebouncerTest {
    @Test
    void aBurstOfRequestsRunsTheLastActionOnce() {
        ManualScheduler s = new ManualScheduler();
        Debouncer d = new Debouncer(s, 100);
        AtomicInteger last = new AtomicInteger(), runs = new AtomicInteger();
        for (int i = 1; i <= 5; i++) {
            int v = i;
            d.request(() -> { last.set(v); runs.incrementAndGet(); });
        }
        assertEquals(1, s.pending());
        s.flush();
        assertEquals(1, runs.get());
        assertEquals(5, last.get());
    }

    @Test
    void cancelDropsThePendingAction() {
        ManualScheduler s = new ManualScheduler();
        Debouncer d = new Debouncer(s, 100);
        AtomicInteger runs = new AtomicInteger();
        d.request(runs::incrementAndGet);
        d.cancel();
        s.flush();
        assertEquals(0, runs.get());
    }
}

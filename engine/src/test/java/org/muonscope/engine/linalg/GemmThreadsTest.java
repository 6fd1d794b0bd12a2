package org.muonscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The persistent team: every part exactly once, failures rethrown, nested and concurrent calls safe. */
class GemmThreadsTest {
    @Test
    void everyPartRunsExactlyOnceOverManyBackToBackLoops() {
        try (GemmThreads t = GemmThreads.of(3)) {
            for (int call = 0; call < 2000; call++) {
                int parts = 1 + call % 11;
                AtomicIntegerArray hits = new AtomicIntegerArray(parts);
                t.forEach(parts, hits::incrementAndGet);
                for (int p = 0; p < parts; p++) assertEquals(1, hits.get(p), "call " + call + " part " + p);
            }
        }
    }

    @Test
    void aFailingPartIsRethrownAndTheTeamStaysUsable() {
        try (GemmThreads t = GemmThreads.of(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.forEach(8, p -> {
                if (p == 5) throw new IllegalStateException("part 5");
            }));
            assertEquals("part 5", e.getMessage());
            AtomicIntegerArray hits = new AtomicIntegerArray(8);
            t.forEach(8, hits::incrementAndGet);
            for (int p = 0; p < 8; p++) assertEquals(1, hits.get(p));
        }
    }

    @Test
    void nestedAndConcurrentCallsRunOnTheCallerWithoutDeadlock() throws Exception {
        try (GemmThreads t = GemmThreads.of(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(4 * 5);
            t.forEach(4, p -> t.forEach(5, q -> inner.incrementAndGet(p * 5 + q)));
            for (int i = 0; i < 20; i++) assertEquals(1, inner.get(i));
            AtomicIntegerArray a = new AtomicIntegerArray(1000), b = new AtomicIntegerArray(1000);
            Thread other = new Thread(() -> {
                for (int i = 0; i < 1000; i++) t.forEach(3, p -> a.incrementAndGet(0));
            });
            other.start();
            for (int i = 0; i < 1000; i++) t.forEach(3, p -> b.incrementAndGet(0));
            other.join();
            assertEquals(3000, a.get(0));
            assertEquals(3000, b.get(0));
        }
    }
}

package org.muonscope.engine.linalg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed team of {@code T} threads for data-parallel loops: the caller and {@code T-1} daemon workers claim
 * the parts of a loop one by one. The kernels built on it never split a reduction across parts, so results do
 * not depend on which thread ran a part, nor on {@code T}.
 */
public final class GemmThreads implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService workers;

    private GemmThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        if (threads == 1) {
            workers = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            ThreadFactory f = r -> {
                Thread t = new Thread(r, "muonscope-gemm-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            workers = Executors.newFixedThreadPool(threads - 1, f);
        }
    }

    /** A team of the given size (1 = everything on the calling thread). */
    public static GemmThreads of(int threads) {
        return new GemmThreads(threads);
    }

    public int size() {
        return threads;
    }

    /**
     * Runs {@code body.accept(i)} for {@code i = 0 .. parts-1}, at most {@link #size()} at once, and returns
     * when all are done. An exception in any part is rethrown here.
     */
    public void forEach(int parts, IntConsumer body) {
        if (parts <= 0) return;
        if (parts == 1 || workers == null) {
            for (int i = 0; i < parts; i++) body.accept(i);
            return;
        }
        int teams = Math.min(parts, threads);
        // parts are claimed, not pre-assigned: on a shared machine a descheduled thread's share is picked up by
        // the others instead of stalling the whole call (the results do not depend on who computes a part)
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) body.accept(i);
        };
        Future<?>[] fs = new Future<?>[teams - 1];
        for (int t = 1; t < teams; t++) fs[t - 1] = workers.submit(worker);
        RuntimeException first = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (first == null) first = new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (first != null) throw first;
    }

    /**
     * Splits {@code [0, n)} into contiguous ranges (four per thread, so a slow thread's share can be taken over)
     * and runs {@code body(from, to)} on each.
     */
    public void range(int n, RangeBody body) {
        int parts = Math.max(1, Math.min(threads == 1 ? 1 : 4 * threads, n));
        forEach(parts, p -> {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            if (to > from) body.run(from, to);
        });
    }

    /** A loop body over a half-open range. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
    }
}

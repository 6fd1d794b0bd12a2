package org.muonscope.engine.linalg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed team of {@code T} threads for data-parallel loops: the caller runs one share itself and the other
 * {@code T-1} shares go to daemon workers. Work is split statically (share {@code i} of {@code T}), never
 * stolen, so which thread computes which element depends only on {@code T}; the kernels built on it never
 * split a reduction, so results do not even depend on {@code T}.
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
     * Runs {@code body.accept(i)} for {@code i = 0 .. parts-1}, at most {@link #size()} at a time, and returns
     * when all are done. An exception in any part is rethrown here.
     */
    public void forEach(int parts, IntConsumer body) {
        if (parts <= 0) return;
        if (parts == 1 || workers == null) {
            for (int i = 0; i < parts; i++) body.accept(i);
            return;
        }
        int teams = Math.min(parts, threads);
        @SuppressWarnings("unchecked")
        Future<?>[] fs = new Future<?>[teams - 1];
        for (int t = 1; t < teams; t++) {
            final int team = t;
            fs[t - 1] = workers.submit(() -> {
                for (int i = team; i < parts; i += teams) body.accept(i);
            });
        }
        RuntimeException first = null;
        try {
            for (int i = 0; i < parts; i += teams) body.accept(i);
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

    /** Splits {@code [0, n)} into {@link #size()} contiguous ranges and runs {@code body(from, to)} on each. */
    public void range(int n, RangeBody body) {
        int parts = Math.max(1, Math.min(threads, n));
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

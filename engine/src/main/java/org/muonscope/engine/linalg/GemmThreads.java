package org.muonscope.engine.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of {@code T} threads for data-parallel loops: the caller and {@code T-1} daemon workers claim
 * the parts of a loop one by one. The kernels built on it never split a reduction across parts, so results do
 * not depend on which thread ran a part, nor on {@code T}.
 *
 * <p>The workers are persistent and a loop is handed over through fields, not a queue: a call allocates
 * nothing (a training step makes dozens of them, and the CNN's allocation test counts every byte), and a
 * worker that has just finished a part spins briefly before parking, so back-to-back loops of one step start
 * without a wake-up. A call made while the team is busy (another thread's loop, or a nested call from inside
 * a part) runs on the calling thread alone: the same numbers, never a deadlock.
 */
public final class GemmThreads implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** How long an idle worker polls for the next loop before parking (a step's loops follow each other closely). */
    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private IntConsumer body;
    private int parts;
    private int helpers;
    private volatile RuntimeException failure;

    private GemmThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        int id = POOLS.incrementAndGet();
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker("muonscope-gemm-" + id + "-" + (t + 1));
            workers[t].start();
        }
    }

    /** A team of the given size (1 = everything on the calling thread). */
    public static GemmThreads of(int threads) {
        return new GemmThreads(threads);
    }

    public int size() {
        return threads;
    }

    /** The worker threads (for allocation accounting in tests); the caller is the team's other member. */
    public Thread[] workerThreads() {
        return workers.clone();
    }

    /**
     * Runs {@code body.accept(i)} for {@code i = 0 .. parts-1}, at most {@link #size()} at once, and returns
     * when all are done. An exception in any part is rethrown here (the other parts still run to the end).
     */
    public void forEach(int parts, IntConsumer body) {
        if (parts <= 0) return;
        if (parts == 1 || workers.length == 0 || closed || busy.isHeldByCurrentThread() || !busy.tryLock()) {
            for (int i = 0; i < parts; i++) body.accept(i);
            return;
        }
        try {
            this.body = body;
            this.parts = parts;
            this.helpers = Math.min(parts, threads) - 1;
            failure = null;
            next.set(0);
            running.set(helpers);
            caller = Thread.currentThread();
            generation++;
            for (int t = 0; t < helpers; t++) {
                workers[t].ticket = generation; // volatile write: publishes the fields above to this worker
                LockSupport.unpark(workers[t]);
            }
            RuntimeException mine = null;
            try {
                claim(body, parts);
            } catch (RuntimeException e) {
                mine = e;
            }
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (running.get() > 0) {
                if (System.nanoTime() < spinUntil) Thread.onSpinWait(); else LockSupport.park(this);
            }
            this.body = null;
            RuntimeException theirs = failure;
            if (mine != null) throw mine;
            if (theirs != null) throw theirs;
        } finally {
            busy.unlock();
        }
    }

    private void claim(IntConsumer b, int n) {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) b.accept(i);
    }

    /**
     * Only the workers a loop needs get its ticket, so a worker never reads the fields of a loop it is not part
     * of, and the caller waits for every worker it handed a ticket.
     */
    private final class Worker extends Thread {
        volatile long ticket;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                long t;
                while ((t = ticket) == seen && !closed) {
                    if (System.nanoTime() < spinUntil) Thread.onSpinWait(); else LockSupport.park(GemmThreads.this);
                }
                if (closed) return;
                seen = t;
                try {
                    claim(body, parts);
                } catch (RuntimeException | Error e) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } finally {
                    if (running.decrementAndGet() == 0) LockSupport.unpark(caller);
                }
            }
        }
    }

    /**
     * Splits {@code [0, n)} into contiguous ranges (four per thread, so a slow thread's share can be taken over)
     * and runs {@code body(from, to)} on each. Allocates a small object per call; hot loops keep a {@link Ranges}.
     */
    public void range(int n, RangeBody body) {
        new Ranges(body).run(this, n);
    }

    /** A loop body over a half-open range. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** A reusable {@link #range} call: keep one per loop site so that calls allocate nothing. */
    public static final class Ranges implements IntConsumer {
        private final RangeBody body;
        private int n;
        private int parts;

        public Ranges(RangeBody body) {
            this.body = body;
        }

        public void run(GemmThreads team, int n) {
            if (n <= 0) return;
            this.n = n;
            this.parts = Math.max(1, Math.min(team.threads == 1 ? 1 : 4 * team.threads, n));
            team.forEach(parts, this);
        }

        @Override
        public void accept(int p) {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            if (to > from) body.run(from, to);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}

package org.muonscope.app.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where every background job of every lab runs (JabRef's TaskExecutor idea): views and view models never start
 * threads, they hand work to this seam, which the window's {@link LabContext} carries. The window uses
 * {@link #threads}; tests use a queue they drain themselves (or {@link #direct()}), so background work happens
 * exactly when a test says and nothing races a click.
 */
public interface TaskExecutor {
    /** Runs {@code work} off the UI thread; independent jobs may run at the same time. */
    void execute(Runnable work);

    /**
     * A named lane whose jobs run one at a time, in the order they were handed in (a figure renderer, a lab's file
     * writes, one training after another). The same name always gives the same lane.
     */
    Executor lane(String name);

    /** The UI thread. */
    UiExecutor ui();

    /** Stops taking work; running jobs finish, queued ones are dropped. Waits at most {@code millis}. */
    default void shutdown(long millis) { }

    /** Daemon threads (a cached pool, one thread per lane) and the given UI thread: what the window runs on. */
    static TaskExecutor threads(UiExecutor ui) {
        return new Threads(ui);
    }

    /** Everything at once on the calling thread, the UI included (headless exports, simple tests). */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public void execute(Runnable work) {
                work.run();
            }

            @Override
            public Executor lane(String name) {
                return Runnable::run;
            }

            @Override
            public UiExecutor ui() {
                return UiExecutor.sameThread();
            }
        };
    }

    /** The production executor. */
    final class Threads implements TaskExecutor {
        private final UiExecutor ui;
        private final AtomicInteger ids = new AtomicInteger();
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> thread(r, "muonscope-task-" + ids.incrementAndGet()));
        private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();

        private Threads(UiExecutor ui) {
            this.ui = ui;
        }

        private static Thread thread(Runnable r, String name) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }

        @Override
        public void execute(Runnable work) {
            pool.execute(work);
        }

        @Override
        public Executor lane(String name) {
            return lanes.computeIfAbsent(name, n -> Executors.newSingleThreadExecutor(r -> thread(r, "muonscope-" + n)));
        }

        @Override
        public UiExecutor ui() {
            return ui;
        }

        @Override
        public void shutdown(long millis) {
            for (ExecutorService lane : lanes.values()) lane.shutdown();
            pool.shutdown();
            try {
                for (ExecutorService lane : lanes.values()) lane.awaitTermination(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

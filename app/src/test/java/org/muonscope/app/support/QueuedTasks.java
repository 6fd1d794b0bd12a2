package org.muonscope.app.support;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.UiExecutor;

/**
 * Background work that happens exactly when the test says: every job (of any lane) waits in one queue until
 * {@link #runAll} or {@link #runOne}; the UI runs on the test's thread. Nothing races the test. Jobs may be handed in
 * from any thread (a real sweep's cells land on the engine's threads while {@link #runAll} runs the sweep); they run
 * only when the test drains the queue.
 */
public final class QueuedTasks implements TaskExecutor {
    private final Deque<Runnable> queue = new ConcurrentLinkedDeque<>();

    @Override
    public void execute(Runnable work) {
        queue.add(work);
    }

    @Override
    public Executor lane(String name) {
        return queue::add;
    }

    @Override
    public UiExecutor ui() {
        return UiExecutor.sameThread();
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the oldest job; false when there was none. */
    public boolean runOne() {
        Runnable r = queue.poll();
        if (r == null) return false;
        r.run();
        return true;
    }

    /** Runs jobs, including those they queue, until none is left. */
    public void runAll() {
        while (runOne()) {
            // keep going
        }
    }
}

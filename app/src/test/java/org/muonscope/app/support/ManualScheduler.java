package org.muonscope.app.support;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.common.Scheduler;

/** A scheduler whose tasks run only when the test calls {@link #flush()}: debouncing becomes observable. */
public final class ManualScheduler implements Scheduler {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    public int pending() {
        return tasks.size();
    }

    public void flush() {
        List<Runnable> now = new ArrayList<>(tasks);
        tasks.clear();
        now.forEach(Runnable::run);
    }
}

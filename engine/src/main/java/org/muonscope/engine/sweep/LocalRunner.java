package org.muonscope.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.spec.CnnSpec;

/**
 * The default runner: cells in this process, {@code parallel} at once, each on a thread of its own (a theory
 * cell's optimizers go to the shared {@link org.muonscope.engine.run.RunContext#pool()}).
 */
public final class LocalRunner implements SweepRunner {
    private final int parallel;

    public LocalRunner(int parallel) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        this.parallel = parallel;
    }

    /**
     * As many cells at once as the cores allow: a CNN cell keeps {@code threads} cores busy with its GEMM team,
     * so it counts that many; every other kind counts one.
     */
    public static int defaultParallelism(List<Cell> cells) {
        int perCell = 1;
        for (Cell c : cells) if (c.spec() instanceof CnnSpec s) perCell = Math.max(perCell, s.threads());
        return Math.max(1, Runtime.getRuntime().availableProcessors() / perCell);
    }

    public int parallel() {
        return parallel;
    }

    @Override
    public String describe() {
        return "local, " + parallel + (parallel == 1 ? " cell" : " cells") + " at once";
    }

    @Override
    public void run(List<CellTask> tasks, Path dir, Consumer<CellOutcome> landed, CancelToken cancel) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, tasks.size())), r -> {
            Thread t = new Thread(r, "muonscope-cell-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (CellTask task : tasks) {
                running.add(pool.submit(() -> {
                    if (!cancel.isCancelled()) landed.accept(Cells.execute(task, dir, cancel));
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

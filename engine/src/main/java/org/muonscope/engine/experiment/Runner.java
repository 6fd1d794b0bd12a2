package org.muonscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every optimizer of a {@link TheorySpec} side by side, each on its own model built from the same seed (so
 * all start from the same initialization and see the same data), on a pool of background daemon threads.
 *
 * <p>Snapshots go to the listener at step 0, every {@code every} steps and at the last step. An optimizer whose
 * loss or weights stop being finite ends DIVERGED with a message naming the step; the others go on. See
 * {@link OptimizerRun} for the loop itself.
 */
public final class Runner {
    private Runner() { }

    /** Default {@code command} recorded in the provenance when the caller names none. */
    public static final String DEFAULT_COMMAND = "engine";

    /**
     * One pool for the whole process: the window replaces runs often (a slider move cancels and restarts), and a
     * cancelled run frees its threads within one step, so a fixed pool sized to the machine suffices and avoids
     * oversubscribing the cores. Daemon threads never keep the JVM alive.
     */
    private static final class Pool {
        static final ExecutorService INSTANCE = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), new java.util.concurrent.ThreadFactory() {
                    private final AtomicInteger n = new AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "muonscope-runner-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }

    /** Starts on the shared background pool. */
    public static RunHandle start(TheorySpec spec, RunListener listener) {
        return start(spec, listener, DEFAULT_COMMAND);
    }

    /**
     * Starts on the shared background pool.
     *
     * @param command what started the run, recorded in the provenance (e.g. the command line)
     */
    public static RunHandle start(TheorySpec spec, RunListener listener, String command) {
        return start(spec, listener, command, Pool.INSTANCE);
    }

    /**
     * Starts on the given executor (tests pass a direct executor to run in the calling thread).
     *
     * @param listener receives events on the executor's threads; may be null
     */
    public static RunHandle start(TheorySpec spec, RunListener listener, String command, Executor executor) {
        RunListener l = listener == null ? new RunListener() { } : listener;
        RunProvenance provenance = RunProvenance.capture(spec.seed(), command);
        RunHandle handle = new RunHandle();
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        List<CompletableFuture<OptimizerResult>> parts = new ArrayList<>();
        try {
            for (int slot = 0; slot < labels.size(); slot++) {
                OptimizerRun run = new OptimizerRun(spec, slot, labels.get(slot), handle, l);
                parts.add(CompletableFuture.supplyAsync(run::call, executor));
            }
        } catch (RuntimeException e) {
            handle.cancel();
            handle.completion().completeExceptionally(e);
            return handle;
        }
        CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).whenComplete((ignored, error) -> {
            if (error != null) {
                handle.cancel();
                handle.completion().completeExceptionally(error.getCause() == null ? error : error.getCause());
                return;
            }
            List<OptimizerResult> results = parts.stream().map(CompletableFuture::join).toList();
            RunResult result = new RunResult(spec, results, provenance);
            try {
                l.onRunEnded(result);
            } catch (RuntimeException e) {
                handle.completion().completeExceptionally(e);
                return;
            }
            handle.completion().complete(result);
        });
        return handle;
    }

    /** Runs to the end on the shared pool and returns the result. */
    public static RunResult run(TheorySpec spec, RunListener listener) {
        return start(spec, listener).await();
    }

    /** Runs every optimizer one after the other in the calling thread (benchmarks and tests). */
    public static RunResult runHere(TheorySpec spec, RunListener listener, String command) {
        return start(spec, listener, command, Runnable::run).await();
    }
}

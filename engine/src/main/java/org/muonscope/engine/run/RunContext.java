package org.muonscope.engine.run;

import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * How a run is carried out, apart from what it computes (the spec): what started it (recorded in the provenance),
 * the executor for optimizers that run in parallel, and the folder for checkpoints of long runs.
 *
 * @param command     what started the run, e.g. the command line
 * @param executor    runs the optimizers of a theory run in parallel; null runs them one after the other here
 * @param checkpoints folder for per-epoch checkpoints, resumed from when they match; null for none
 */
public record RunContext(String command, Executor executor, Path checkpoints) {
    /**
     * A process-wide pool of daemon threads, one per processor (at least two), for the optimizers of a run. The window
     * replaces runs often and a cancelled run frees its threads within one step, so one fixed pool avoids
     * oversubscribing the cores. Call {@code run} from a thread of your own, not from this pool: a run waits for its
     * optimizers' tasks.
     */
    public static Executor pool() {
        return Pool.INSTANCE;
    }

    private static final class Pool {
        static final Executor INSTANCE = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), new java.util.concurrent.ThreadFactory() {
                    private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "muonscope-runner-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }

    public static RunContext of(String command) {
        return new RunContext(command, null, null);
    }

    public RunContext withExecutor(Executor e) {
        return new RunContext(command, e, checkpoints);
    }

    public RunContext withCheckpoints(Path dir) {
        return new RunContext(command, executor, dir);
    }
}

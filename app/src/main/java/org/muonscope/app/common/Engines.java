package org.muonscope.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.RunContext;

/** The production engines behind the labs' seams. */
public final class Engines {
    /** The command recorded in the provenance of runs started from the window. */
    public static final String WINDOW_COMMAND = "muonscope (Theory Lab window)";

    /** Where a run waits for its optimizers (they run on the engine's pool): never a thread of that pool. */
    private static final ExecutorService RUNS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "muonscope-theory-run");
        t.setDaemon(true);
        return t;
    });

    private Engines() { }

    /** The Theory Lab engine: the one run loop, optimizers in parallel on the engine's pool. */
    public static RunEngine theory() {
        return (spec, listener) -> {
            CancelToken token = new CancelToken();
            RUNS.execute(() -> {
                try {
                    Experiments.run(spec, listener, token, RunContext.of(WINDOW_COMMAND).withExecutor(RunContext.pool()));
                } catch (RuntimeException | Error e) {
                    if (!token.isCancelled() && listener instanceof RunEngine.FailureListener f) f.onFailure(e);
                }
            });
            return token::cancel;
        };
    }
}

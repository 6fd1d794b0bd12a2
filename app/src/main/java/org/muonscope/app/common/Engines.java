package org.muonscope.app.common;

import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.RunContext;

/** The production engines behind the labs' seams. */
public final class Engines {
    /** The command recorded in the provenance of runs started from the window. */
    public static final String WINDOW_COMMAND = "muonscope (Theory Lab window)";


    private Engines() { }

    /**
     * The Theory Lab engine: the one run loop, optimizers in parallel on the engine's pool; the run itself waits for
     * them on a job of {@code tasks} (never a thread of the pool it waits on).
     */
    public static RunEngine theory(TaskExecutor tasks) {
        return (spec, listener) -> {
            CancelToken token = new CancelToken();
            tasks.execute(() -> {
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

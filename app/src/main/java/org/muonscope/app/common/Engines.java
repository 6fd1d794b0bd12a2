package org.muonscope.app.common;

import org.muonscope.engine.experiment.RunHandle;
import org.muonscope.engine.experiment.Runner;

/** The production engines behind the labs' seams. */
public final class Engines {
    /** The command recorded in the provenance of runs started from the window. */
    public static final String WINDOW_COMMAND = "muonscope (Theory Lab window)";

    private Engines() { }

    /** The Theory Lab engine: the runner on its background pool. */
    public static RunEngine theory() {
        return (spec, listener) -> {
            RunHandle h = Runner.start(spec, listener, WINDOW_COMMAND);
            if (listener instanceof RunEngine.FailureListener f) {
                h.future().whenComplete((r, e) -> {
                    if (e != null && !h.isCancelled()) f.onFailure(e.getCause() != null ? e.getCause() : e);
                });
            }
            return h::cancel;
        };
    }
}

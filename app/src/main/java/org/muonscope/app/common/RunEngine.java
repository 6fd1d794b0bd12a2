package org.muonscope.app.common;

import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The seam between the window and the engine's runner: the window starts runs through it, tests pass a fake
 * that replays snapshots on the calling thread.
 */
@FunctionalInterface
public interface RunEngine {
    /** Starts a run in the background; events arrive on the engine's threads. */
    Handle start(TheorySpec spec, RunListener listener);

    /** Implemented by listeners that want to hear of a run that failed outright (not a divergence). */
    interface FailureListener {
        void onFailure(Throwable error);
    }

    @FunctionalInterface
    interface Handle {
        /** Asks the run to stop at its next step; idempotent. */
        void cancel();
    }
}

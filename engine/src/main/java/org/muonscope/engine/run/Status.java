package org.muonscope.engine.run;

/** How one optimizer's run ended; every kind of experiment reports one of these with a message (null when completed). */
public enum Status {
    COMPLETED,
    /** The loss or the weights stopped being finite; the message names the step. */
    DIVERGED,
    /** Stopped by its cancel token; the message names the step. */
    CANCELLED,
    /** The engine failed (an error that is not the optimizer's doing); the message says what. */
    FAILED
}

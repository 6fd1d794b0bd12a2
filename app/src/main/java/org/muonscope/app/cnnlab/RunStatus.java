package org.muonscope.app.cnnlab;

/** Where a queued training stands. */
public enum RunStatus {
    QUEUED, RUNNING, DONE, CANCELLED, FAILED,
    /** The app closed (or died) while the run was queued or running; it can be resumed. */
    INTERRUPTED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    public String title() {
        return switch (this) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case DONE -> "done";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
            case INTERRUPTED -> "interrupted";
        };
    }
}

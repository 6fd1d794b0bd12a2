package org.muonscope.engine.sweep;

import java.io.Serializable;
import org.muonscope.engine.run.Status;

/**
 * How one cell ended, as its runner reports it: the worst status of its optimizers (failed, cancelled, diverged,
 * completed, in that order), the first message, where it ran and how long it took (wall clock, not part of any
 * result file).
 *
 * @param written whether its folder now holds its results (a cancelled cell or one that threw writes nothing)
 */
public record CellOutcome(String id, Status status, String message, String host, double seconds, boolean written)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}

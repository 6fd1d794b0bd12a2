package org.muonscope.engine.sweep;

import java.util.List;

/** Hears a sweep as it goes; called from the runner's threads, so implementations are thread-safe and quick. */
public interface SweepListener {
    SweepListener NONE = new SweepListener() { };

    /** Before any cell runs: every cell, and those already finished by an earlier run (skipped). */
    default void planned(List<Cell> cells, List<Cell> skipped) { }

    /** A cell landed (or failed, or was cancelled); {@code done} of {@code total} cells have landed this run. */
    default void landed(Cell cell, CellOutcome outcome, int done, int total) { }
}

package org.muonscope.app.cnnlab;

import java.nio.file.Path;
import java.util.List;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.SweepSpec;

/**
 * The seam between the CNN Lab's sweep panel and the engine's sweeps, as {@link TrainingBackend} is for single runs:
 * the real one ({@link EngineSweeps}) runs {@code Sweeps.run} on the lab's sweep lane; tests script when each cell
 * lands, so the panel's charts and progress are checked after every cell without waiting on training.
 */
public interface SweepBackend {
    /**
     * Starts the sweep in the background and returns at once; every cell is written into {@code dir/ID} (the same
     * folder {@code muonscope sweep --out dir} writes) and every observer call may come from any thread.
     *
     * @param cells  {@code Grid.cells(sweep)}: expanded, and so validated, by the caller
     * @param master {@code ""} for the local runner, else a master URL as {@code muonscope sweep --master} takes it
     */
    SweepJob start(SweepSpec sweep, List<Cell> cells, Path dir, String master, SweepObserver observer);

    /** A started sweep. */
    interface SweepJob {
        /**
         * Stops the sweep: running cells stop at their next step and write nothing (on Spark they finish or die with
         * their executor), cells not started never start; finished cells stay, and a rerun skips them.
         */
        void cancel();
    }

    /** Hears a sweep; implementations return quickly. */
    interface SweepObserver {
        /** Before any cell runs: what runs them ({@code local, 1 cell at once}, {@code spark://host:7077}) and the cells an earlier run finished. */
        void onPlanned(String runner, List<Cell> skipped);

        /** A cell landed: written (completed, diverged, or failed with its folder) or not (cancelled, or it threw). */
        void onLanded(Cell cell, CellOutcome outcome);

        /** Exactly once, last. {@code error} says why the sweep could not run (an unreachable master); null otherwise. */
        void onEnded(String error);
    }
}

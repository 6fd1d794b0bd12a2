package org.muonscope.engine.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.muonscope.engine.run.CancelToken;

/**
 * Runs the cells of a sweep somewhere: in this process ({@link LocalRunner}) or on a cluster (the {@code cluster}
 * module's Spark runner, found through {@link SweepRunnerProvider}). A runner only schedules: each cell is run by
 * {@link Cells#execute} into {@code dir}, a folder every node sees.
 */
public interface SweepRunner extends AutoCloseable {
    /** What runs the cells, for the user: {@code local, 2 cells at once}, {@code spark://host:7077}. */
    String describe();

    /**
     * Runs every task and returns when each has landed or the sweep was cancelled; {@code landed} hears each
     * outcome once, from any thread.
     */
    void run(List<CellTask> tasks, Path dir, Consumer<CellOutcome> landed, CancelToken cancel);

    @Override
    default void close() { }
}

package org.muonscope.app.cnnlab;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.muonscope.app.common.SweepRunners;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.LocalRunner;
import org.muonscope.engine.sweep.SweepListener;
import org.muonscope.engine.sweep.SweepRunner;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.Sweeps;

/**
 * The real {@link SweepBackend}: the engine's one sweep path ({@code Sweeps.run}, as {@code muonscope sweep} runs it)
 * as a job on the lab's sweep lane, on the local runner or the runner {@link SweepRunners} finds for a master URL.
 * The lane, not a thread of this class, carries the sweep; the local runner's cells run on the engine's own pool.
 */
public final class EngineSweeps implements SweepBackend {
    private final Executor lane;

    /** @param lane where sweeps run: one at a time, in the order they were started */
    public EngineSweeps(Executor lane) {
        this.lane = lane;
    }

    @Override
    public SweepJob start(SweepSpec sweep, List<Cell> cells, Path dir, String master, SweepObserver observer) {
        CancelToken cancel = new CancelToken();
        lane.execute(() -> {
            String error = null;
            try (SweepRunner runner = master.isBlank() ? new LocalRunner(LocalRunner.defaultParallelism(cells)) : SweepRunners.open(master)) {
                Sweeps.run(sweep, cells, dir, runner, new SweepListener() {
                    @Override
                    public void planned(List<Cell> all, List<Cell> skipped) {
                        observer.onPlanned(runner.describe(), skipped);
                    }

                    @Override
                    public void landed(Cell cell, CellOutcome outcome, int done, int total) {
                        observer.onLanded(cell, outcome);
                    }
                }, cancel, command(dir, master));
            } catch (RuntimeException e) {
                // an unreachable master, no cluster build, a folder that cannot be written: one line for the panel
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                observer.onEnded(error);
            }
        });
        return cancel::cancel;
    }

    /** What each cell's provenance records as having started it: the command that reruns this sweep. */
    static String command(Path dir, String master) {
        Path d = dir.toAbsolutePath().normalize();
        return "muonscope sweep --spec " + d.resolve("sweep.json") + " --out " + d + (master.isBlank() ? "" : " --master " + master);
    }
}

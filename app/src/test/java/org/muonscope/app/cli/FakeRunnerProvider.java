package org.muonscope.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.muonscope.engine.sweep.LocalRunner;
import org.muonscope.engine.sweep.SweepRunner;
import org.muonscope.engine.sweep.SweepRunnerProvider;

/**
 * Stands in for the cluster module in the app's tests: {@code local[3]} runs locally (the runner the command found
 * through the service loader), {@code spark://nowhere:1} is a master that cannot be reached.
 */
public final class FakeRunnerProvider implements SweepRunnerProvider {
    @Override
    public boolean accepts(String master) {
        return master.equals("local[3]") || master.equals("spark://nowhere:1");
    }

    @Override
    public SweepRunner open(String master) {
        if (master.startsWith("spark://")) throw unreachable("cannot reach the Spark master " + master + ": connection refused");
        LocalRunner local = new LocalRunner(3);
        return new SweepRunner() {
            @Override
            public String describe() {
                return "fake " + master;
            }

            @Override
            public void run(java.util.List<org.muonscope.engine.sweep.CellTask> tasks, java.nio.file.Path dir,
                            java.util.function.Consumer<org.muonscope.engine.sweep.CellOutcome> landed,
                            org.muonscope.engine.run.CancelToken cancel) {
                local.run(tasks, dir, landed, cancel);
            }
        };
    }

    private static UncheckedIOException unreachable(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }
}

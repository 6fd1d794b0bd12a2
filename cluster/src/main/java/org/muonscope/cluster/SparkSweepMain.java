package org.muonscope.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepListener;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.Sweeps;

/**
 * The entry point for {@code spark-submit} (YARN, Kubernetes, a standalone cluster):
 * {@code spark-submit --class org.muonscope.cluster.SparkSweepMain muonscope-spark.jar SWEEP.json OUT_DIR}, where
 * {@code SWEEP.json} is any sweep's {@code sweep.json} (or one written by hand) and {@code OUT_DIR} a folder every
 * node sees. Exit status as {@code muonscope sweep}: 0 every cell finished, 1 not, 2 a bad sweep file.
 */
public final class SparkSweepMain {
    private SparkSweepMain() { }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: spark-submit --class org.muonscope.cluster.SparkSweepMain muonscope-spark.jar SWEEP.json OUT_DIR");
            System.exit(2);
        }
        SweepSpec sweep;
        List<Cell> cells;
        try {
            sweep = SweepCodec.read(Path.of(args[0]));
            cells = Grid.cells(sweep);
        } catch (SpecException e) {
            System.err.println("muonscope sweep: error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Sweeps.Report r;
        try (SparkRunner runner = SparkRunner.submitted()) {
            r = Sweeps.run(sweep, cells, Path.of(args[1]), runner, new SweepListener() {
                @Override
                public synchronized void landed(Cell cell, CellOutcome o, int done, int total) {
                    System.err.printf(Locale.ROOT, "[%d/%d] %s  %s  %.2f s  on %s%n", done, total, cell.id(), o.status(), o.seconds(), o.host());
                }
            }, CancelToken.none(), "spark-submit " + String.join(" ", args));
        }
        System.out.printf(Locale.ROOT, "%d cells, %d finished%n", r.cells(), r.finished());
        System.exit(r.finished() == r.cells() ? 0 : 1);
    }
}

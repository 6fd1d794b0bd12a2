package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.muonscope.app.common.SweepRunners;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.LocalRunner;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepListener;
import org.muonscope.engine.sweep.SweepRunner;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope sweep}: a base spec of any kind times a grid of its fields and a seed range, one ordinary results
 * folder per cell, {@code sweep.json} and {@code sweep.csv}, on the local runner or, with {@code --master}, on Spark.
 * Rerunning skips finished cells; Ctrl-C stops at the next step of every running cell and keeps every finished one.
 * Exit status: 0 every cell finished (diverged ones included), 1 a cell failed, the sweep was cancelled or the
 * master could not be reached (nothing written then), 2 bad input before anything ran.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a grid of any kind of run (theory, dln, routing, cnn): one results folder per cell, "
                + "sweep.json and sweep.csv in --out. Rerunning skips finished cells and redoes failed ones.",
                "Example: muonscope sweep --base cnn --vary imbalance=step:1,step:5 --vary optimizer=sgd:lr=0.05,beta=0.9,muon "
                        + "--seeds 1-3 --out runs/sweep"})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--base", paramLabel = "SPEC.json|RUNDIR|PRESET|KIND",
            description = {"the spec every cell starts from: a spec file, a run folder (its spec.json), a preset of "
                    + "assets/presets (simplicity-figure2) or a kind's defaults (theory, dln, routing, cnn)"})
    String base;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
            description = {"repeatable, first outermost; KEY is a field of the base's spec (as in its spec.json) or "
                    + "optimizer (one optimizer per cell: optimizer=sgd:lr=0.05,beta=0.9,muon:lr=0.02);",
                    "values of list fields are separated by ';' (priors=0.7,0.2,0.1;0.5,0.3,0.2); 'none' is no value"})
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "A-B", description = "master seeds A to B, one cell each (default: the base's seed)")
    String seeds;

    @Option(names = "--spec", paramLabel = "SWEEP.json", description = "a sweep file (any sweep's sweep.json); the other options override it")
    Path spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for sweep.json, sweep.csv and one folder per cell")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "run on Apache Spark: local[N] (in this process) or spark://HOST:PORT (a standalone cluster; "
                    + "--out must be a folder every node sees); needs the cluster module (README, Running on a cluster)")
    String master;

    @Option(names = "--parallel", paramLabel = "N",
            description = "cells at once on the local runner (default: the cores, a CNN cell counting its threads)")
    Integer parallel;

    @Option(names = "--quiet", description = "no line per cell")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        SweepSpec sweep = buildSweep();
        List<Cell> cells = Grid.cells(sweep);
        if (parallel != null && parallel < 1) throw new SpecException("parallel", "must be >= 1, got " + parallel);
        if (parallel != null && master != null) throw new SpecException("parallel", "is for the local runner; with Spark give local[N]");
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        long t0 = System.nanoTime();
        try (SweepRunner runner = master == null ? new LocalRunner(parallel != null ? parallel : LocalRunner.defaultParallelism(cells))
                : SweepRunners.open(master)) {
            Thread hook = new Thread(() -> {
                cancel.cancel();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            Sweeps.Report r;
            try {
                r = Sweeps.run(sweep, cells, out, runner, quiet ? SweepListener.NONE : progress(err, runner), cancel, RunCommand.commandLine(commandSpec));
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // shutting down: the hook cancelled the sweep and waited for the table
                }
            }
            stdout.println(summary(r, (System.nanoTime() - t0) / 1e9));
            stdout.println("wrote " + out.toAbsolutePath().normalize().resolve("sweep.csv"));
            for (CellOutcome o : r.outcomes().values()) {
                if (o.status() == Status.FAILED) err.println("sweep: error: cell " + o.id() + ": " + MuonscopeCommand.oneLine(o.message()));
            }
            return r.finished() == r.cells() ? MuonscopeCommand.EXIT_OK : MuonscopeCommand.EXIT_FAILURE;
        }
    }

    /** The sweep from --spec, then --base, --vary and --seeds laid over it. */
    SweepSpec buildSweep() {
        SweepSpec file = spec == null ? null : SweepCodec.read(spec);
        if (file == null && base == null) throw new SpecException("base", "give --base SPEC.json|RUNDIR|PRESET|KIND or --spec SWEEP.json");
        Spec b = base != null ? BaseSpecs.resolve(base) : file.base();
        Map<String, SweepSpec.Axis> axes = new LinkedHashMap<>();
        if (file != null) {
            if (file.base().kind() != b.kind() && !file.axes().isEmpty()) {
                throw new SpecException("base", "a " + b.kind().id() + " base for a " + file.base().kind().id() + " sweep file");
            }
            for (SweepSpec.Axis a : file.axes()) axes.put(a.key(), a);
        }
        for (String v : vary) {
            SweepSpec.Axis a = SweepCodec.axis(b.kind(), v);
            if (axes.containsKey(a.key()) && file == null) {
                throw new SpecException("vary", a.key() + " is varied twice; give all its values in one --vary");
            }
            axes.put(a.key(), a);
        }
        long[] range = seeds != null ? SweepCodec.seeds(seeds) : file != null ? new long[] {file.firstSeed(), file.lastSeed()}
                : new long[] {b.seed(), b.seed()};
        return new SweepSpec(b, List.copyOf(axes.values()), range[0], range[1]);
    }

    private static SweepListener progress(PrintWriter err, SweepRunner runner) {
        return new SweepListener() {
            @Override
            public void planned(List<Cell> cells, List<Cell> skipped) {
                err.printf(Locale.ROOT, "sweep: %d cells, %d finished before, %d to run on %s%n", cells.size(), skipped.size(),
                        cells.size() - skipped.size(), runner.describe());
                err.flush();
            }

            @Override
            public synchronized void landed(Cell cell, CellOutcome o, int done, int total) {
                err.printf(Locale.ROOT, "[%d/%d] %s  %s  %.2f s  on %s%s%n", done, total, cell.id(), o.status(), o.seconds(), o.host(),
                        o.status() == Status.COMPLETED || o.message() == null ? "" : "  (" + MuonscopeCommand.oneLine(o.message()) + ")");
                err.flush();
            }
        };
    }

    private static String summary(Sweeps.Report r, double seconds) {
        List<String> parts = new ArrayList<>();
        if (r.skipped() > 0) parts.add(r.skipped() + " finished before");
        r.landed().forEach((s, n) -> parts.add(n + " " + s.name().toLowerCase(Locale.ROOT)));
        int pending = r.notRun() - r.landed().getOrDefault(Status.CANCELLED, 0);
        if (pending > 0) parts.add(pending + " not run");
        return String.format(Locale.ROOT, "%d cells: %s; %.1f s", r.cells(), String.join(", ", parts), seconds);
    }

}

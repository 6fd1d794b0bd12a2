package org.muonscope.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.io.IoErrors;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.spec.Spec;

/**
 * One cell's folder: running a cell into it, atomically, and telling whether it is finished.
 *
 * <p>A cell runs through {@link Experiments#run} and is written by {@link Experiments#write} into a hidden
 * temporary sibling ({@code .ID.tmp-RANDOM}), which is then renamed to {@code ID}: a folder under a cell's name is
 * always whole, so Ctrl-C or a killed node leaves every finished cell intact and at worst a temporary folder,
 * which the next run of the sweep removes. A cancelled cell writes nothing; a cell whose optimizer failed is written
 * (its {@code optimizers.csv} says why) and run again by the next run of the sweep.
 */
public final class Cells {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMP = ".tmp-";

    private Cells() { }

    /** Runs one cell into {@code dir/ID}; never throws for the cell's own failure (that is its outcome). */
    public static CellOutcome execute(CellTask task, Path dir, CancelToken cancel) {
        long t0 = System.nanoTime();
        String host = host();
        Spec spec = SpecCodec.parse(task.specJson(), null);
        Path target = dir.resolve(task.id());
        if (finished(target, spec)) return new CellOutcome(task.id(), Status.COMPLETED, null, host, 0, true);
        RunResult r;
        try {
            RunContext context = RunContext.of(task.command()).withExecutor(RunContext.pool());
            r = Experiments.run(spec, RunListener.NONE, cancel, context);
        } catch (RuntimeException e) {
            // the data of a CNN cell missing on this node, say: nothing to write, the sweep goes on
            return new CellOutcome(task.id(), Status.FAILED, String.valueOf(e.getMessage()), host, seconds(t0), false);
        }
        Status status = worst(r.optimizers());
        String message = r.optimizers().stream().map(OptimizerResult::message).filter(m -> m != null).findFirst().orElse(null);
        if (status == Status.CANCELLED) return new CellOutcome(task.id(), status, message, host, seconds(t0), false);
        Path tmp = dir.resolve("." + task.id() + TEMP + Long.toHexString(RANDOM.nextLong()));
        try {
            Experiments.write(r, tmp);
            commit(tmp, target, spec);
        } finally {
            delete(tmp);
        }
        return new CellOutcome(task.id(), status, message, host, seconds(t0), true);
    }

    /** Failed before cancelled before diverged before completed: what a cell's row and the exit status report. */
    public static Status worst(List<OptimizerResult> optimizers) {
        Status w = Status.COMPLETED;
        for (OptimizerResult o : optimizers) if (rank(o.status()) > rank(w)) w = o.status();
        return w;
    }

    private static int rank(Status s) {
        return switch (s) {
            case COMPLETED -> 0;
            case DIVERGED -> 1;
            case CANCELLED -> 2;
            case FAILED -> 3;
        };
    }

    /**
     * Whether {@code folder} holds this cell, finished: its {@code spec.json} is the cell's spec, every file the
     * kind always writes is there, and no optimizer was cancelled or failed (a diverged one is a result).
     */
    public static boolean finished(Path folder, Spec spec) {
        if (!matches(folder, spec)) return false;
        try {
            for (Table t : Experiments.layout(spec.kind()).tables()) {
                if (t.keepEmpty() && !Files.isRegularFile(folder.resolve(t.file()))) return false;
            }
            for (CSVRecord row : Csv.read(folder.resolve("optimizers.csv")).rows()) {
                String s = row.get("status");
                if (!s.equals(Status.COMPLETED.name()) && !s.equals(Status.DIVERGED.name())) return false;
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code folder} holds a run of exactly this spec (its {@code spec.json} reads back to the same document). */
    public static boolean matches(Path folder, Spec spec) {
        if (!Files.isRegularFile(folder.resolve("spec.json"))) return false;
        try {
            return SpecCodec.toJson(SpecCodec.read(folder.resolve("spec.json"))).equals(SpecCodec.toJson(spec));
        } catch (SpecException e) {
            return false;
        }
    }

    /** Removes the temporary folders of cells that were running when an earlier run of the sweep was stopped. */
    public static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.contains(TEMP) && Files.isDirectory(p)) delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    /**
     * Renames the finished temporary folder to the cell's name. A folder already there is an earlier failed run (it
     * is replaced) or, when a cluster ran the same cell twice (a retried task whose first attempt still finished),
     * the same results (kept).
     */
    private static void commit(Path tmp, Path target, Spec spec) {
        try {
            if (Files.exists(target)) {
                if (finished(target, spec)) return;
                delete(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another attempt of this cell landed between the check and the rename: its files are these numbers
            if (!finished(target, spec)) throw new UncheckedIOException("cannot write " + target + ": " + IoErrors.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoErrors.describe(e), e);
        }
    }

    static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + IoErrors.describe(e), e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String host() {
        return Host.NAME;
    }

    /** Looked up once per process: without a name service the lookup can take seconds. */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}

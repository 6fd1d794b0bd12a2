package org.muonscope.engine.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muonscope.engine.experiments.cnn.CnnExperiment;
import org.muonscope.engine.experiments.dln.DlnExperiment;
import org.muonscope.engine.experiments.routing.RoutingExperiment;
import org.muonscope.engine.experiments.theory.TheoryExperiment;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Experiment;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.Results;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.RoutingSpec;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The entry point to every kind of experiment: {@link #run} any spec, {@link #write} and {@link #read} any results
 * folder. The command line, the windows and {@code plot} all go through here.
 */
public final class Experiments {
    private static final TheoryExperiment THEORY = new TheoryExperiment();
    private static final DlnExperiment DLN = new DlnExperiment();
    private static final RoutingExperiment ROUTING = new RoutingExperiment();
    private static final CnnExperiment CNN = new CnnExperiment();

    private Experiments() { }

    /** The experiment of a kind. */
    public static Experiment<?> of(ExperimentKind kind) {
        return switch (kind) {
            case THEORY -> THEORY;
            case DLN -> DLN;
            case ROUTING -> ROUTING;
            case CNN -> CNN;
        };
    }

    /** The CNN experiment, for callers that hold the data already loaded. */
    public static CnnExperiment cnn() {
        return CNN;
    }

    /**
     * Runs every optimizer of {@code spec} and returns when all have ended; events reach {@code listener} on the
     * engine's threads. Blocks: call it from a background thread of your own.
     */
    public static RunResult run(Spec spec, RunListener listener, CancelToken cancel, RunContext context) {
        RunListener l = listener == null ? RunListener.NONE : listener;
        CancelToken c = cancel == null ? CancelToken.none() : cancel;
        if (spec instanceof TheorySpec s) return THEORY.run(s, l, c, context);
        if (spec instanceof DlnSpec s) return DLN.run(s, l, c, context);
        if (spec instanceof RoutingSpec s) return ROUTING.run(s, l, c, context);
        return CNN.run((CnnSpec) spec, l, c, context);
    }

    public static Layout layout(ExperimentKind kind) {
        return of(kind).layout();
    }

    /** Writes a run's folder. */
    public static void write(RunResult result, Path dir) {
        Results.write(result, layout(result.spec().kind()), dir);
    }

    /**
     * Reads any kind's results folder, including folders written before the one contract.
     *
     * @throws IOException naming the file and line of the first problem
     */
    public static RunResult read(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("spec.json"))) throw new IOException(dir + ": not a results folder (no spec.json)");
        Spec spec;
        try {
            spec = org.muonscope.engine.io.SpecCodec.read(dir.resolve("spec.json"));
        } catch (org.muonscope.engine.SpecException e) {
            throw new IOException(dir.resolve("spec.json") + ": " + e.getMessage(), e);
        }
        return Results.read(dir, layout(spec.kind()), spec);
    }

    /** Whether {@code dir} looks like a results folder of this kind (its marker file is there). */
    public static boolean holds(Path dir, ExperimentKind kind) {
        return Files.isRegularFile(dir.resolve(layout(kind).marker()));
    }
}

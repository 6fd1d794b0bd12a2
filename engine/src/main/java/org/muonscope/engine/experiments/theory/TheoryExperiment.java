package org.muonscope.engine.experiments.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Experiment;
import org.muonscope.engine.run.LaneDriver;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The Gaussian-mixture experiment: every optimizer on its own model from the same seed, side by side on the
 * context's executor (one optimizer per task; optimizers share no mutable state), each driven by the one run loop.
 */
public final class TheoryExperiment implements Experiment<TheorySpec> {
    @Override
    public RunResult run(TheorySpec spec, RunListener listener, CancelToken cancel, RunContext context) {
        RunProvenance provenance = RunProvenance.capture(spec.seed(), context.command());
        List<String> labels = spec.labels();
        Executor executor = context.executor() != null ? context.executor() : Runnable::run;
        List<CompletableFuture<OptimizerResult>> parts = new ArrayList<>();
        for (int slot = 0; slot < labels.size(); slot++) {
            int s = slot;
            parts.add(CompletableFuture.supplyAsync(() -> new LaneDriver(new TheoryLane(spec, s), labels.get(s), s,
                    spec.optimizers().get(s), listener, cancel).run(), executor));
        }
        List<OptimizerResult> results = new ArrayList<>();
        for (CompletableFuture<OptimizerResult> p : parts) results.add(p.join());
        RunResult result = new RunResult(spec, provenance, results, Values.EMPTY);
        listener.onRunEnded(result);
        return result;
    }

    @Override
    public Layout layout() {
        return TheoryFields.LAYOUT;
    }
}

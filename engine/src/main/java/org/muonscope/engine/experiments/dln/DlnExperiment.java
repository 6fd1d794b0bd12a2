package org.muonscope.engine.experiments.dln;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.random.Seeds;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Experiment;
import org.muonscope.engine.run.LaneDriver;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.DlnSpec;
import org.muonscope.engine.theory.DlnTask;

/** Deep linear regression (the simplicity-bias paper's Figure 1): every optimizer from the same task and weights, one after the other. */
public final class DlnExperiment implements Experiment<DlnSpec> {
    @Override
    public RunResult run(DlnSpec spec, RunListener listener, CancelToken cancel, RunContext context) {
        RunProvenance provenance = RunProvenance.capture(spec.seed(), context.command());
        DlnTask task = DlnTask.create(spec.dim(), spec.singularValues(), spec.noise(), Seeds.of(spec.seed()).random("dln-task"));
        List<String> labels = spec.labels();
        List<OptimizerResult> results = new ArrayList<>();
        for (int slot = 0; slot < labels.size(); slot++) {
            results.add(new LaneDriver(new DlnLane(spec, task, slot), labels.get(slot), slot, spec.optimizers().get(slot),
                    listener, cancel).run());
        }
        RunResult result = new RunResult(spec, provenance, results,
                Values.builder().put(DlnFields.TARGET, task.singularValues()).build());
        listener.onRunEnded(result);
        return result;
    }

    @Override
    public Layout layout() {
        return DlnFields.LAYOUT;
    }
}

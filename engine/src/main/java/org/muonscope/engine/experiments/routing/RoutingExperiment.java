package org.muonscope.engine.experiments.routing;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.model.RoutingTask;
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
import org.muonscope.engine.spec.RoutingSpec;

/**
 * The routing task (the simplicity-bias paper's Figure 2). The optimizers train in lockstep, one step each in turn,
 * so a listener sees them side by side as they go; each has its own network, batches and optimizer.
 */
public final class RoutingExperiment implements Experiment<RoutingSpec> {
    @Override
    public RunResult run(RoutingSpec spec, RunListener listener, CancelToken cancel, RunContext context) {
        RunProvenance provenance = RunProvenance.capture(spec.seed(), context.command());
        RoutingTask task = RoutingTask.create(Seeds.of(spec.seed()).random("routing-codes"));
        List<String> labels = spec.labels();
        List<LaneDriver> drivers = new ArrayList<>();
        for (int slot = 0; slot < labels.size(); slot++) {
            drivers.add(new LaneDriver(new RoutingLane(spec, task, slot), labels.get(slot), slot,
                    spec.optimizers().get(slot), listener, cancel));
        }
        boolean any = true;
        while (any) {
            any = false;
            for (LaneDriver d : drivers) any |= d.advance();
        }
        List<OptimizerResult> results = new ArrayList<>();
        for (LaneDriver d : drivers) results.add(d.result());
        double[][] trained = new double[task.domains()][task.domains()];
        for (int j = 0; j < task.domains(); j++) for (int o = 0; o < task.domains(); o++) trained[j][o] = task.trained(j, o) ? 1 : 0;
        RunResult result = new RunResult(spec, provenance, results, Values.builder().put(RoutingFields.TRAINED, trained).build());
        listener.onRunEnded(result);
        return result;
    }

    @Override
    public Layout layout() {
        return RoutingFields.LAYOUT;
    }
}

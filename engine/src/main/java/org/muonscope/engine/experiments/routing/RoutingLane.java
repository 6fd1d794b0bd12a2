package org.muonscope.engine.experiments.routing;

import java.util.List;
import java.util.Random;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.model.RoutingNet;
import org.muonscope.engine.model.RoutingTask;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.Optimizers;
import org.muonscope.engine.random.Seeds;
import org.muonscope.engine.run.Diverged;
import org.muonscope.engine.run.Lane;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.RoutingSpec;

/** One optimizer on the routing task, with its own network, batch stream and optimizer (the numbers of running it alone). */
final class RoutingLane implements Lane {
    private final RoutingSpec spec;
    private final RoutingTask task;
    private final RoutingNet net;
    private final Random batches;
    private final Optimizer optimizer;

    RoutingLane(RoutingSpec spec, RoutingTask task, int slot) {
        this.spec = spec;
        this.task = task;
        Seeds seeds = Seeds.of(spec.seed());
        this.net = new RoutingNet(task, spec.width(), spec.init(), seeds.random("routing-init"));
        this.batches = seeds.random("routing-batches");
        this.optimizer = Optimizers.create(spec.optimizers().get(slot), net.params(), spec.schedule(), spec.steps());
    }

    @Override
    public long lastStep() {
        return spec.steps();
    }

    @Override
    public Values observe(long t) {
        List<RoutingTask.Sample> batch = spec.fullBatch() ? task.fullBatch() : task.sampleBatch(batches);
        double loss = net.gradient(batch);
        if (!Double.isFinite(loss)) throw new Diverged("the loss");
        if (t != 0 && t != spec.steps() && t % spec.every() != 0) return null;
        return measure(net, loss);
    }

    @Override
    public void step(long t) {
        optimizer.step(net.params());
    }

    /** The record of the network's current state. */
    static Values measure(RoutingNet net, double batchLoss) {
        RoutingTask task = net.task();
        double[][] grid = net.errorGrid();
        double seen = 0;
        double unseen = 0;
        int nSeen = 0;
        int nUnseen = 0;
        for (int j = 0; j < task.domains(); j++) {
            for (int o = 0; o < task.domains(); o++) {
                if (task.trained(j, o)) {
                    seen += grid[j][o];
                    nSeen++;
                } else {
                    unseen += grid[j][o];
                    nUnseen++;
                }
            }
        }
        double[] sv = Spectra.singularValues(net.hiddenLayer());
        return Values.builder()
                .put(RoutingFields.BATCH_LOSS, batchLoss)
                .put(RoutingFields.SEEN_ERROR, seen / nSeen)
                .put(RoutingFields.UNSEEN_ERROR, unseen / nUnseen)
                .put(RoutingFields.EFFECTIVE_RANK, Spectra.effectiveRank(sv))
                .put(RoutingFields.HIDDEN_SPECTRUM, sv)
                .put(RoutingFields.ERROR_GRID, grid)
                .build();
    }
}

package org.muonscope.engine.spec;

import org.muonscope.engine.optim.StepSchedule;

import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.RoutingTask;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;

/**
 * One routing run (the paper's Figure 2).
 *
 * @param width     hidden width (the paper: 64)
 * @param init      standard deviation of every initial weight
 * @param steps     optimizer steps
 * @param every     a record every {@code every} steps (plus step 0 and the last)
 * @param seed      master seed: codes, init and batches; every optimizer sees the same ones
 * @param fullBatch every number of every trained pair in each batch, instead of one random number per pair
 * @param schedule  step-size schedule applied to every optimizer
 */
public record RoutingSpec(int width, double init, int steps, int every, long seed, boolean fullBatch,
                          StepSchedule schedule, List<OptimizerSettings> optimizers) implements Spec {

    public RoutingSpec {
        if (width < RoutingTask.NUMBERS || width > 1024) {
            throw new SpecException("width", "must be between " + RoutingTask.NUMBERS + " and 1024, got " + width);
        }
        if (!(init > 0) || Double.isInfinite(init)) throw new SpecException("init", "must be a positive number, got " + init);
        if (steps < 1) throw new SpecException("steps", "must be >= 1, got " + steps);
        if (every < 1) throw new SpecException("every", "must be >= 1, got " + every);
        if (schedule == null) schedule = StepSchedule.CONSTANT;
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizers", "name at least one optimizer");
        optimizers = List.copyOf(optimizers);
    }

    /**
     * The defaults (README "Simplicity Lab" says why): width 64, init std 1e-3, 3000 steps, a record every 50, GD at
     * {@code lr = 2} beside SpecGD at {@code lr = 0.01}.
     */
    public static RoutingSpec defaults() {
        return new RoutingSpec(64, 1e-3, 3000, 50, 1, false, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=2"), OptimizerSettings.parse("specgd:lr=0.01")));
    }

    @Override
    public ExperimentKind kind() {
        return ExperimentKind.ROUTING;
    }

    @Override
    public RoutingSpec withOptimizers(List<OptimizerSettings> opts) {
        return new RoutingSpec(width, init, steps, every, seed, fullBatch, schedule, opts);
    }

    @Override
    public RoutingSpec withSeed(long s) {
        return new RoutingSpec(width, init, steps, every, s, fullBatch, schedule, optimizers);
    }

    public RoutingSpec withSteps(int n, int e) {
        return new RoutingSpec(width, init, n, e, seed, fullBatch, schedule, optimizers);
    }
}

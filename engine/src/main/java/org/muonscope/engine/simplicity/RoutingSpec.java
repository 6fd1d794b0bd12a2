package org.muonscope.engine.simplicity;

import org.muonscope.engine.optim.StepSchedule;

import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

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
                          StepSchedule schedule, List<OptimizerSettings> optimizers) {

    public RoutingSpec {
        if (width < RoutingTask.NUMBERS || width > 1024) {
            throw new SpecException("width", "must be between " + RoutingTask.NUMBERS + " and 1024, got " + width);
        }
        if (!(init > 0) || Double.isInfinite(init)) throw new SpecException("init", "must be a positive number, got " + init);
        if (steps < 1) throw new SpecException("steps", "must be >= 1, got " + steps);
        if (every < 1) throw new SpecException("every", "must be >= 1, got " + every);
        if (schedule == null) schedule = StepSchedule.CONSTANT;
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizer", "name at least one optimizer");
        optimizers = List.copyOf(optimizers);
    }

    public RoutingSpec withOptimizers(List<OptimizerSettings> opts) {
        return new RoutingSpec(width, init, steps, every, seed, fullBatch, schedule, opts);
    }

    public RoutingSpec withSeed(long s) {
        return new RoutingSpec(width, init, steps, every, s, fullBatch, schedule, optimizers);
    }

    public RoutingSpec withSteps(int n, int e) {
        return new RoutingSpec(width, init, n, e, seed, fullBatch, schedule, optimizers);
    }
}

package org.muonscope.engine.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds optimizers: one {@link ChainOptimizer} whose per-parameter chains come from the settings record
 * ({@link OptimizerSettings#chain}). Every model (theory, deep linear, routing, CNN) steps through these.
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** A fresh optimizer for these parameters (same list, same order, on every later step). */
    public static Optimizer create(OptimizerSettings settings, List<Param> params) {
        return create(settings, params, StepSchedule.CONSTANT, 0);
    }

    /**
     * With a step-size schedule over {@code totalSteps}: the schedule is the last stage of every chain
     * ({@link Transforms#schedule}); a constant schedule adds no stage.
     */
    public static Optimizer create(OptimizerSettings settings, List<Param> params, StepSchedule schedule, long totalSteps) {
        List<GradientTransform> chains = new ArrayList<>(params.size());
        boolean scheduled = schedule.kind() != StepSchedule.Kind.CONSTANT || schedule.floor() != 0;
        for (Param p : params) {
            GradientTransform c = settings.chain(p.role());
            chains.add(scheduled ? Chain.of(c, Transforms.schedule(schedule, totalSteps)) : c);
        }
        return new ChainOptimizer(settings, params, chains);
    }
}

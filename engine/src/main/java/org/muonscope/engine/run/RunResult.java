package org.muonscope.engine.run;

import java.util.List;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.spec.Spec;

/**
 * A finished (or cancelled) run of any kind: the spec, every optimizer's result in spec order, where it came from,
 * and what the kind reports once per run ({@code info}: e.g. the deep-linear task's singular values, the CNN's data
 * source and class counts).
 */
public record RunResult(Spec spec, RunProvenance provenance, List<OptimizerResult> optimizers, Values info) {
    public RunResult {
        optimizers = List.copyOf(optimizers);
    }

    /** True when any optimizer was cancelled. */
    public boolean cancelled() {
        return optimizers.stream().anyMatch(o -> o.status() == Status.CANCELLED);
    }

    /** True when every optimizer completed. */
    public boolean completed() {
        return optimizers.stream().allMatch(o -> o.status() == Status.COMPLETED);
    }

    /** The result of the optimizer with this label, or null. */
    public OptimizerResult optimizer(String label) {
        for (OptimizerResult o : optimizers) if (o.label().equals(label)) return o;
        return null;
    }
}

package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A stateful optimizer bound to one model's parameters. Create one per run with {@link Optimizers#create}.
 * The same instance must always be stepped with the same parameter list (same order and shapes).
 */
public interface Optimizer {
    /** The settings this optimizer was built from. */
    OptimizerSettings settings();

    /** One step: reads each {@link Param#grad()} and updates {@link Param#value()} in place. */
    void step(List<Param> params);

    /** Number of steps taken so far. */
    long steps();

    /** Writes the full optimizer state (step count, moments, preconditioners) so a run can resume exactly. */
    void saveState(DataOutput out) throws IOException;

    /** Restores what {@link #saveState} wrote; the parameter list must match the one saved. */
    void loadState(DataInput in, List<Param> params) throws IOException;
}

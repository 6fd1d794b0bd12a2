package org.muonscope.engine.run;

import java.util.List;

/**
 * One optimizer's training as the one run loop ({@link LaneDriver}) drives it: at each step {@code t} from
 * {@link #firstStep} the loop calls {@link #observe} (the model holds {@code W_t}), emits a record when one is due,
 * ends at {@link #lastStep}, stops when cancelled, and otherwise calls {@link #step} to reach {@code W_{t+1}}.
 * Each kind of experiment implements only these measurements and this step.
 */
public interface Lane {
    /** The step the lane starts at: 0, or where a checkpoint resumed it. */
    default long firstStep() {
        return 0;
    }

    /** The number of steps of the whole run. */
    long lastStep();

    /**
     * Measures the model at step {@code t}.
     *
     * @return the record's values when one is due at {@code t}, else null
     * @throws Diverged when the weights or the loss are no longer finite
     */
    Values observe(long t);

    /**
     * Takes the optimizer step from {@code W_t} to {@code W_{t+1}}.
     *
     * @throws Diverged when the loss is no longer finite
     */
    void step(long t);

    /** What the kind reports once for this optimizer, whatever its status. */
    default Values summary() {
        return Values.EMPTY;
    }

    /** Records a checkpoint restored: part of the result, not sent to the listener again. */
    default List<Record> restored() {
        return List.of();
    }
}

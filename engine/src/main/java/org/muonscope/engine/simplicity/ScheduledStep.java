package org.muonscope.engine.simplicity;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.Param;

/**
 * Applies a step-size schedule to any {@link Optimizer} without touching its code: take the optimizer's step,
 * then scale the change by the schedule's factor, {@code p <- p_old + f (p_new - p_old)}.
 *
 * <p>This equals running the optimizer with step size {@code f * lr} because every optimizer of the engine
 * makes an update linear in its step size and keeps no state that depends on it (moments, preconditioners and
 * Newton-Schulz act on gradients only; decoupled weight decay {@code -lr wd p} is linear in {@code lr} too).
 * See docs/decisions/0601-schedules-by-scaling-the-update.md.
 */
public final class ScheduledStep {
    private final Optimizer optimizer;
    private final StepSchedule schedule;
    private final long total;
    private final List<DMatrixRMaj> before = new ArrayList<>();
    private long t;

    public ScheduledStep(Optimizer optimizer, StepSchedule schedule, long totalSteps) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.total = totalSteps;
    }

    /** The factor the next step will use. */
    public double nextFactor() {
        return schedule.factor(t, total);
    }

    /** One optimizer step scaled by the schedule; reads each {@link Param#grad()}. */
    public void step(List<Param> params) {
        double f = schedule.factor(t, total);
        t++;
        if (f == 1.0) {
            optimizer.step(params);
            return;
        }
        while (before.size() < params.size()) before.add(new DMatrixRMaj(1, 1));
        for (int i = 0; i < params.size(); i++) before.get(i).setTo(params.get(i).value());
        optimizer.step(params);
        for (int i = 0; i < params.size(); i++) {
            double[] now = params.get(i).value().data;
            double[] old = before.get(i).data;
            int n = params.get(i).value().getNumElements();
            for (int k = 0; k < n; k++) now[k] = old[k] + f * (now[k] - old[k]);
        }
    }
}

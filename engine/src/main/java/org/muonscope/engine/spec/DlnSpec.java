package org.muonscope.engine.spec;

import org.muonscope.engine.optim.StepSchedule;

import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;

/**
 * One deep-linear-regression run (the paper's Figure 1 and its oscillation figures).
 *
 * @param dim            input = output dimension {@code D}
 * @param singularValues the singular values of {@code A} ({@code D} of them), or null for a standard-normal {@code A}
 * @param depth          number of factors {@code L}
 * @param hidden         hidden width (ignored at depth 1)
 * @param init           init scale: entry standard deviation (random) or every factor's singular value (aligned)
 * @param aligned        aligned balanced init (the closed forms' regime) instead of Gaussian
 * @param noise          label noise standard deviation (moves only the loss floor: moments are exact)
 * @param steps          optimizer steps
 * @param every          a record every {@code every} steps (plus step 0 and the last)
 * @param seed           master seed (the task and the init; every optimizer starts from the same weights)
 * @param schedule       step-size schedule applied to every optimizer
 */
public record DlnSpec(int dim, double[] singularValues, int depth, int hidden, double init, boolean aligned,
                      double noise, int steps, int every, long seed, StepSchedule schedule,
                      List<OptimizerSettings> optimizers) implements Spec {

    public DlnSpec {
        if (dim < 1 || dim > 512) throw new SpecException("dim", "must be between 1 and 512, got " + dim);
        if (singularValues != null) {
            if (singularValues.length != dim) {
                throw new SpecException("singularValues", "need " + dim + " values (one per dimension), got " + singularValues.length);
            }
            for (double s : singularValues) {
                if (!(s > 0) || Double.isInfinite(s)) throw new SpecException("singularValues", "every value must be positive, got " + s);
            }
            singularValues = singularValues.clone();
        }
        if (depth < 1 || depth > 16) throw new SpecException("depth", "must be between 1 and 16, got " + depth);
        if (depth > 1 && hidden < 1) throw new SpecException("hidden", "must be >= 1, got " + hidden);
        if (aligned && depth > 1 && hidden < dim) throw new SpecException("hidden", "aligned init needs hidden >= dim " + dim);
        if (!(init > 0) || Double.isInfinite(init)) throw new SpecException("init", "must be a positive number (0 is a saddle), got " + init);
        if (!(noise >= 0) || Double.isInfinite(noise)) throw new SpecException("noise", "must be >= 0, got " + noise);
        if (steps < 1) throw new SpecException("steps", "must be >= 1, got " + steps);
        if (every < 1) throw new SpecException("every", "must be >= 1, got " + every);
        if (schedule == null) schedule = StepSchedule.CONSTANT;
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizers", "name at least one optimizer");
        optimizers = List.copyOf(optimizers);
    }

    /** Figure 1's defaults: {@code D = 2}, {@code s = (2, 0.5)} (a clear plateau), depth 2, hidden 100, init std 1e-3, GD and SpecGD at {@code lr = 0.01}, 1500 steps. */
    public static DlnSpec defaults() {
        return new DlnSpec(2, new double[] {2, 0.5}, 2, 100, 1e-3, false, 0.0, 1500, 5, 1, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=0.01"), OptimizerSettings.parse("specgd:lr=0.01")));
    }

    @Override
    public ExperimentKind kind() {
        return ExperimentKind.DLN;
    }

    @Override
    public DlnSpec withOptimizers(List<OptimizerSettings> opts) {
        return new DlnSpec(dim, singularValues, depth, hidden, init, aligned, noise, steps, every, seed, schedule, opts);
    }

    public DlnSpec withSchedule(StepSchedule s) {
        return new DlnSpec(dim, singularValues, depth, hidden, init, aligned, noise, steps, every, seed, s, optimizers);
    }

    public DlnSpec withSteps(int n, int e) {
        return new DlnSpec(dim, singularValues, depth, hidden, init, aligned, noise, n, e, seed, schedule, optimizers);
    }

    @Override
    public DlnSpec withSeed(long s) {
        return new DlnSpec(dim, singularValues, depth, hidden, init, aligned, noise, steps, every, s, schedule, optimizers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DlnSpec t && dim == t.dim && java.util.Arrays.equals(singularValues, t.singularValues)
                && depth == t.depth && hidden == t.hidden && init == t.init && aligned == t.aligned && noise == t.noise
                && steps == t.steps && every == t.every && seed == t.seed && schedule.equals(t.schedule)
                && optimizers.equals(t.optimizers);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(singularValues) * 31 + optimizers.hashCode();
    }
}

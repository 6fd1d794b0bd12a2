package org.muonscope.engine.spec;

import java.util.Arrays;
import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.theory.GaussianMixture;

/**
 * One Theory-Lab run: the Gaussian mixture, the model, the schedule and the optimizers to compare (docs/theory.md).
 * The constructor validates every field and normalizes the priors to sum to 1 (priors that already sum to 1 up to
 * rounding stay as typed: dividing by 0.9999999999999999 would turn 0.2 into 0.19999999999999998 in every saved spec).
 *
 * @param priors     class priors, positive; {@code 2 .. }{@value #MAX_CLASSES} classes
 * @param mu         mean scale (class means {@code mu * Q e_c})
 * @param sigma      noise scale
 * @param dim        input dimension, {@code classes .. }{@value #MAX_DIM}
 * @param depth      number of factors {@code L}, 1 .. 16
 * @param hidden     hidden width of the deep model (set to {@code dim} at depth 1)
 * @param init       init scale {@code delta}; 0 with depth 1 starts from {@code W = 0}
 * @param rotated    means along a random orthogonal basis instead of the axes
 * @param overlap    mean overlap {@code rho} in [0, 1): breaks joint diagonalizability when > 0
 * @param mode       where the moments come from (population, finite sample, mini-batch)
 * @param steps      optimizer steps
 * @param every      a record every {@code every} steps (and at step 0 and the last step)
 * @param seed       master seed
 */
public record TheorySpec(double[] priors, double mu, double sigma, int dim, int depth, int hidden, double init,
                         boolean rotated, double overlap, DataMode mode, int steps, int every, long seed,
                         List<OptimizerSettings> optimizers) implements Spec {
    /** Class metrics and Monte Carlo draws grow as {@code classes^2}: beyond this a run would not fit in memory. */
    public static final int MAX_CLASSES = 256;
    /** The moments are {@code dim x dim} per optimizer. */
    public static final int MAX_DIM = 2048;
    /** Init scale of a deep model when none is given (0 would be a saddle). */
    public static final double DEEP_INIT = 1e-3;

    public TheorySpec {
        if (priors == null || priors.length < 2) throw new SpecException("priors", "need at least 2 classes");
        if (priors.length > MAX_CLASSES) {
            throw new SpecException("classes", "at most " + MAX_CLASSES + " classes, got " + priors.length);
        }
        double sum = 0;
        for (double p : priors) {
            if (!(p > 0) || Double.isInfinite(p)) throw new SpecException("priors", "every prior must be a positive number, got " + p);
            sum += p;
        }
        double[] norm = priors.clone();
        if (needsNormalizing(priors)) for (int c = 0; c < norm.length; c++) norm[c] = priors[c] / sum;
        priors = norm;
        if (!(mu > 0) || Double.isInfinite(mu)) throw new SpecException("mu", "must be a positive number, got " + mu);
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new SpecException("sigma", "must be a positive number, got " + sigma);
        if (dim < priors.length || dim > MAX_DIM) {
            throw new SpecException("dim", "must be between the number of classes " + priors.length + " and " + MAX_DIM + ", got " + dim);
        }
        if (depth < 1 || depth > 16) throw new SpecException("depth", "must be between 1 and 16, got " + depth);
        if (depth > 1 && (hidden < 1 || hidden > MAX_DIM)) throw new SpecException("hidden", "must be between 1 and " + MAX_DIM + ", got " + hidden);
        if (depth == 1) hidden = dim;
        if (!(init >= 0) || Double.isInfinite(init)) throw new SpecException("init", "must be >= 0, got " + init);
        if (depth > 1 && init == 0) throw new SpecException("init", "a deep model needs a positive init scale (0 is a saddle)");
        if (!(overlap >= 0 && overlap < 1)) throw new SpecException("overlap", "must be in [0, 1), got " + overlap);
        if (mode == null) mode = DataMode.POPULATION;
        if (steps < 1) throw new SpecException("steps", "must be >= 1, got " + steps);
        if (every < 1) throw new SpecException("every", "must be >= 1, got " + every);
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizers", "name at least one optimizer");
        optimizers = List.copyOf(optimizers);
    }

    /**
     * The default scenario (docs/theory.md's checked setting): priors 0.7, 0.2, 0.1, {@code mu = 3}, {@code sigma = 1},
     * {@code d = k}, depth 1 from {@code W = 0}, population moments, 2000 steps, GD, SpecGD and Muon.
     */
    public static TheorySpec defaults() {
        return new TheorySpec(new double[] {0.7, 0.2, 0.1}, 3.0, 1.0, 3, 1, 3, 0.0, false, 0.0, DataMode.POPULATION,
                2000, 10, 1L, List.of(OptimizerSettings.parse("gd:lr=0.1"), OptimizerSettings.parse("specgd:lr=0.001"),
                OptimizerSettings.parse("muon:lr=0.001")));
    }

    /** Whether these priors will be rescaled: they do not sum to 1 within 1e-9. */
    public static boolean needsNormalizing(double[] priors) {
        double sum = 0;
        for (double p : priors) sum += p;
        return Math.abs(sum - 1) > 1e-9;
    }

    @Override
    public ExperimentKind kind() {
        return ExperimentKind.THEORY;
    }

    public int classes() {
        return priors.length;
    }

    /** Index of the minority class (smallest prior; the first one on ties). */
    public int minorityClass() {
        int m = 0;
        for (int c = 1; c < priors.length; c++) if (priors[c] < priors[m]) m = c;
        return m;
    }

    /** The Gaussian mixture this spec describes; the rotated basis is drawn from {@code seed}. */
    public GaussianMixture mixture() {
        return GaussianMixture.of(priors, mu, sigma, dim, rotated, overlap, seed);
    }

    @Override
    public TheorySpec withSeed(long s) {
        return new TheorySpec(priors, mu, sigma, dim, depth, hidden, init, rotated, overlap, mode, steps, every, s, optimizers);
    }

    @Override
    public TheorySpec withOptimizers(List<OptimizerSettings> opts) {
        return new TheorySpec(priors, mu, sigma, dim, depth, hidden, init, rotated, overlap, mode, steps, every, seed, opts);
    }

    public TheorySpec withSteps(int n, int e) {
        return new TheorySpec(priors, mu, sigma, dim, depth, hidden, init, rotated, overlap, mode, n, e, seed, optimizers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TheorySpec t && Arrays.equals(priors, t.priors) && mu == t.mu && sigma == t.sigma
                && dim == t.dim && depth == t.depth && hidden == t.hidden && init == t.init && rotated == t.rotated
                && overlap == t.overlap && mode.equals(t.mode) && steps == t.steps && every == t.every && seed == t.seed
                && optimizers.equals(t.optimizers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(priors) * 31 + optimizers.hashCode();
    }
}

package org.muonscope.engine.experiment;

import org.muonscope.engine.theory.GaussianMixture;

import org.muonscope.engine.theory.DataMode;

import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Everything that defines one Theory-Lab run: the Gaussian mixture, the model, the schedule and the optimizers
 * to compare. Priors are stored normalized; {@link #validated} says whether they had to be.
 *
 * @param priors     class priors, positive, normalized to sum to 1
 * @param mu         mean scale (class means {@code mu * Q e_c})
 * @param sigma      noise scale
 * @param dim        input dimension {@code d >= classes}
 * @param depth      number of factors {@code L >= 1}
 * @param hidden     hidden width of the deep model (ignored at depth 1)
 * @param init       init scale {@code delta}; 0 with depth 1 starts from {@code W = 0}
 * @param rotated    means along a random orthogonal basis instead of the axes
 * @param overlap    mean overlap {@code rho} in [0, 1): breaks joint diagonalizability when > 0
 * @param steps      optimizer steps
 * @param every      a snapshot every {@code every} steps (and at step 0 and the last step)
 * @param seed       master seed
 */
public record TheorySpec(double[] priors, double mu, double sigma, int dim, int depth, int hidden, double init,
                         boolean rotated, double overlap, DataMode mode, int steps, int every, long seed,
                         List<OptimizerSettings> optimizers) {

    /** The Gaussian mixture this spec describes; the rotated basis is drawn from {@code seed}. */
    public GaussianMixture mixture() {
        return GaussianMixture.of(priors, mu, sigma, dim, rotated, overlap, seed);
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

    /**
     * Checks every field and normalizes the priors.
     *
     * @return the validated spec and whether the priors were rescaled
     * @throws SpecException naming the first offending field
     */
    public static Validated validated(double[] priors, double mu, double sigma, int dim, int depth, int hidden, double init,
                                      boolean rotated, double overlap, DataMode mode, int steps, int every, long seed,
                                      List<OptimizerSettings> optimizers) {
        if (priors == null || priors.length < 2) throw new SpecException("priors", "need at least 2 classes");
        double sum = 0;
        for (double p : priors) {
            if (!(p > 0) || Double.isInfinite(p)) throw new SpecException("priors", "every prior must be a positive number, got " + p);
            sum += p;
        }
        boolean rescaled = Math.abs(sum - 1) > 1e-9;
        // Priors that already sum to 1 up to rounding stay as typed: dividing by 0.9999999999999999 would turn
        // 0.2 into 0.19999999999999998 in every saved spec.
        double[] norm = new double[priors.length];
        for (int c = 0; c < priors.length; c++) norm[c] = rescaled ? priors[c] / sum : priors[c];
        if (!(mu > 0) || Double.isInfinite(mu)) throw new SpecException("mu", "must be a positive number, got " + mu);
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new SpecException("sigma", "must be a positive number, got " + sigma);
        if (dim < priors.length) throw new SpecException("dim", "must be at least the number of classes " + priors.length + ", got " + dim);
        if (depth < 1 || depth > 16) throw new SpecException("depth", "must be between 1 and 16, got " + depth);
        if (depth > 1 && hidden < 1) throw new SpecException("hidden", "must be >= 1, got " + hidden);
        if (!(init >= 0) || Double.isInfinite(init)) throw new SpecException("init", "must be >= 0, got " + init);
        if (depth > 1 && init == 0) throw new SpecException("init", "a deep model needs a positive init scale (0 is a saddle)");
        if (!(overlap >= 0 && overlap < 1)) throw new SpecException("overlap", "must be in [0, 1), got " + overlap);
        if (mode == null) mode = DataMode.POPULATION;
        if (steps < 1) throw new SpecException("steps", "must be >= 1, got " + steps);
        if (every < 1) throw new SpecException("every", "must be >= 1, got " + every);
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizer", "name at least one optimizer");
        TheorySpec spec = new TheorySpec(norm, mu, sigma, dim, depth, depth > 1 ? hidden : dim, init, rotated, overlap,
                mode, steps, every, seed, List.copyOf(optimizers));
        return new Validated(spec, rescaled);
    }

    public record Validated(TheorySpec spec, boolean priorsRescaled) { }
}

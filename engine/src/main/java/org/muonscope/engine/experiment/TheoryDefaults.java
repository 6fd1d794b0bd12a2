package org.muonscope.engine.experiment;

import org.muonscope.engine.theory.DataMode;

import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The default Theory-Lab scenario (THEORY.md's checked setting): three classes with priors 0.7, 0.2, 0.1,
 * {@code mu = 3}, {@code sigma = 1}, {@code d = k}, depth 1 from {@code W = 0}, population moments. The command line,
 * spec files with missing fields and the window all start from these values.
 */
public final class TheoryDefaults {
    private TheoryDefaults() { }

    public static final double[] PRIORS = {0.7, 0.2, 0.1};
    public static final double MU = 3.0;
    public static final double SIGMA = 1.0;
    public static final int DEPTH = 1;
    public static final double INIT = 0.0;
    /** Init scale used when a deep model is asked for without one (0 would be a saddle). */
    public static final double DEEP_INIT = 1e-3;
    public static final int STEPS = 2000;
    public static final int EVERY = 10;
    public static final long SEED = 1L;
    public static final List<String> OPTIMIZERS = List.of("gd:lr=0.1", "specgd:lr=0.001", "muon:lr=0.001");

    /** The default spec. */
    public static TheorySpec spec() {
        return TheorySpec.validated(PRIORS.clone(), MU, SIGMA, PRIORS.length, DEPTH, PRIORS.length, INIT, false, 0.0,
                DataMode.POPULATION, STEPS, EVERY, SEED, OPTIMIZERS.stream().map(OptimizerSettings::parse).toList()).spec();
    }
}

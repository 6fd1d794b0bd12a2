package org.muonscope.engine.optim;

/** Signum: the sign of the EMA momentum, no bias correction: {@code emaMomentum(beta), sign, scale(-lr)}. */
public record SignumSettings(double lr, double beta) implements OptimizerSettings {
    public SignumSettings {
        Checks.positive(OptimizerKind.SIGNUM, "lr", lr);
        Checks.decay(OptimizerKind.SIGNUM, "beta", beta);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SIGNUM;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.emaMomentum(beta, false), Transforms.sign(), Transforms.scale(-lr));
    }
}

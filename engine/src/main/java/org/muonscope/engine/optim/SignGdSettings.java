package org.muonscope.engine.optim;

/** SignGD, steepest descent under the max norm: {@code sign, scale(-lr)}. */
public record SignGdSettings(double lr) implements OptimizerSettings {
    public SignGdSettings {
        Checks.positive(OptimizerKind.SIGNGD, "lr", lr);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SIGNGD;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.sign(), Transforms.scale(-lr));
    }
}

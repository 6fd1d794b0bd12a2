package org.muonscope.engine.optim;

/** Normalized GD, steepest descent under the Frobenius norm: {@code normalize, scale(-lr)}. */
public record NgdSettings(double lr) implements OptimizerSettings {
    public NgdSettings {
        Checks.positive(OptimizerKind.NGD, "lr", lr);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.NGD;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.normalize(), Transforms.scale(-lr));
    }
}

package org.muonscope.engine.optim;

/** SpecGD, steepest descent under the spectral norm: {@code polar, scale(-lr)} (the step {@code -lr U V^T}). */
public record SpecGdSettings(double lr) implements OptimizerSettings {
    public SpecGdSettings {
        Checks.positive(OptimizerKind.SPECGD, "lr", lr);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SPECGD;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.polar(), Transforms.scale(-lr));
    }
}

package org.muonscope.engine.optim;

/**
 * Gradient descent, with PyTorch SGD's heavy-ball momentum when {@code beta > 0}:
 * {@code [heavyBall(beta, nesterov)], scale(-lr)}.
 *
 * @param beta     heavy-ball momentum {@code b = beta b + g}; 0 is plain GD
 * @param nesterov emit {@code g + beta b} (PyTorch's Nesterov) instead of {@code b}
 */
public record GdSettings(double lr, double beta, boolean nesterov) implements OptimizerSettings {
    public GdSettings {
        Checks.positive(OptimizerKind.GD, "lr", lr);
        Checks.decay(OptimizerKind.GD, "beta", beta);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.GD;
    }

    @Override
    public GradientTransform chain(Role role) {
        return beta > 0 ? Chain.of(Transforms.heavyBall(beta, nesterov), Transforms.scale(-lr)) : Chain.of(Transforms.scale(-lr));
    }
}

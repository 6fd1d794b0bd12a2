package org.muonscope.engine.optim;

/**
 * Shampoo without grafting or blocking: {@code shampoo(eps), scale(-lr)}.
 *
 * @param eps ridge {@code eps I} added to both accumulated statistics
 */
public record ShampooSettings(double lr, double eps) implements OptimizerSettings {
    public ShampooSettings {
        Checks.positive(OptimizerKind.SHAMPOO, "lr", lr);
        Checks.nonNegative(OptimizerKind.SHAMPOO, "eps", eps);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SHAMPOO;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.shampoo(eps), Transforms.scale(-lr));
    }
}

package org.muonscope.engine.optim;

/**
 * Shampoo without grafting or blocking: {@code shampoo(eps, refresh), scale(-lr)}.
 *
 * @param eps     ridge {@code eps I} added to both accumulated statistics
 * @param refresh recompute the inverse roots every this many steps (statistics accumulate every step); 1, the
 *                default, is exact Shampoo and what every spec written before this setting meant; distributed
 *                Shampoo's practice on networks is 100 (decision 0505)
 */
public record ShampooSettings(double lr, double eps, int refresh) implements OptimizerSettings {
    public ShampooSettings {
        Checks.positive(OptimizerKind.SHAMPOO, "lr", lr);
        Checks.nonNegative(OptimizerKind.SHAMPOO, "eps", eps);
        if (refresh < 1) {
            throw new org.muonscope.engine.SpecException("shampoo.refresh", "must be a whole number >= 1, got " + refresh);
        }
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.SHAMPOO;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.shampoo(eps, refresh), Transforms.scale(-lr));
    }
}

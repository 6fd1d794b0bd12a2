package org.muonscope.engine.optim;

/**
 * Adam, AdamW when {@code wd > 0}: {@code adam(beta1, beta2, eps), decoupledWeightDecay(wd), scale(-lr)}.
 * (The components keep the order of the text syntax: {@code adam:lr=..,wd=..,beta1=..}.)
 */
public record AdamSettings(double lr, double wd, double beta1, double beta2, double eps) implements OptimizerSettings {
    public AdamSettings {
        OptimizerKind k = OptimizerKind.ADAM;
        Checks.positive(k, "lr", lr);
        Checks.nonNegative(k, "wd", wd);
        Checks.decay(k, "beta1", beta1);
        Checks.decay(k, "beta2", beta2);
        Checks.nonNegative(k, "eps", eps);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.ADAM;
    }

    @Override
    public GradientTransform chain(Role role) {
        return Chain.of(Transforms.adam(beta1, beta2, eps), Transforms.decoupledWeightDecay(wd), Transforms.scale(-lr));
    }
}

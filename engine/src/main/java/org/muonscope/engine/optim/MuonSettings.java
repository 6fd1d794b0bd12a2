package org.muonscope.engine.optim;

/**
 * Muon (Jordan et al. 2024). Hidden matrices: {@code emaMomentum(beta, nesterov), newtonSchulz(ns) or polar,
 * scaleByShape, decoupledWeightDecay(wd), scale(-lr)}. Vectors always, and the first and last layers when
 * {@code edges}, take the Adam fallback {@code adam(beta1, beta2, eps), scale(-alr)}.
 *
 * @param beta  momentum {@code m = beta m + (1 - beta) g}
 * @param ns    Newton-Schulz iterations
 * @param exact the exact polar factor (SVD) instead of Newton-Schulz
 * @param wd    decoupled weight decay of the orthogonalized matrices
 * @param alr   step size of the Adam fallback
 * @param beta1 first-moment decay of the Adam fallback
 * @param beta2 second-moment decay of the Adam fallback
 * @param eps   epsilon of the Adam fallback
 * @param edges the first and last layers take the fallback (the reference convention)
 */
public record MuonSettings(double lr, double beta, int ns, boolean nesterov, boolean exact, double wd, double alr,
                           double beta1, double beta2, double eps, boolean edges) implements OptimizerSettings {
    public MuonSettings {
        OptimizerKind k = OptimizerKind.MUON;
        Checks.positive(k, "lr", lr);
        Checks.decay(k, "beta", beta);
        Checks.between(k, "ns", ns, 1, 100);
        Checks.nonNegative(k, "wd", wd);
        Checks.positive(k, "alr", alr);
        Checks.decay(k, "beta1", beta1);
        Checks.decay(k, "beta2", beta2);
        Checks.nonNegative(k, "eps", eps);
    }

    @Override
    public OptimizerKind kind() {
        return OptimizerKind.MUON;
    }

    /** Whether a parameter of this role is orthogonalized (otherwise it takes the Adam fallback). */
    public boolean orthogonalizes(Role role) {
        return switch (role) {
            case MATRIX -> true;
            case VECTOR -> false;
            case INPUT_LAYER, OUTPUT_LAYER -> !edges;
        };
    }

    @Override
    public GradientTransform chain(Role role) {
        if (!orthogonalizes(role)) return Chain.of(Transforms.adam(beta1, beta2, eps), Transforms.scale(-alr));
        return Chain.of(Transforms.emaMomentum(beta, nesterov),
                exact ? Transforms.polar() : Transforms.newtonSchulz(ns),
                Transforms.scaleByShape(),
                Transforms.decoupledWeightDecay(wd),
                Transforms.scale(-lr));
    }
}

package org.muonscope.engine.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds each optimizer of THEORY.md section 2 once, as a chain of {@link Transforms}; every model (theory,
 * deep linear, routing, CNN) steps through the same chains.
 *
 * <ul>
 *   <li>gd: {@code [heavyBall(beta, nesterov) if beta > 0], scale(-lr)}; with the default {@code beta = 0} plain GD</li>
 *   <li>ngd: {@code normalize, scale(-lr)}</li>
 *   <li>signgd: {@code sign, scale(-lr)}; signum: {@code emaMomentum(beta), sign, scale(-lr)}</li>
 *   <li>specgd: {@code polar, scale(-lr)}</li>
 *   <li>muon (MATRIX parameters): {@code emaMomentum(beta, nesterov), newtonSchulz(ns) or polar, scaleByShape,
 *       decoupledWeightDecay(wd), scale(-lr)}; VECTOR parameters always, and INPUT_LAYER / OUTPUT_LAYER when
 *       {@code edges}, take the Adam fallback {@code adam(beta1, beta2, eps), scale(-alr)}</li>
 *   <li>adam: {@code adam(beta1, beta2, eps), decoupledWeightDecay(wd), scale(-lr)} (AdamW when wd > 0)</li>
 *   <li>shampoo: {@code shampoo(eps, refresh), scale(-lr)}</li>
 * </ul>
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** A fresh optimizer for these parameters (same list, same order, on every later step). */
    public static Optimizer create(OptimizerSpec spec, List<Param> params) {
        List<GradientTransform> chains = new ArrayList<>(params.size());
        for (Param p : params) {
            chains.add(chain(spec, p.role()));
        }
        return new ChainOptimizer(spec, params, chains);
    }

    /** The transform chain {@code spec} applies to a parameter with this role. */
    public static GradientTransform chain(OptimizerSpec spec, Role role) {
        double lr = spec.lr();
        return switch (spec.kind()) {
            case "gd" -> spec.beta() > 0
                    ? Chain.of(Transforms.heavyBall(spec.beta(), spec.nesterov()), Transforms.scale(-lr))
                    : Chain.of(Transforms.scale(-lr));
            case "ngd" -> Chain.of(Transforms.normalize(), Transforms.scale(-lr));
            case "signgd" -> Chain.of(Transforms.sign(), Transforms.scale(-lr));
            case "signum" -> Chain.of(Transforms.emaMomentum(spec.beta(), false), Transforms.sign(), Transforms.scale(-lr));
            case "specgd" -> Chain.of(Transforms.polar(), Transforms.scale(-lr));
            case "muon" -> muon(spec, role);
            case "adam" -> Chain.of(Transforms.adam(spec.beta1(), spec.beta2(), spec.eps()),
                    Transforms.decoupledWeightDecay(spec.wd()), Transforms.scale(-lr));
            case "shampoo" -> Chain.of(Transforms.shampoo(spec.eps(), spec.refresh()), Transforms.scale(-lr));
            default -> throw new IllegalArgumentException("no optimizer '" + spec.kind() + "'");
        };
    }

    /** Whether muon with this spec orthogonalizes a parameter of this role (otherwise: the Adam fallback). */
    public static boolean muonOrthogonalizes(OptimizerSpec spec, Role role) {
        return switch (role) {
            case MATRIX -> true;
            case VECTOR -> false;
            case INPUT_LAYER, OUTPUT_LAYER -> !spec.edges();
        };
    }

    private static GradientTransform muon(OptimizerSpec spec, Role role) {
        if (!muonOrthogonalizes(spec, role)) {
            return Chain.of(Transforms.adam(spec.beta1(), spec.beta2(), spec.eps()), Transforms.scale(-spec.alr()));
        }
        return Chain.of(Transforms.emaMomentum(spec.beta(), spec.nesterov()),
                spec.exact() ? Transforms.polar() : Transforms.newtonSchulz(spec.ns()),
                Transforms.scaleByShape(),
                Transforms.decoupledWeightDecay(spec.wd()),
                Transforms.scale(-spec.lr()));
    }
}

package org.muonscope.engine.experiments.theory;

import org.muonscope.engine.spec.TheorySpec;

import org.muonscope.engine.theory.DataMode;

import java.util.Arrays;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.theory.ClosedForm;
import org.muonscope.engine.theory.GaussianMixture;

/**
 * The theory values the runner reports beside its measurements: {@code w*} per class and the closed-form
 * {@code t_90} where docs/theory.md has one for this optimizer and setting.
 */
final class TheoryReference {
    private TheoryReference() { }

    /** The population optimum's diagonal in the mean basis (defined for every spec, overlap included). */
    static double[] wStar(GaussianMixture g) {
        return ClosedForm.wStar(g);
    }

    /**
     * The closed-form {@code t_90}, NaN per class where none applies. The closed forms assume population moments
     * and orthogonal means; GD's needs depth 1 from {@code W = 0} and no momentum; SpecGD's holds at depth 1 from
     * {@code W = 0} exactly and at depth {@code L} from a small init approximately.
     */
    static double[] t90(TheorySpec spec, OptimizerSettings opt, GaussianMixture g) {
        double[] none = new double[spec.classes()];
        Arrays.fill(none, Double.NaN);
        ClosedForm.Family f = ClosedForm.covers(opt, g, spec.mode(), spec.depth(), spec.init());
        if (f == null) return none;
        return f == ClosedForm.Family.GD ? ClosedForm.gdT90(g, opt.lr()) : ClosedForm.specGdT90(g, opt.lr(), spec.depth());
    }
}

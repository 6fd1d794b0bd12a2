package org.muonscope.app.theorylab;

import org.muonscope.engine.optim.OptimizerKind;

import java.util.Locale;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.plots.TheoryPoint;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/** The explanation pane's text: the formulas of docs/theory.md with the current numbers filled in. */
public final class Explanation {
    private Explanation() { }

    public static String of(RunData data, double cursor) {
        if (data == null) return "";
        TheorySpec s = data.spec();
        int m = s.minorityClass();
        int big = 0;
        for (int c = 1; c < s.classes(); c++) if (s.priors()[c] > s.priors()[big]) big = c;
        double wm = TheoryFormulas.wStar(s, m), wb = TheoryFormulas.wStar(s, big);
        StringBuilder sb = new StringBuilder();
        sb.append(f("Classes k = %d, mu = %.3g, sigma = %.3g, SNR = mu^2/sigma^2 = %.3g, depth L = %d.%n",
                s.classes(), s.mu(), s.sigma(), s.mu() * s.mu() / (s.sigma() * s.sigma()), s.depth()));
        sb.append(f("Minority class %d (p = %.3f), largest class %d (p = %.3f).%n%n", m + 1, s.priors()[m], big + 1, s.priors()[big]));
        sb.append("Target (population optimum, diagonal):\n");
        if (s.overlap() == 0) {
            sb.append(f("  w*_c = p_c mu / (p_c mu^2 + sigma^2)%n  minority: %.3f * %.3g / (%.3f * %.3g + %.3g) = %.4f%n  largest:  %.4f%n%n",
                    s.priors()[m], s.mu(), s.priors()[m], s.mu() * s.mu(), s.sigma() * s.sigma(), wm, wb));
        } else {
            sb.append(f("  overlapping means: w* = diag(Syx Sxx^-1) in the mean basis (no per-class formula)%n"
                    + "  minority: %.4f, largest: %.4f%n%n", wm, wb));
        }
        for (OptimizerSettings o : s.optimizers()) {
            if (o.kind() == OptimizerKind.GD && TheoryFormulas.hasTheory(s, o)) {
                double sxx = TheoryFormulas.sxx(s, m);
                sb.append(f("GD (eta = %.3g): every class relaxes at its own rate eta s_xx(c).%n", o.lr()));
                sb.append(f("  t_90 = ceil(ln 0.1 / ln(1 - eta s_xx)) = ceil(ln 0.1 / ln(1 - %.3g * %.4f)) = %d for the minority,%n",
                        o.lr(), sxx, TheoryFormulas.t90Gd(s, m, o.lr())));
                sb.append(f("  %d for the largest class: GD learns the majority first.%n%n", TheoryFormulas.t90Gd(s, big, o.lr())));
                break;
            }
        }
        for (OptimizerSettings o : s.optimizers()) {
            if (o.kind() == OptimizerKind.SPECGD && TheoryFormulas.hasTheory(s, o)) {
                int l = s.depth();
                sb.append(f("SpecGD (eta = %.3g): every singular value grows by eta per step and factor.%n", o.lr()));
                sb.append(f("  t_90 = (0.9 w*)^(1/L) / eta = (0.9 * %.4f)^(1/%d) / %.3g = %d for the minority,%n",
                        wm, l, o.lr(), TheoryFormulas.t90Spec(s, m, o.lr(), l)));
                sb.append(f("  %d for the largest class: the minority saturates first.%n", TheoryFormulas.t90Spec(s, big, o.lr(), l)));
                sb.append(f("  spread t_max / t_min = (w*_max / w*_min)^(1/L) = %.3f at L = %d, %.3f at L = 1:%n  depth amplifies balance.%n%n",
                        TheoryFormulas.spreadSpec(s, l), l, TheoryFormulas.spreadSpec(s, 1)));
                break;
            }
        }
        if (s.rotated()) sb.append("Rotated basis: SpecGD and Muon do not care; SignGD and Adam act per coordinate and part from them.\n\n");
        if (s.overlap() > 0) sb.append(f("Mean overlap rho = %.2f breaks joint diagonalizability: watch the off-diagonal mass.%n%n", s.overlap()));
        sb.append(f("At step %d:%n", Math.round(cursor)));
        for (RunData.Slot slot : data.slots()) {
            TheoryPoint at = data.at(slot.index(), cursor);
            if (slot.diverged()) {
                sb.append(f("  %-9s DIVERGED: %s%n", slot.label(), slot.result().message()));
            } else if (at != null) {
                sb.append(f("  %-9s minority W[m,m] = %.4f (%3.0f%% of w*), balanced acc %.3f, worst-class acc %.3f%s%n",
                        slot.label(), at.diag()[m], 100 * at.diag()[m] / wm, at.balancedAccuracy(), at.worstClassAccuracy(),
                        s.overlap() > 0 ? f(", off-diagonal mass %.3f", at.offdiagRatio()) : ""));
            }
        }
        return sb.toString();
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}

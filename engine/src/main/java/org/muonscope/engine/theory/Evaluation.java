package org.muonscope.engine.theory;

/**
 * The class-wise metrics of one end-to-end {@code W} (docs/theory.md section 1), all in the mean basis.
 *
 * @param diag               {@code (W F)[c,c]}: the learned scale along class {@code c}'s direction
 * @param classLoss          {@code L_c = 1/2 (||W mu_c - e_c||^2 + sigma^2 ||W||_F^2)}
 * @param classAccuracy      {@code a_c = P(argmax_j (W x)_j = c | y = c)}; ties split evenly
 * @param loss               {@code sum_c p_c L_c}, the population loss
 * @param balancedLoss       {@code mean_c L_c}
 * @param minorityLoss       {@code L_m} for the smallest prior
 * @param worstClassLoss     {@code max_c L_c}
 * @param balancedAccuracy   {@code mean_c a_c}
 * @param worstClassAccuracy {@code min_c a_c}
 * @param offdiagRatio       {@code ||offdiag(W Q)||_F / ||W||_F} for the full mean basis {@code Q} (0 at {@code W = 0})
 * @param accuracyMethod     how the accuracies were computed: {@value ClassMetrics#EXACT}, or
 *                           {@code monte-carlo:N} with {@code N} common random draws (decision 0202)
 */
public record Evaluation(double[] diag, double[] classLoss, double[] classAccuracy, double loss, double balancedLoss,
                         double minorityLoss, double worstClassLoss, double balancedAccuracy, double worstClassAccuracy,
                         double offdiagRatio, String accuracyMethod) {
}

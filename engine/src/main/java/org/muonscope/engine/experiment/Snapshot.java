package org.muonscope.engine.experiment;

/**
 * What a view draws for one optimizer at one step. Arrays are per class and must not be modified.
 *
 * @param optimizer     the optimizer's label ({@code NAME} or {@code NAME#2})
 * @param slot          the optimizer's index in the spec
 * @param step          the step this state was reached after (0 = initial)
 * @param diag          end-to-end {@code W[c,c]} (in the mean basis when rotated)
 * @param classLoss     class-conditional losses {@code L_c}
 * @param classAccuracy class accuracies {@code a_c}
 * @param singularValues singular values of the end-to-end {@code W}, descending
 */
public record Snapshot(String optimizer, int slot, long step, double[] diag, double[] classLoss, double[] classAccuracy,
                       double loss, double balancedLoss, double minorityLoss, double worstClassLoss,
                       double balancedAccuracy, double worstClassAccuracy, double offdiagRatio,
                       double[] singularValues) { }

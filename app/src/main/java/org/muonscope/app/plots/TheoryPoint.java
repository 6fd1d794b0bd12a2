package org.muonscope.app.plots;

import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.Values;

/**
 * A theory record as the Theory Lab's charts read it: the engine's {@link Record} with its fields typed. Arrays are
 * per class and shared with the record, never modify them.
 *
 * @param monteCarlo whether the class accuracies are Monte Carlo estimates (the charts mark them)
 */
public record TheoryPoint(String optimizer, int slot, long step, double[] diag, double[] classLoss, double[] classAccuracy,
                          double loss, double balancedLoss, double minorityLoss, double worstClassLoss,
                          double balancedAccuracy, double worstClassAccuracy, double offdiagRatio, double[] singularValues,
                          boolean monteCarlo) {

    public static TheoryPoint of(Record r) {
        Values v = r.values();
        double[] sv = v.vector(TheoryFields.SINGULAR_VALUES);
        String method = v.text(TheoryFields.ACCURACY_METHOD);
        return new TheoryPoint(r.optimizer(), r.slot(), r.step(), v.vector(TheoryFields.DIAG), v.vector(TheoryFields.CLASS_LOSS),
                v.vector(TheoryFields.CLASS_ACCURACY), v.scalar(TheoryFields.LOSS), v.scalar(TheoryFields.BALANCED_LOSS),
                v.scalar(TheoryFields.MINORITY_LOSS), v.scalar(TheoryFields.WORST_CLASS_LOSS),
                v.scalar(TheoryFields.BALANCED_ACCURACY), v.scalar(TheoryFields.WORST_CLASS_ACCURACY),
                v.scalar(TheoryFields.OFFDIAG_RATIO), sv == null ? new double[0] : sv,
                method != null && method.startsWith("monte-carlo"));
    }
}

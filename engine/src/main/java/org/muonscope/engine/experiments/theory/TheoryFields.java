package org.muonscope.engine.experiments.theory;

import java.util.List;
import org.muonscope.engine.run.Column;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.run.Table.Source;

/**
 * What a theory run records, by field name, and where each lies in its folder. Classes are numbered from 0.
 *
 * <p>Each record (every {@code every} steps, step 0 and the last): {@value #DIAG}, {@value #CLASS_LOSS},
 * {@value #CLASS_ACCURACY} (per class), {@value #ACCURACY_METHOD} ({@code exact} or {@code monte-carlo:N}),
 * {@value #LOSS}, {@value #BALANCED_LOSS}, {@value #MINORITY_LOSS}, {@value #WORST_CLASS_LOSS},
 * {@value #BALANCED_ACCURACY}, {@value #WORST_CLASS_ACCURACY}, {@value #OFFDIAG_RATIO}, {@value #SINGULAR_VALUES}
 * (of the end-to-end {@code W}, descending). Each optimizer's summary: {@value #PRIOR}, {@value #W_STAR},
 * {@value #T90_MEASURED} (NaN where not reached), {@value #T90_THEORY} (NaN where no closed form applies; infinite
 * where the closed form never reaches 90%), {@value #FINAL_W}.
 */
public final class TheoryFields {
    private TheoryFields() { }

    public static final String DIAG = "diag";
    public static final String CLASS_LOSS = "class_loss";
    public static final String CLASS_ACCURACY = "class_accuracy";
    public static final String ACCURACY_METHOD = "accuracy_method";
    public static final String LOSS = "loss";
    public static final String BALANCED_LOSS = "balanced_loss";
    public static final String MINORITY_LOSS = "minority_loss";
    public static final String WORST_CLASS_LOSS = "worst_class_loss";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    public static final String WORST_CLASS_ACCURACY = "worst_class_accuracy";
    public static final String OFFDIAG_RATIO = "offdiag_ratio";
    public static final String SINGULAR_VALUES = "singular_values";

    public static final String PRIOR = "prior";
    public static final String W_STAR = "w_star";
    public static final String T90_MEASURED = "t90_measured";
    public static final String T90_THEORY = "t90_theory";
    public static final String FINAL_W = "final_w";

    /** The folder of a theory run (the columns the README documents). */
    public static final Layout LAYOUT = new Layout("trajectories.csv", List.of(
            Table.of("trajectories.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("class", 0),
                    Column.element(DIAG), Column.element(CLASS_LOSS), Column.element(CLASS_ACCURACY),
                    Column.text(ACCURACY_METHOD)),
            Table.of("metrics.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.scalar(LOSS),
                    Column.scalar(BALANCED_LOSS), Column.scalar(MINORITY_LOSS), Column.scalar(WORST_CLASS_LOSS),
                    Column.scalar(BALANCED_ACCURACY), Column.scalar(WORST_CLASS_ACCURACY), Column.scalar(OFFDIAG_RATIO)),
            Table.of("saturation.csv", Source.OPTIMIZERS, Column.optimizer(), Column.index("class", 0),
                    Column.element(PRIOR), Column.element(W_STAR), Column.element(T90_MEASURED), Column.element(T90_THEORY)),
            Table.of("singular-values.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("index", 0),
                    Column.element("value", SINGULAR_VALUES)),
            Table.optimizers(),
            Table.optional("weights-%s.csv", Source.OPTIMIZER_MATRIX, Column.cell("value", FINAL_W))));
}

package org.muonscope.engine.experiments.dln;

import java.util.List;
import org.muonscope.engine.run.Column;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.run.Table.Source;

/**
 * What a deep-linear run records, by field name, and where each lies in its folder. Modes are numbered from 1.
 *
 * <p>Each record: {@value #SIGMA} (singular values of the product, descending), {@value #THEORY} (the closed form, NaN
 * for optimizers without one), {@value #LOSS}, {@value #EFFECTIVE_RANK}, {@value #TAU} (flow time, the sum of the step
 * sizes so far). Each optimizer's summary: {@value #LR}, {@value #SCHEDULE}, {@value #FINAL_SIGMA},
 * {@value #PEAK_TO_PEAK} (the range of each {@code sigma_k} over the last quarter of the steps, measured at every
 * step). The run's info: {@value #TARGET}, the task's singular values.
 */
public final class DlnFields {
    private DlnFields() { }

    public static final String SIGMA = "sigma";
    public static final String THEORY = "theory";
    public static final String LOSS = "loss";
    public static final String EFFECTIVE_RANK = "effective_rank";
    public static final String TAU = "tau";
    public static final String LR = "lr";
    public static final String SCHEDULE = "schedule";
    public static final String FINAL_SIGMA = "final_sigma";
    public static final String PEAK_TO_PEAK = "peak_to_peak";
    public static final String TARGET = "target";

    public static final Layout LAYOUT = new Layout("oscillation.csv", List.of(
            Table.of("singular_values.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("k", 1),
                    Column.element(SIGMA), Column.element(THEORY)),
            Table.of("loss.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.scalar(LOSS),
                    Column.scalar(EFFECTIVE_RANK)),
            Table.of("oscillation.csv", Source.OPTIMIZERS, Column.optimizer(), Column.setting(), Column.scalar(LR),
                    Column.text(SCHEDULE), Column.index("k", 1), Column.element(TARGET), Column.element(FINAL_SIGMA),
                    Column.element(PEAK_TO_PEAK)),
            Table.optimizers()));
}

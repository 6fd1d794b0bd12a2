package org.muonscope.engine.experiments.routing;

import java.util.List;
import org.muonscope.engine.run.Column;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.run.Table.Source;

/**
 * What a routing run records, by field name, and where each lies in its folder. Domains and indices are numbered
 * from 1.
 *
 * <p>Each record: {@value #BATCH_LOSS} (the loss of the batch about to be used), {@value #SEEN_ERROR} (mean over the
 * 14 trained pairs), {@value #UNSEEN_ERROR} (over the 35 others), {@value #EFFECTIVE_RANK} and
 * {@value #HIDDEN_SPECTRUM} of the shared hidden layer, {@value #ERROR_GRID} (input domain x output domain). The
 * run's info: {@value #TRAINED}, 1 for the trained pairs.
 */
public final class RoutingFields {
    private RoutingFields() { }

    public static final String BATCH_LOSS = "batch_loss";
    public static final String SEEN_ERROR = "seen_error";
    public static final String UNSEEN_ERROR = "unseen_error";
    public static final String EFFECTIVE_RANK = "effective_rank";
    public static final String HIDDEN_SPECTRUM = "hidden_spectrum";
    public static final String ERROR_GRID = "error_grid";
    public static final String TRAINED = "trained";

    public static final Layout LAYOUT = new Layout("routing.csv", List.of(
            Table.of("routing.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.scalar(SEEN_ERROR),
                    Column.scalar(UNSEEN_ERROR), Column.scalar(EFFECTIVE_RANK)),
            Table.of("hidden_spectrum.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("index", 1),
                    Column.element("singular_value", HIDDEN_SPECTRUM)),
            Table.of("error_grid.csv", Source.LAST_RECORD, Column.optimizer(), Column.step(), Column.row("input", 1),
                    Column.col("output", 1), Column.flagCell("trained", TRAINED), Column.cell("error", ERROR_GRID)),
            Table.optimizers()));
}

package org.muonscope.engine.run;

import java.util.List;

/**
 * One CSV file of a results folder, as a view of the run: one row per record (or per record and vector index, or
 * per record and matrix cell), per optimizer, or per entry of the run's info. Value columns whose field no item
 * has are left out (a CNN run without a spurious pixel has no {@code clean_accuracy} column), and so is a table
 * none of whose values exist, unless {@code keepEmpty}.
 *
 * @param file         the file name; for {@link Source#OPTIMIZER_MATRIX} a pattern with {@code %s} for the label
 * @param source       what a row is made from
 * @param columns      the columns, keys first
 * @param keepEmpty    write the header even when there are no rows
 */
public record Table(String file, Source source, List<Column> columns, boolean keepEmpty) {
    public enum Source {
        /** Every record of every optimizer. */
        RECORDS,
        /** The last record of each optimizer. */
        LAST_RECORD,
        /** Each optimizer's status and summary. */
        OPTIMIZERS,
        /** The run's info (no optimizer column). */
        INFO,
        /** A headerless matrix per optimizer from its summary, in a file of its own ({@code weights-gd.csv}). */
        OPTIMIZER_MATRIX
    }

    public Table {
        columns = List.copyOf(columns);
    }

    public static Table of(String file, Source source, Column... columns) {
        return new Table(file, source, List.of(columns), true);
    }

    public static Table optional(String file, Source source, Column... columns) {
        return new Table(file, source, List.of(columns), false);
    }

    /** The status of every optimizer, the same file in every kind's folder. */
    public static Table optimizers() {
        return of("optimizers.csv", Source.OPTIMIZERS, Column.optimizer(), Column.slot(), Column.status(),
                Column.setting(), Column.message());
    }
}

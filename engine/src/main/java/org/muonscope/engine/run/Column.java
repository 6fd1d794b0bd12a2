package org.muonscope.engine.run;

/**
 * One column of a results {@link Table}: a key (optimizer, step, an index) or a value read from a record, an
 * optimizer's summary or the run's info by field name.
 *
 * @param header the column's name in the CSV header
 * @param part   what the column holds
 * @param field  the value's field name ({@link Values}); for {@link Part#INDEX} and {@link Part#ROW} an optional list
 *               of texts in the run's info that names the indices (group names, layer names) instead of numbers
 * @param base   the first index's number (0 or 1) for {@link Part#INDEX}, {@link Part#ROW}, {@link Part#COL}
 * @param bool   a 0/1 value written as {@code false}/{@code true}
 */
public record Column(String header, Part part, String field, int base, boolean bool) {
    public enum Part {
        OPTIMIZER, STEP, SLOT, STATUS, SETTING, MESSAGE,
        /** The position in the table's vectors. */
        INDEX,
        /** The row and column in the table's matrices. */
        ROW, COL,
        /** A number, repeated on each row of an item. */
        SCALAR,
        /** A text, repeated on each row of an item. */
        TEXT,
        /** The vector's entry at the row's index. */
        ELEMENT,
        /** The matrix's entry at the row's (row, col). */
        CELL;

        boolean isValue() {
            return this == SCALAR || this == TEXT || this == ELEMENT || this == CELL;
        }
    }

    public static Column optimizer() {
        return new Column("optimizer", Part.OPTIMIZER, null, 0, false);
    }

    public static Column step() {
        return new Column("step", Part.STEP, null, 0, false);
    }

    public static Column slot() {
        return new Column("slot", Part.SLOT, null, 0, false);
    }

    public static Column status() {
        return new Column("status", Part.STATUS, null, 0, false);
    }

    public static Column setting() {
        return new Column("setting", Part.SETTING, null, 0, false);
    }

    public static Column message() {
        return new Column("message", Part.MESSAGE, null, 0, false);
    }

    public static Column index(String header, int base) {
        return new Column(header, Part.INDEX, null, base, false);
    }

    /** An index column showing the texts of {@code labels} (a run-info list) instead of numbers. */
    public static Column index(String header, String labels) {
        return new Column(header, Part.INDEX, labels, 0, false);
    }

    public static Column row(String header, int base) {
        return new Column(header, Part.ROW, null, base, false);
    }

    /**
     * A row column showing the texts of {@code labels} (a run-info list) instead of numbers: the rows of a ragged
     * matrix that are named things (a network's layers), as {@link #index(String, String)} names a vector's entries.
     */
    public static Column row(String header, String labels) {
        return new Column(header, Part.ROW, labels, 0, false);
    }

    public static Column col(String header, int base) {
        return new Column(header, Part.COL, null, base, false);
    }

    public static Column scalar(String name) {
        return new Column(name, Part.SCALAR, name, 0, false);
    }

    public static Column scalar(String header, String field) {
        return new Column(header, Part.SCALAR, field, 0, false);
    }

    public static Column text(String name) {
        return new Column(name, Part.TEXT, name, 0, false);
    }

    public static Column element(String name) {
        return new Column(name, Part.ELEMENT, name, 0, false);
    }

    public static Column element(String header, String field) {
        return new Column(header, Part.ELEMENT, field, 0, false);
    }

    public static Column cell(String header, String field) {
        return new Column(header, Part.CELL, field, 0, false);
    }

    /** A 0/1 matrix written as {@code false}/{@code true}. */
    public static Column flagCell(String header, String field) {
        return new Column(header, Part.CELL, field, 0, true);
    }
}

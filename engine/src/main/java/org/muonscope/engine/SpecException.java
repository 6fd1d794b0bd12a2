package org.muonscope.engine;

/**
 * Bad input from a user: names the offending field so the CLI and the window can say exactly what to fix.
 */
public final class SpecException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public SpecException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.reason = message;
    }

    /** What is wrong, without the field's name. */
    public String reason() {
        return reason;
    }

    /** The name of the offending field, as the user typed it (e.g. {@code priors}, {@code muon.lr}). */
    public String field() {
        return field;
    }
}

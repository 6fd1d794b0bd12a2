package org.muonscope.engine;

/**
 * Bad input from a user: names the offending field so the CLI and the window can say exactly what to fix.
 */
public final class SpecException extends IllegalArgumentException {
    private final String field;

    public SpecException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the offending field, as the user typed it (e.g. {@code priors}, {@code muon.lr}). */
    public String field() {
        return field;
    }
}

package org.muonscope.engine.data;

import java.nio.file.Path;

/** A data file that cannot be used: one message naming the file and what was expected. */
public final class DataException extends RuntimeException {
    private final transient Path file;

    public DataException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public DataException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The offending file (or folder). */
    public Path file() {
        return file;
    }
}

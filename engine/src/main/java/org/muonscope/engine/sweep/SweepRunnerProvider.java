package org.muonscope.engine.sweep;

/**
 * A runner that lives outside the engine and the app (the Spark runner of the {@code cluster} module), found with
 * {@link java.util.ServiceLoader} only when a master URL is given, so nothing else ever loads its classes.
 */
public interface SweepRunnerProvider {
    /** Whether this provider runs on {@code master} ({@code local[N]}, {@code spark://HOST:PORT}, ...). */
    boolean accepts(String master);

    /**
     * Connects to {@code master}.
     *
     * @throws org.muonscope.engine.SpecException for a malformed URL
     * @throws java.io.UncheckedIOException       when the master cannot be reached (one line saying why)
     */
    SweepRunner open(String master);
}

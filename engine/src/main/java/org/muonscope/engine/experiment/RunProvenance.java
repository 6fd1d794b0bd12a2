package org.muonscope.engine.experiment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a run came from, so any figure can be regenerated: versions, machine, time and the seed.
 *
 * @param ejmlVersion the EJML version the numbers were computed with (added after the first contract; older
 *                    readers may see it missing, {@link #UNKNOWN} then)
 */
public record RunProvenance(String muonscopeVersion, String javaVersion, String os, String arch, int processors,
                            String startedAt, long seed, String command, String ejmlVersion) {

    /** Muonscope's own version; kept beside the code because the shaded jar carries no per-module manifest. */
    public static final String MUONSCOPE_VERSION = "0.1.0";
    public static final String UNKNOWN = "unknown";

    /** The first contract's shape, without the EJML version. */
    public RunProvenance(String muonscopeVersion, String javaVersion, String os, String arch, int processors,
                         String startedAt, long seed, String command) {
        this(muonscopeVersion, javaVersion, os, arch, processors, startedAt, seed, command, UNKNOWN);
    }

    /**
     * This process's provenance, stamped now (UTC, millisecond precision).
     *
     * @param command what started the run, e.g. the command line or {@code "theory lab"}
     */
    public static RunProvenance capture(long seed, String command) {
        return new RunProvenance(MUONSCOPE_VERSION,
                System.getProperty("java.version", UNKNOWN) + " (" + System.getProperty("java.vendor", UNKNOWN) + ")",
                System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", ""),
                System.getProperty("os.arch", UNKNOWN),
                Runtime.getRuntime().availableProcessors(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                seed, command == null ? "" : command, org.ejml.EjmlVersion.VERSION);
    }
}

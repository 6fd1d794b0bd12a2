package org.muonscope.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code provenance.json}, as every results folder holds it. */
    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("muonscope_version", muonscopeVersion);
        n.put("java_version", javaVersion);
        n.put("os", os);
        n.put("arch", arch);
        n.put("processors", processors);
        n.put("started_at", startedAt);
        n.put("seed", seed);
        n.put("command", command);
        n.put("ejml_version", ejmlVersion);
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flat object always serializes", e);
        }
    }

    /** Reads {@link #toJson}; missing fields read as {@link #UNKNOWN}. */
    public static RunProvenance parse(String json) throws IOException {
        JsonNode n = MAPPER.readTree(json);
        if (n == null || !n.isObject()) throw new IOException("provenance.json: expected a JSON object");
        return new RunProvenance(n.path("muonscope_version").asText(UNKNOWN), n.path("java_version").asText(UNKNOWN),
                n.path("os").asText(UNKNOWN), n.path("arch").asText(UNKNOWN), n.path("processors").asInt(0),
                n.path("started_at").asText(UNKNOWN), n.path("seed").asLong(0), n.path("command").asText(""),
                n.path("ejml_version").asText(UNKNOWN));
    }
}

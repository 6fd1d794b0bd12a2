package org.muonscope.app.cnnlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The lab's runs on disk: one folder per run under a root ({@code ~/.muonscope/cnn-runs} by default), holding the
 * engine's outputs and checkpoint plus the lab's {@code lab-run.json} (spec, status) and {@code lab-history.json}
 * (every evaluation). Both lab files are replaced atomically, so a crash leaves the previous version.
 */
public final class RunStore {
    static final String STATE_FILE = "lab-run.json";
    static final String HISTORY_FILE = "lab-history.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunStore(Path root) {
        this.root = root;
    }

    /** {@code $muonscope.home/cnn-runs}, where {@code muonscope.home} defaults to {@code ~/.muonscope}. */
    public static RunStore defaultStore() {
        String home = System.getProperty("muonscope.home", Path.of(System.getProperty("user.home"), ".muonscope").toString());
        return new RunStore(Path.of(home, "cnn-runs"));
    }

    public Path root() { return root; }

    /**
     * The folder of a new run, {@code time-NNNN-label} (milliseconds, then a sequence number so runs queued
     * within the same millisecond keep their order). Computed without touching the disk, so the FX thread can
     * call it; the folder is created by the first write into it ({@link #writeState}) or by the engine.
     */
    public Path newRunDir(LabRunSpec spec) {
        String label = spec.optimizerLabel().replaceAll("[^A-Za-z0-9]+", "") + "-"
                + spec.experiment().label().replaceAll("[^A-Za-z0-9.]+", "");
        return root.resolve(String.format("%s-%04d-%s", LocalDateTime.now().format(STAMP), sequence.incrementAndGet(), label));
    }

    /** What is saved of a run besides its history. */
    public record Saved(Path dir, LabRunSpec spec, RunStatus status, String message, RunInfo info) { }

    public void writeState(Saved s) throws IOException {
        ObjectNode n = json.createObjectNode();
        n.put("status", s.status().name());
        n.put("message", s.message() == null ? "" : s.message());
        n.set("spec", specToJson(s.spec()));
        if (s.info() != null) n.set("info", json.valueToTree(s.info()));
        Files.createDirectories(s.dir());
        AtomicWrite.write(s.dir().resolve(STATE_FILE), json.writeValueAsBytes(n));
    }

    public void writeHistory(Path dir, List<EvalPoint> history) throws IOException {
        Files.createDirectories(dir);
        AtomicWrite.write(dir.resolve(HISTORY_FILE), json.writeValueAsBytes(history));
    }

    public List<EvalPoint> readHistory(Path dir) throws IOException {
        Path f = dir.resolve(HISTORY_FILE);
        if (!Files.exists(f)) return List.of();
        return List.of(json.readValue(f.toFile(), EvalPoint[].class));
    }

    public Saved readState(Path dir) throws IOException {
        JsonNode n = json.readTree(dir.resolve(STATE_FILE).toFile());
        RunInfo info = n.hasNonNull("info") ? json.treeToValue(n.get("info"), RunInfo.class) : null;
        String msg = n.path("message").asText("");
        return new Saved(dir, specFromJson(n.get("spec")), RunStatus.valueOf(n.get("status").asText()), msg, info);
    }

    /** Every readable run under the root, oldest first; unreadable folders are skipped. */
    public List<Saved> loadAll() {
        List<Saved> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve(STATE_FILE))).sorted().toList()) {
                try {
                    out.add(readState(d));
                } catch (IOException | RuntimeException e) {
                    // A folder from a newer version or edited by hand: leave it on disk, do not list it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    public void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        if (!dir.startsWith(root)) throw new IOException(dir + " is not a run folder under " + root);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The settings of a run as saved in {@code lab-run.json}, with the equivalent command line. */
    public static ObjectNode specToJson(LabRunSpec s) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("data", s.data().toCliText());
        n.put("experiment", s.experiment().kind().name());
        n.put("value", s.experiment().value());
        n.put("model", s.model());
        n.put("optimizerLabel", s.optimizerLabel());
        n.put("optimizer", s.optimizer().toText());
        n.put("epochs", s.epochs());
        n.put("batch", s.batch());
        n.put("evalEvery", s.evalEvery());
        n.put("seed", s.seed());
        n.put("threads", s.threads());
        n.put("trainLimit", s.trainLimit());
        n.put("testLimit", s.testLimit());
        n.put("init", s.init());
        n.put("command", s.toCommandLine());
        return n;
    }

    static LabRunSpec specFromJson(JsonNode n) {
        Experiment e = new Experiment(Experiment.Kind.valueOf(n.get("experiment").asText()), n.get("value").asDouble());
        return new LabRunSpec(DatasetChoice.parse(n.get("data").asText()), e, n.get("model").asText(),
                n.get("optimizerLabel").asText(), OptimizerSettings.parse(n.get("optimizer").asText()),
                n.get("epochs").asInt(), n.get("batch").asInt(), n.get("evalEvery").asInt(), n.get("seed").asLong(),
                n.get("threads").asInt(), n.path("trainLimit").asInt(0), n.path("testLimit").asInt(0),
                n.path("init").asText("default"));
    }
}

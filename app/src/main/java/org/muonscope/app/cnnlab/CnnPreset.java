package org.muonscope.app.cnnlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.CnnSpec;

/**
 * A saved CNN Lab setup from {@code assets/presets/cnn-*.json}: the experiment, schedule, optimizers and (for the
 * headline plots) the sweep values.
 *
 * @param init       weight init in {@code --init} syntax ({@code default} when the file names none)
 * @param optimizers optimizer label to its settings text, in order
 * @param sweepValues the values a sweep runs; empty for single-run presets
 */
public record CnnPreset(String id, String name, String description, DatasetChoice data, Experiment experiment,
                        String model, String init, int epochs, int batch, int evalEvery, long seed, int trainLimit, int testLimit,
                        Map<String, String> optimizers,
                        List<Double> sweepValues, List<Long> sweepSeeds, double earlyFraction) {

    /** The presets shipped with Muonscope, in menu order. */
    public static final List<String> BUNDLED = List.of("cnn-quick", "cnn-step-imbalance", "cnn-longtail-imbalance",
            "cnn-spurious-pixel", "cnn-colored-digits", "cnn-sweep-imbalance", "cnn-sweep-spurious");

    public static List<CnnPreset> loadBundled() throws IOException {
        List<CnnPreset> out = new ArrayList<>();
        for (String id : BUNDLED) {
            try (InputStream in = CnnPreset.class.getResourceAsStream("/assets/presets/" + id + ".json")) {
                if (in == null) throw new IOException("missing preset /assets/presets/" + id + ".json");
                out.add(parse(id, new ObjectMapper().readTree(in)));
            }
        }
        return out;
    }

    static CnnPreset parse(String id, JsonNode n) {
        Experiment.Kind kind = Experiment.Kind.valueOf(n.path("experiment").asText("PLAIN"));
        Experiment e = kind == Experiment.Kind.PLAIN ? Experiment.PLAIN : new Experiment(kind, n.path("value").asDouble(kind.defaultValue()));
        Map<String, String> opts = new LinkedHashMap<>();
        n.path("optimizers").fields().forEachRemaining(f -> opts.put(f.getKey(), f.getValue().asText()));
        List<Double> values = new ArrayList<>();
        n.path("sweep").path("values").forEach(v -> values.add(v.asDouble()));
        List<Long> seeds = new ArrayList<>();
        n.path("sweep").path("seeds").forEach(v -> seeds.add(v.asLong()));
        return new CnnPreset(id, n.path("name").asText(id), n.path("description").asText(""),
                DatasetChoice.parse(n.path("data").asText("bundled")), e, n.path("model").asText("paper-cnn"),
                n.path("init").asText("default"),
                n.path("epochs").asInt(1), n.path("batch").asInt(64), n.path("evalEvery").asInt(10), n.path("seed").asLong(1),
                n.path("trainLimit").asInt(0), n.path("testLimit").asInt(0),
                opts, values, seeds, n.path("sweep").path("earlyFraction").asDouble(0.25));
    }

    /** The engine spec of this preset's run: every optimizer, on the engine's default two threads. */
    public CnnSpec toSpec() {
        List<OptimizerSettings> opts = new ArrayList<>();
        for (String text : optimizers.values()) opts.add(OptimizerSettings.parse(text));
        return EngineBackend.toEngine(data, experiment, model, opts, epochs, batch, evalEvery, CnnSpec.defaults().threads(),
                seed, init, trainLimit, testLimit);
    }

    public boolean isSweep() { return !sweepValues.isEmpty(); }

    @Override
    public String toString() { return name; }
}

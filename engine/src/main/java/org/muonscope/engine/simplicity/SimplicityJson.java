package org.muonscope.engine.simplicity;

import org.muonscope.engine.optim.StepSchedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * {@link DlnSpec} and {@link RoutingSpec} as JSON: the {@code spec.json} of a run and the presets
 * {@code assets/presets/simplicity-*.json} share this form, so a preset is a spec to rerun. Optimizers are
 * written in the command-line syntax ({@code specgd:lr=0.01}); missing keys take the defaults of
 * {@link DlnSpec#figure1()} and {@link #routingDefaults()}; unknown keys are errors (a typo never does nothing).
 */
public final class SimplicityJson {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> DLN_KEYS = Set.of("format", "experiment", "name", "description", "dim", "singularValues",
            "depth", "hidden", "init", "aligned", "noise", "steps", "every", "seed", "schedule", "optimizers");
    private static final Set<String> ROUTING_KEYS = Set.of("format", "experiment", "name", "description", "width", "init",
            "steps", "every", "seed", "fullBatch", "schedule", "optimizers");

    private SimplicityJson() {
    }

    /** The routing defaults (README "Simplicity Lab" says why these). */
    public static RoutingSpec routingDefaults() {
        return new RoutingSpec(64, 1e-3, 3000, 50, 1, false, StepSchedule.CONSTANT,
                List.of(OptimizerSettings.parse("gd:lr=2"), OptimizerSettings.parse("specgd:lr=0.01")));
    }

    public static String toJson(DlnSpec s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT_VERSION);
        n.put("experiment", "dln");
        n.put("dim", s.dim());
        if (s.singularValues() == null) {
            n.putNull("singularValues");
        } else {
            ArrayNode a = n.putArray("singularValues");
            for (double v : s.singularValues()) a.add(v);
        }
        n.put("depth", s.depth());
        n.put("hidden", s.hidden());
        n.put("init", s.init());
        n.put("aligned", s.aligned());
        n.put("noise", s.noise());
        common(n, s.steps(), s.every(), s.seed(), s.schedule(), s.optimizers());
        return write(n);
    }

    public static String toJson(RoutingSpec s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT_VERSION);
        n.put("experiment", "routing");
        n.put("width", s.width());
        n.put("init", s.init());
        n.put("fullBatch", s.fullBatch());
        common(n, s.steps(), s.every(), s.seed(), s.schedule(), s.optimizers());
        return write(n);
    }

    /** Which experiment a JSON text describes: {@code dln} or {@code routing}. */
    public static String experiment(String json) {
        return read(json).path("experiment").asText("");
    }

    public static DlnSpec parseDln(String json) {
        JsonNode n = read(json);
        check(n, "dln", DLN_KEYS);
        DlnSpec d = DlnSpec.figure1();
        double[] sv = d.singularValues();
        if (n.has("singularValues")) {
            JsonNode a = n.get("singularValues");
            if (a.isNull()) {
                sv = null;
            } else {
                if (!a.isArray()) throw new SpecException("singularValues", "expected an array of numbers or null");
                sv = new double[a.size()];
                for (int i = 0; i < sv.length; i++) sv[i] = num(a.get(i), "singularValues");
            }
        }
        return new DlnSpec(integer(n, "dim", d.dim()), sv, integer(n, "depth", d.depth()), integer(n, "hidden", d.hidden()),
                number(n, "init", d.init()), bool(n, "aligned", d.aligned()), number(n, "noise", d.noise()),
                integer(n, "steps", d.steps()), integer(n, "every", d.every()), (long) number(n, "seed", d.seed()),
                schedule(n, d.schedule()), optimizers(n, d.optimizers()));
    }

    public static RoutingSpec parseRouting(String json) {
        JsonNode n = read(json);
        check(n, "routing", ROUTING_KEYS);
        RoutingSpec d = routingDefaults();
        return new RoutingSpec(integer(n, "width", d.width()), number(n, "init", d.init()), integer(n, "steps", d.steps()),
                integer(n, "every", d.every()), (long) number(n, "seed", d.seed()), bool(n, "fullBatch", d.fullBatch()),
                schedule(n, d.schedule()), optimizers(n, d.optimizers()));
    }

    private static void common(ObjectNode n, int steps, int every, long seed, StepSchedule schedule, List<OptimizerSettings> opts) {
        n.put("steps", steps);
        n.put("every", every);
        n.put("seed", seed);
        n.put("schedule", schedule.toText());
        ArrayNode a = n.putArray("optimizers");
        for (OptimizerSettings o : opts) a.add(o.toText());
    }

    private static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) throw new SpecException("spec", "expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new SpecException("spec", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void check(JsonNode n, String experiment, Set<String> keys) {
        String e = n.path("experiment").asText(experiment);
        if (!e.equals(experiment)) throw new SpecException("experiment", "expected '" + experiment + "', got '" + e + "'");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new SpecException(k, "unknown key in a " + experiment + " spec");
        }
    }

    private static double num(JsonNode v, String field) {
        if (v == null || !v.isNumber()) throw new SpecException(field, "expected a number, got " + v);
        return v.asDouble();
    }

    private static double number(JsonNode n, String field, double dflt) {
        return n.has(field) ? num(n.get(field), field) : dflt;
    }

    private static int integer(JsonNode n, String field, int dflt) {
        if (!n.has(field)) return dflt;
        JsonNode v = n.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new SpecException(field, "expected an integer, got " + v);
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String field, boolean dflt) {
        if (!n.has(field)) return dflt;
        JsonNode v = n.get(field);
        if (!v.isBoolean()) throw new SpecException(field, "expected true or false, got " + v);
        return v.asBoolean();
    }

    private static StepSchedule schedule(JsonNode n, StepSchedule dflt) {
        return n.has("schedule") ? StepSchedule.parse(n.get("schedule").asText()) : dflt;
    }

    private static List<OptimizerSettings> optimizers(JsonNode n, List<OptimizerSettings> dflt) {
        if (!n.has("optimizers")) return dflt;
        JsonNode a = n.get("optimizers");
        if (!a.isArray()) throw new SpecException("optimizers", "expected an array of optimizer texts");
        List<OptimizerSettings> out = new ArrayList<>();
        for (JsonNode o : a) out.add(OptimizerSettings.parse(o.asText()));
        return out;
    }
}

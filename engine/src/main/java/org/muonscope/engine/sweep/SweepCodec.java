package org.muonscope.engine.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.AtomicFiles;
import org.muonscope.engine.io.IoErrors;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;

/**
 * {@code sweep.json} and the command line's texts for a sweep. The document is
 * {@code {"base": SPEC, "vary": {KEY: [V1, V2, ...], ...}, "seeds": "A-B"}}: the base as its {@code spec.json}
 * holds it, the axes in order with values of the field's JSON type (optimizers as objects with every setting, so
 * the file means the same after defaults change), and the seed range. {@code --vary KEY=V1,V2,...} texts are
 * parsed to the field's JSON type here, so the command line and the file reach {@link Grid} in one form.
 */
public final class SweepCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("base", "vary", "seeds", "name", "description");

    private SweepCodec() { }

    public static String toJson(SweepSpec sweep) {
        ObjectNode root = NODES.objectNode();
        root.set("base", SpecCodec.toTree(sweep.base()));
        ObjectNode vary = root.putObject("vary");
        for (SweepSpec.Axis a : sweep.axes()) {
            ArrayNode values = vary.putArray(a.key());
            for (JsonNode v : a.values()) values.add(a.key().equals(Grid.OPTIMIZER) ? SpecCodec.optimizer(SpecCodec.optimizer(v, a.key())) : v);
        }
        root.put("seeds", sweep.firstSeed() + "-" + sweep.lastSeed());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    public static void write(SweepSpec sweep, Path file) {
        AtomicFiles.write(file, toJson(sweep));
    }

    /** @throws SpecException naming the file or the field */
    public static SweepSpec read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SpecException("spec", "cannot read " + file + ": " + IoErrors.describe(e));
        }
    }

    /** @throws SpecException naming the field ({@code base.FIELD} for the base spec's) */
    public static SweepSpec parse(String json) {
        JsonNode root = SpecCodec.tree(json);
        if (!root.isObject() || !root.has("base")) {
            throw new SpecException("spec", "a sweep file is {\"base\": SPEC, \"vary\": {KEY: [V1, V2, ...]}, \"seeds\": \"A-B\"}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new SpecException(f, "unknown field in a sweep file (known: base vary seeds)");
        }
        Spec base;
        try {
            base = SpecCodec.fromTree(root.get("base"), null);
        } catch (SpecException e) {
            throw new SpecException("base." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        List<SweepSpec.Axis> axes = new ArrayList<>();
        JsonNode vary = root.path("vary");
        if (!vary.isMissingNode() && !vary.isObject()) throw new SpecException("vary", "expected {KEY: [V1, V2, ...], ...}");
        for (Iterator<Map.Entry<String, JsonNode>> it = vary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Grid.checkKey(base.kind(), e.getKey());
            if (!e.getValue().isArray()) throw new SpecException(e.getKey(), "expected an array of values, got " + e.getValue());
            List<JsonNode> values = new ArrayList<>();
            e.getValue().forEach(values::add);
            axes.add(new SweepSpec.Axis(e.getKey(), values));
        }
        long[] seeds = root.has("seeds") ? seeds(root.get("seeds").asText()) : new long[] {base.seed(), base.seed()};
        return new SweepSpec(base, axes, seeds[0], seeds[1]);
    }

    /** {@code A-B} or {@code A}: the first and last seed. */
    public static long[] seeds(String text) {
        String[] ab = text.trim().split("-", -1);
        try {
            if (ab.length > 2) throw new NumberFormatException();
            long a = Long.parseLong(ab[0].trim());
            long b = ab.length == 2 ? Long.parseLong(ab[1].trim()) : a;
            if (b < a) throw new NumberFormatException();
            return new long[] {a, b};
        } catch (NumberFormatException e) {
            throw new SpecException("seeds", "expected A-B with 0 <= A <= B, got '" + text + "'");
        }
    }

    /**
     * An axis from {@code KEY=V1,V2,...}. Values are separated by commas, or by semicolons when the text has any
     * (a list field's value holds commas: {@code priors=0.7,0.2,0.1;0.5,0.3,0.2}); an optimizer's settings after the
     * first stay with it ({@code optimizer=gd:lr=0.05,beta=0.9,muon} is two optimizers).
     *
     * @throws SpecException naming the key (an unknown key lists the known ones) or the value that does not parse
     */
    public static SweepSpec.Axis axis(ExperimentKind kind, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new SpecException("vary", "expected KEY=V1,V2,..., got '" + text + "'");
        String key = text.substring(0, eq).trim();
        Grid.checkKey(kind, key);
        String rest = text.substring(eq + 1);
        Class<?> type = type(kind, key);
        List<String> tokens = new ArrayList<>();
        if (rest.contains(";")) {
            for (String t : rest.split(";", -1)) tokens.add(t.trim());
        } else if (key.equals(Grid.OPTIMIZER)) {
            for (String t : rest.split(",", -1)) {
                String s = t.trim();
                // "beta=0.9" after "gd:lr=0.05" is the optimizer's next setting, not an optimizer of its own
                if (!tokens.isEmpty() && s.contains("=") && !s.contains(":")) tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "," + s);
                else tokens.add(s);
            }
        } else if (type == double[].class || type == List.class) {
            tokens.add(rest.trim());
        } else {
            for (String t : rest.split(",", -1)) tokens.add(t.trim());
        }
        if (tokens.stream().anyMatch(String::isEmpty)) throw new SpecException(key, "an empty value in '" + rest + "'");
        List<JsonNode> values = new ArrayList<>();
        for (String t : tokens) values.add(value(key, type, t));
        return new SweepSpec.Axis(key, values);
    }

    private static Class<?> type(ExperimentKind kind, String key) {
        if (key.equals(Grid.OPTIMIZER)) return OptimizerSettings.class;
        for (RecordComponent c : kind.specClass().getRecordComponents()) if (c.getName().equals(key)) return c.getType();
        throw new IllegalStateException("checked key " + key);
    }

    private static JsonNode value(String key, Class<?> type, String t) {
        try {
            if (type == OptimizerSettings.class) return SpecCodec.optimizer(OptimizerSettings.parse(t));
            if (type == double.class) {
                return t.equals("none") || t.equals("null") ? NODES.nullNode() : NODES.numberNode(Double.parseDouble(t));
            }
            if (type == int.class || type == long.class) return NODES.numberNode(Long.parseLong(t));
            if (type == boolean.class) {
                if (!t.equals("true") && !t.equals("false")) throw new SpecException(key, "expected true or false, got '" + t + "'");
                return NODES.booleanNode(Boolean.parseBoolean(t));
            }
            if (type == double[].class) {
                ArrayNode a = NODES.arrayNode();
                for (String s : t.split(",")) a.add(Double.parseDouble(s.trim()));
                return a;
            }
            if (type == List.class) {
                ArrayNode a = NODES.arrayNode();
                for (String s : t.split("\\+")) a.add(SpecCodec.optimizer(OptimizerSettings.parse(s.trim())));
                return a;
            }
            return NODES.textNode(t);
        } catch (NumberFormatException e) {
            throw new SpecException(key, "expected " + (type == double.class || type == double[].class ? "a number" : "an integer")
                    + ", got '" + t + "'");
        }
    }
}

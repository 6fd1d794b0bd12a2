package org.muonscope.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerKind;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.StepSchedule;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.theory.DataMode;

/**
 * Every kind of {@link Spec} to and from JSON ({@code spec.json}, presets, {@code --spec FILE}), with Jackson.
 *
 * <p>The document is {@code {"kind": "theory" | "dln" | "routing" | "cnn", ...}} followed by the spec record's
 * components by name, each spelled out, so a saved run means the same after defaults change. An optimizer is an object
 * with {@code name} and every setting of its kind; reading also takes the text syntax ({@code "muon:lr=0.02"}).
 * Reading is forgiving where a hand-written file needs it (a missing field takes the kind's default; {@code name}
 * and {@code description} are free text for presets) and strict where a typo would otherwise do nothing (an
 * unknown field is an error listing the known ones). Files of the formats before this codec are migrated on reading
 * ({@link LegacySpecs}). Every error is a {@link SpecException} naming the field.
 */
public final class SpecCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Free text that presets carry beside the spec. */
    private static final Set<String> META = Set.of("kind", "name", "description");

    private SpecCodec() { }

    /** The spec as an indented JSON document. */
    public static String toJson(Spec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec tree always serializes", e);
        }
    }

    /** The spec as a Jackson tree, for embedding in other documents (sessions, sweeps). */
    public static ObjectNode toTree(Spec spec) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", spec.kind().id());
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            root.set(c.getName(), write(c.getType(), value(c, spec)));
        }
        return root;
    }

    /** Writes {@link #toJson} atomically. */
    public static void write(Spec spec, Path file) {
        AtomicFiles.write(file, toJson(spec));
    }

    /** Reads a spec file of any kind. */
    public static Spec read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a spec file.
     *
     * @param expected the kind the caller needs, or null for any
     */
    public static Spec read(Path file, ExperimentKind expected) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException("spec", "cannot read " + file + ": " + IoErrors.describe(e));
        }
        return parse(text, expected);
    }

    /** Parses a spec document of any kind. */
    public static Spec parse(String json) {
        return parse(json, null);
    }

    /**
     * Parses and validates a spec document.
     *
     * @param expected the kind the caller needs, or null for any
     * @throws SpecException naming the offending field ({@code spec} for malformed JSON, {@code kind} for a spec of
     *                       another kind)
     */
    public static Spec parse(String json, ExperimentKind expected) {
        return fromTree(tree(json), expected);
    }

    /** A spec from a parsed tree (see {@link #parse(String, ExperimentKind)}). */
    public static Spec fromTree(JsonNode root, ExperimentKind expected) {
        if (root == null || !root.isObject()) throw new SpecException("spec", "expected a JSON object");
        ObjectNode doc = LegacySpecs.migrate((ObjectNode) root.deepCopy(), expected);
        if (!doc.hasNonNull("kind")) {
            throw new SpecException("kind", "the spec names no kind (\"kind\": theory, dln, routing or cnn)");
        }
        ExperimentKind kind = ExperimentKind.of(doc.get("kind").asText());
        if (expected != null && kind != expected) {
            throw new SpecException("kind", "this is a " + kind.id() + " spec; a " + expected.id() + " spec is needed here");
        }
        return build(kind, doc);
    }

    /** Parses JSON text into a tree, with a one-line error naming the line. */
    public static JsonNode tree(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null) throw new SpecException("spec", "empty document");
            return n;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new SpecException("spec", "not valid JSON (" + (msg == null ? "parse error" : msg.split("\n")[0])
                    + " at line " + e.getLocation().getLineNr() + ")");
        }
    }

    /** The names of a kind's fields, in order. */
    public static List<String> fields(ExperimentKind kind) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : kind.specClass().getRecordComponents()) out.add(c.getName());
        return out;
    }

    /**
     * A copy of {@code spec} with some fields replaced by JSON values (sweeps vary fields by name).
     *
     * @throws SpecException naming an unknown field or a value that fails validation
     */
    public static Spec with(Spec spec, Map<String, JsonNode> changes) {
        ObjectNode doc = toTree(spec);
        for (Map.Entry<String, JsonNode> e : changes.entrySet()) doc.set(e.getKey(), e.getValue());
        return build(spec.kind(), doc);
    }

    private static Spec build(ExperimentKind kind, ObjectNode doc) {
        ObjectNode defaults = toTree(kind.defaults());
        DerivedDefaults.fill(kind, doc, defaults);
        List<String> known = fields(kind);
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f) && !META.contains(f)) {
                throw new SpecException(f, "unknown field in a " + kind.id() + " spec (known: " + String.join(" ", known) + ")");
            }
        }
        RecordComponent[] rc = kind.specClass().getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            String name = rc[i].getName();
            types[i] = rc[i].getType();
            JsonNode v = doc.has(name) ? doc.get(name) : defaults.get(name);
            args[i] = read(name, rc[i].getType(), v);
        }
        try {
            Constructor<?> ctor = kind.specClass().getDeclaredConstructor(types);
            return (Spec) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a spec record always has its canonical constructor", e);
        }
    }

    private static Object value(RecordComponent c, Object owner) {
        try {
            return c.getAccessor().invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode write(Class<?> type, Object v) {
        if (v == null) return NODES.nullNode();
        if (type == double.class) {
            double d = (Double) v;
            return Double.isNaN(d) ? NODES.nullNode() : NODES.numberNode(d);
        }
        if (type == int.class) return NODES.numberNode((Integer) v);
        if (type == long.class) return NODES.numberNode((Long) v);
        if (type == boolean.class) return NODES.booleanNode((Boolean) v);
        if (type == String.class) return NODES.textNode((String) v);
        if (type == double[].class) {
            ArrayNode a = NODES.arrayNode();
            for (double d : (double[]) v) a.add(d);
            return a;
        }
        if (type == DataMode.class) return NODES.textNode(((DataMode) v).toText());
        if (type == StepSchedule.class) return NODES.textNode(((StepSchedule) v).toText());
        if (type == Init.class) return NODES.textNode(v.toString());
        if (type == List.class) {
            ArrayNode a = NODES.arrayNode();
            for (Object o : (List<?>) v) a.add(optimizer((OptimizerSettings) o));
            return a;
        }
        throw new IllegalStateException("no JSON form for " + type);
    }

    /** An optimizer's JSON form: {@code name} and every setting of its kind. */
    public static ObjectNode optimizer(OptimizerSettings o) {
        ObjectNode n = NODES.objectNode();
        n.put("name", o.kind().id());
        n.setAll((ObjectNode) MAPPER.valueToTree(o.values()));
        return n;
    }

    /** Reads an optimizer from its JSON form or its text syntax. */
    public static OptimizerSettings optimizer(JsonNode n, String field) {
        if (n.isTextual()) return OptimizerSettings.parse(n.asText());
        if (!n.isObject()) {
            throw new SpecException(field, "each optimizer must be a string like \"muon:lr=0.02\" or an object, got " + n);
        }
        if (!n.hasNonNull("name") || !n.get("name").isTextual()) throw new SpecException(field, "an optimizer object needs a \"name\"");
        OptimizerKind kind = OptimizerKind.of(n.get("name").asText());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("name")) continue;
            JsonNode v = e.getValue();
            if (!v.isNumber() && !v.isBoolean()) {
                throw new SpecException(kind.id() + "." + e.getKey(), "expected a number or true/false, got " + v);
            }
            values.put(e.getKey(), v.isBoolean() ? (Object) v.booleanValue() : v.isIntegralNumber() ? (Object) v.longValue() : v.doubleValue());
        }
        return OptimizerSettings.of(kind, values);
    }

    private static Object read(String field, Class<?> type, JsonNode v) {
        if (type == double.class) {
            if (v == null || v.isNull()) return Double.NaN;
            if (!v.isNumber()) throw new SpecException(field, "expected a number, got " + v);
            return v.doubleValue();
        }
        if (type == int.class || type == long.class) {
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new SpecException(field, "expected an integer, got " + v);
            }
            long l = v.longValue();
            if (type == long.class) return l;
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) throw new SpecException(field, "out of range: " + l);
            return (int) l;
        }
        if (type == boolean.class) {
            if (v == null || !v.isBoolean()) throw new SpecException(field, "expected true or false, got " + v);
            return v.booleanValue();
        }
        if (v == null || v.isNull()) return null;
        if (type == String.class) {
            if (!v.isTextual()) throw new SpecException(field, "expected a string, got " + v);
            return v.asText();
        }
        if (type == double[].class) {
            if (!v.isArray()) throw new SpecException(field, "expected an array of numbers, got " + v);
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber()) throw new SpecException(field, "entry " + (i + 1) + " is not a number: " + v.get(i));
                out[i] = v.get(i).doubleValue();
            }
            return out;
        }
        if (!v.isTextual() && type != List.class) throw new SpecException(field, "expected a string, got " + v);
        if (type == DataMode.class) return DataMode.parse(v.asText());
        if (type == StepSchedule.class) return StepSchedule.parse(v.asText());
        if (type == Init.class) return Init.parse(v.asText());
        if (type == List.class) {
            if (!v.isArray()) throw new SpecException(field, "expected an array of optimizers, got " + v);
            List<OptimizerSettings> out = new ArrayList<>();
            for (JsonNode o : v) out.add(optimizer(o, field));
            return out;
        }
        throw new IllegalStateException("no JSON form for " + type);
    }
}

package org.muonscope.engine.experiment;

import org.muonscope.engine.optim.OptimizerKind;

import org.muonscope.engine.theory.DataMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * {@link TheorySpec} to and from JSON ({@code spec.json}, presets, {@code --spec FILE}).
 *
 * <p>Writing spells out every field, each optimizer with all of its settings, so a saved run means the same thing
 * after defaults change. Reading is forgiving the way a hand-written preset needs: a missing field takes its
 * {@link TheoryDefaults} value, an optimizer may be a string in the command-line syntax ({@code "muon:lr=0.02"}),
 * and {@code snr} may stand in for {@code sigma}. Unknown fields are errors, so a typo never silently does nothing.
 * Every error is a {@link SpecException} naming the field.
 */
public final class SpecJson {
    private SpecJson() { }

    /** Identifies the file; bumped when a field changes meaning. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "version", "classes", "priors", "mu", "sigma", "snr",
            "dim", "depth", "hidden", "init", "basis", "overlap", "mode", "steps", "every", "seed", "optimizers");
    private static final Set<String> OPTIMIZER_FIELDS = Set.of("name", "lr", "beta", "ns", "nesterov", "exact", "wd",
            "beta1", "beta2", "eps", "alr", "edges");

    /** The spec as an indented JSON document. */
    public static String toJson(TheorySpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec tree always serializes", e);
        }
    }

    /** The spec as a Jackson tree, for embedding in other documents. */
    public static ObjectNode toTree(TheorySpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "muonscope-theory-spec");
        root.put("version", FORMAT_VERSION);
        ArrayNode priors = root.putArray("priors");
        for (double p : spec.priors()) priors.add(p);
        root.put("mu", spec.mu());
        root.put("sigma", spec.sigma());
        root.put("dim", spec.dim());
        root.put("depth", spec.depth());
        root.put("hidden", spec.hidden());
        root.put("init", spec.init());
        root.put("basis", spec.rotated() ? "rotated" : "axis");
        root.put("overlap", spec.overlap());
        root.put("mode", spec.mode().toText());
        root.put("steps", spec.steps());
        root.put("every", spec.every());
        root.put("seed", spec.seed());
        ArrayNode opts = root.putArray("optimizers");
        for (OptimizerSettings o : spec.optimizers()) {
            ObjectNode n = opts.addObject();
            n.put("name", o.kind().id());
            n.setAll((ObjectNode) MAPPER.valueToTree(o.values()));
        }
        return root;
    }

    /** Writes {@link #toJson} atomically. */
    public static void write(TheorySpec spec, Path file) {
        AtomicFiles.write(file, toJson(spec));
    }

    /** Reads a spec file; see {@link #parse}. */
    public static TheorySpec.Validated read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SpecException("spec", "cannot read " + file + ": " + IoErrors.describe(e));
        }
    }

    /**
     * Parses and validates a spec document.
     *
     * @return the validated spec and whether its priors had to be normalized
     * @throws SpecException naming the offending field (malformed JSON names {@code spec})
     */
    public static TheorySpec.Validated parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new SpecException("spec", "not valid JSON (" + (msg == null ? "parse error" : msg.split("\n")[0])
                    + " at line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) throw new SpecException("spec", "expected a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new SpecException(f, "unknown field in spec (known: " + String.join(" ", FIELDS.stream().sorted().toList()) + ")");
        }
        if (root.has("version") && integer(root, "version", FORMAT_VERSION) > FORMAT_VERSION) {
            throw new SpecException("version", "written by a newer Muonscope (format " + root.get("version").asText() + ")");
        }
        double[] priors = priors(root);
        double mu = number(root, "mu", TheoryDefaults.MU);
        double sigma;
        if (root.has("snr") && root.has("sigma")) throw new SpecException("snr", "give either sigma or snr, not both");
        if (root.has("snr")) {
            double snr = number(root, "snr", 1);
            if (!(snr > 0) || Double.isInfinite(snr)) throw new SpecException("snr", "must be a positive number, got " + snr);
            sigma = mu / Math.sqrt(snr);
        } else {
            sigma = number(root, "sigma", TheoryDefaults.SIGMA);
        }
        int dim = (int) integer(root, "dim", priors.length);
        int depth = (int) integer(root, "depth", TheoryDefaults.DEPTH);
        int hidden = (int) integer(root, "hidden", dim);
        double init = number(root, "init", depth > 1 ? TheoryDefaults.DEEP_INIT : TheoryDefaults.INIT);
        String basis = text(root, "basis", "axis").toLowerCase(Locale.ROOT);
        if (!basis.equals("axis") && !basis.equals("rotated")) throw new SpecException("basis", "expected axis or rotated, got '" + basis + "'");
        double overlap = number(root, "overlap", 0);
        DataMode mode = DataMode.parse(text(root, "mode", "population"));
        int steps = (int) integer(root, "steps", TheoryDefaults.STEPS);
        int every = (int) integer(root, "every", TheoryDefaults.EVERY);
        long seed = integer(root, "seed", TheoryDefaults.SEED);
        List<OptimizerSettings> optimizers = optimizers(root);
        return TheorySpec.validated(priors, mu, sigma, dim, depth, hidden, init, basis.equals("rotated"), overlap, mode,
                steps, every, seed, optimizers);
    }

    private static double[] priors(JsonNode root) {
        JsonNode p = root.get("priors");
        if (p == null || p.isNull()) {
            if (!root.has("classes")) return TheoryDefaults.PRIORS.clone();
            int k = (int) integer(root, "classes", 3);
            if (k < 2) throw new SpecException("classes", "need at least 2 classes, got " + k);
            double[] uniform = new double[k];
            java.util.Arrays.fill(uniform, 1.0 / k);
            return uniform;
        }
        if (!p.isArray()) throw new SpecException("priors", "expected an array of numbers");
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            if (!p.get(i).isNumber()) throw new SpecException("priors", "entry " + (i + 1) + " is not a number: " + p.get(i));
            out[i] = p.get(i).doubleValue();
        }
        if (root.has("classes") && integer(root, "classes", out.length) != out.length) {
            throw new SpecException("priors", "classes is " + root.get("classes").asText() + " but " + out.length + " priors are given");
        }
        return out;
    }

    private static List<OptimizerSettings> optimizers(JsonNode root) {
        JsonNode list = root.get("optimizers");
        if (list == null || list.isNull()) return TheoryDefaults.OPTIMIZERS.stream().map(OptimizerSettings::parse).toList();
        if (!list.isArray()) throw new SpecException("optimizers", "expected an array");
        List<OptimizerSettings> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.isTextual()) {
                out.add(OptimizerSettings.parse(n.asText()));
            } else if (n.isObject()) {
                out.add(optimizer(n));
            } else {
                throw new SpecException("optimizers", "each entry must be a string like \"muon:lr=0.02\" or an object, got " + n);
            }
        }
        return out;
    }

    private static OptimizerSettings optimizer(JsonNode n) {
        if (!n.hasNonNull("name") || !n.get("name").isTextual()) throw new SpecException("optimizers", "an optimizer object needs a \"name\"");
        OptimizerKind kind = OptimizerKind.of(n.get("name").asText());
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        List<String> keys = kind.settings().stream().map(org.muonscope.engine.optim.Setting::name).toList();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!OPTIMIZER_FIELDS.contains(f)) throw new SpecException(kind + "." + f, "unknown optimizer field");
            // Files of the first format spelled out all twelve fields for every kind; those a kind lacks are ignored.
            if (keys.contains(f)) values.put(f, MAPPER.convertValue(n.get(f), Object.class));
        }
        return OptimizerSettings.of(kind, values);
    }

    private static double number(JsonNode n, String field, double dflt) {
        return number(n, field, dflt, null);
    }

    private static double number(JsonNode n, String field, double dflt, String prefix) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw new SpecException(name(prefix, field), "expected a number, got " + v);
        return v.doubleValue();
    }

    private static long integer(JsonNode n, String field, long dflt) {
        return integer(n, field, dflt, null);
    }

    private static long integer(JsonNode n, String field, long dflt, String prefix) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new SpecException(name(prefix, field), "expected an integer, got " + v);
        long l = v.longValue();
        if (!field.equals("seed") && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
            throw new SpecException(name(prefix, field), "out of range: " + l);
        }
        return l;
    }

    private static boolean bool(JsonNode n, String field, boolean dflt, String prefix) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw new SpecException(name(prefix, field), "expected true or false, got " + v);
        return v.booleanValue();
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual()) throw new SpecException(field, "expected a string, got " + v);
        return v.asText();
    }

    private static String name(String prefix, String field) {
        return prefix == null ? field : prefix + "." + field;
    }
}

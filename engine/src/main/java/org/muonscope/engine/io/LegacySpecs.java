package org.muonscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerKind;
import org.muonscope.engine.optim.Setting;
import org.muonscope.engine.spec.ExperimentKind;

/**
 * Turns the spec files written before the one codec into its format, so old run folders still open and rerun:
 * <ul>
 *   <li>theory ({@code "format": "muonscope-theory-spec"}): {@code basis: axis|rotated} becomes {@code rotated}; each
 *       optimizer object spelled out all twelve settings of the time, of which those its kind lacks are dropped.</li>
 *   <li>deep linear and routing ({@code "experiment": "dln" | "routing"}, {@code "format": 1}).</li>
 *   <li>cnn ({@code "kind": "cnn"} with snake_case fields and a {@code data_source} note).</li>
 * </ul>
 * A document without {@code kind} or a marker is taken to be of the kind the caller expects (hand-written files).
 */
final class LegacySpecs {
    private static final Map<String, String> CNN_FIELDS = Map.of("spurious_pixel", "spuriousPixel",
            "eval_every", "evalEvery", "train_limit", "trainLimit", "test_limit", "testLimit");

    private LegacySpecs() { }

    static ObjectNode migrate(ObjectNode doc, ExperimentKind expected) {
        JsonNode format = doc.get("format");
        if (format != null && format.isTextual() && format.asText().equals("muonscope-theory-spec")) {
            doc.remove("format");
            doc.remove("version");
            doc.put("kind", "theory");
            if (doc.has("basis")) {
                String b = doc.remove("basis").asText();
                if (!b.equals("axis") && !b.equals("rotated")) throw new SpecException("basis", "expected axis or rotated, got '" + b + "'");
                doc.put("rotated", b.equals("rotated"));
            }
            dropSettingsTheKindLacks(doc);
            return doc;
        }
        if (doc.has("experiment") && !doc.has("kind")) {
            doc.put("kind", doc.remove("experiment").asText());
            doc.remove("format");
            return doc;
        }
        if (doc.has("kind") && doc.get("kind").asText().equals("cnn") && (doc.has("data_source") || hasAny(doc))) {
            doc.remove("data_source");
            for (Map.Entry<String, String> e : CNN_FIELDS.entrySet()) {
                if (doc.has(e.getKey())) doc.set(e.getValue(), doc.remove(e.getKey()));
            }
            return doc;
        }
        if (!doc.has("kind") && expected != null) {
            doc.remove("format");
            doc.put("kind", expected.id());
        }
        return doc;
    }

    private static boolean hasAny(ObjectNode doc) {
        for (String k : CNN_FIELDS.keySet()) if (doc.has(k)) return true;
        return false;
    }

    private static void dropSettingsTheKindLacks(ObjectNode doc) {
        JsonNode list = doc.get("optimizers");
        if (list == null || !list.isArray()) return;
        for (JsonNode o : (ArrayNode) list) {
            if (!o.isObject() || !o.hasNonNull("name")) continue;
            List<String> keys = OptimizerKind.of(o.get("name").asText()).settings().stream().map(Setting::name).toList();
            List<String> drop = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("name") && !keys.contains(f)) drop.add(f);
            }
            ((ObjectNode) o).remove(drop);
        }
    }
}

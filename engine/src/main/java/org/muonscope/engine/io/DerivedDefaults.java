package org.muonscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The defaults that depend on other fields, and the shorthands a hand-written theory spec may use. A theory spec
 * without {@code dim} has one dimension per class, without {@code hidden} a hidden width of {@code dim}, without
 * {@code init} starts from {@code W = 0} at depth 1 and from {@value TheorySpec#DEEP_INIT} deeper; {@code classes: K}
 * without priors means uniform priors, and {@code snr} may stand in for {@code sigma} ({@code sigma = mu / sqrt(snr)}).
 */
final class DerivedDefaults {
    private DerivedDefaults() { }

    static void fill(ExperimentKind kind, ObjectNode doc, ObjectNode defaults) {
        if (kind != ExperimentKind.THEORY) return;
        if (doc.has("snr")) {
            if (doc.has("sigma")) throw new SpecException("snr", "give either sigma or snr, not both");
            JsonNode snr = doc.remove("snr");
            if (!snr.isNumber() || !(snr.doubleValue() > 0) || Double.isInfinite(snr.doubleValue())) {
                throw new SpecException("snr", "must be a positive number, got " + snr);
            }
            JsonNode mu = doc.has("mu") ? doc.get("mu") : defaults.get("mu");
            if (!mu.isNumber()) throw new SpecException("mu", "expected a number, got " + mu);
            doc.put("sigma", mu.doubleValue() / Math.sqrt(snr.doubleValue()));
        }
        if (doc.has("classes")) {
            JsonNode c = doc.remove("classes");
            if (!c.isIntegralNumber() || !c.canConvertToInt()) throw new SpecException("classes", "expected an integer, got " + c);
            int k = c.intValue();
            if (k < 2) throw new SpecException("classes", "need at least 2 classes, got " + k);
            if (k > TheorySpec.MAX_CLASSES) throw new SpecException("classes", "at most " + TheorySpec.MAX_CLASSES + " classes, got " + k);
            if (doc.hasNonNull("priors")) {
                if (doc.get("priors").size() != k) {
                    throw new SpecException("priors", "classes is " + k + " but " + doc.get("priors").size() + " priors are given");
                }
            } else {
                ArrayNode p = doc.putArray("priors");
                for (int i = 0; i < k; i++) p.add(1.0 / k);
            }
        }
        JsonNode priors = doc.hasNonNull("priors") ? doc.get("priors") : defaults.get("priors");
        if (!doc.has("dim")) doc.put("dim", priors.isArray() ? priors.size() : 0);
        if (!doc.has("hidden")) doc.set("hidden", doc.get("dim"));
        if (!doc.has("init")) {
            JsonNode depth = doc.has("depth") ? doc.get("depth") : defaults.get("depth");
            doc.put("init", depth.isNumber() && depth.intValue() > 1 ? TheorySpec.DEEP_INIT : 0.0);
        }
    }
}

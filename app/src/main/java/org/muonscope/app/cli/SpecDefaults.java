package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.muonscope.engine.io.SpecCodec;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shows each run option's default in {@code --help} from the kind's spec defaults (an option names its spec field
 * in {@code descriptionKey}), so the defaults live in one place, the spec records. What a run uses is decided by
 * {@link RunCommand#buildSpec}: an option the user did not give never overrides the spec.
 */
final class SpecDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o) || o.descriptionKey() == null || o.descriptionKey().isEmpty()) return null;
        Object user = o.command().userObject();
        if (!(user instanceof RunCommand rc)) return null;
        JsonNode v = SpecCodec.toTree(rc.kind().defaults()).get(o.descriptionKey());
        if (v == null || v.isNull()) return null;
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : v) sb.append(sb.length() == 0 ? "" : ",").append(e.asText());
            return sb.toString();
        }
        return v.asText();
    }
}

package org.muonscope.engine.spec;

import java.util.Arrays;
import java.util.Locale;
import org.muonscope.engine.SpecException;

/** The kinds of experiment; each has one spec record and writes {@code "kind": ID} into its {@code spec.json}. */
public enum ExperimentKind {
    THEORY("theory", TheorySpec.class),
    DLN("dln", DlnSpec.class),
    ROUTING("routing", RoutingSpec.class),
    CNN("cnn", CnnSpec.class);

    private final String id;
    private final Class<? extends Spec> specClass;

    ExperimentKind(String id, Class<? extends Spec> specClass) {
        this.id = id;
        this.specClass = specClass;
    }

    public String id() {
        return id;
    }

    public Class<? extends Spec> specClass() {
        return specClass;
    }

    /** The kind's defaults (what a spec file without fields means). */
    public Spec defaults() {
        return switch (this) {
            case THEORY -> TheorySpec.defaults();
            case DLN -> DlnSpec.defaults();
            case ROUTING -> RoutingSpec.defaults();
            case CNN -> CnnSpec.defaults();
        };
    }

    /** @throws SpecException naming {@code kind} and listing the known kinds */
    public static ExperimentKind of(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (ExperimentKind e : values()) if (e.id.equals(k)) return e;
        throw new SpecException("kind", "unknown experiment kind '" + id + "' (known: "
                + String.join(" ", Arrays.stream(values()).map(ExperimentKind::id).toList()) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}

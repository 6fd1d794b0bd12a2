package org.muonscope.app.lessons;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.spec.ExperimentKind;

/** The lab a lesson scene belongs to, and the kinds of run it shows. */
public enum Lab {
    THEORY(Set.of(ExperimentKind.THEORY)),
    SIMPLICITY(Set.of(ExperimentKind.DLN, ExperimentKind.ROUTING)),
    CNN(Set.of(ExperimentKind.CNN));

    private final Set<ExperimentKind> kinds;

    Lab(Set<ExperimentKind> kinds) {
        this.kinds = kinds;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean shows(ExperimentKind kind) {
        return kinds.contains(kind);
    }

    /** @throws SpecException with field {@code lab} naming the labs there are */
    public static Lab of(String text) {
        for (Lab l : values()) if (l.id().equals(text)) return l;
        throw new SpecException("lab", "unknown lab '" + text + "' (known: "
                + String.join(" ", Arrays.stream(values()).map(Lab::id).toList()) + ")");
    }
}

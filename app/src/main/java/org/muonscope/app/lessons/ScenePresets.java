package org.muonscope.app.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.cnnlab.CnnPreset;
import org.muonscope.app.theorylab.Presets;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.Spec;

/**
 * The bundled presets of every lab as engine specs, so a lesson scene names a preset the way the lab's menu does and
 * runs exactly what the lab would run from it.
 */
public final class ScenePresets {
    /** The Simplicity Lab's presets (engine spec files). */
    static final List<String> SIMPLICITY = List.of("simplicity-figure1", "simplicity-figure2");

    private ScenePresets() { }

    /** The presets a scene of {@code lab} may name. */
    public static List<String> names(Lab lab) {
        return switch (lab) {
            case THEORY -> Presets.NAMES;
            case SIMPLICITY -> SIMPLICITY;
            case CNN -> CnnPreset.BUNDLED.stream().filter(n -> !n.startsWith("cnn-sweep")).toList();
        };
    }

    /**
     * The spec of a bundled preset.
     *
     * @throws SpecException with field {@code preset} for a name the lab does not have
     */
    public static Spec spec(Lab lab, String name) {
        if (!names(lab).contains(name)) {
            throw new SpecException("preset", "unknown " + lab.id() + " preset '" + name + "' (known: "
                    + String.join(" ", names(lab)) + ")");
        }
        try {
            return switch (lab) {
                case THEORY -> Presets.load(name).toSpec();
                case SIMPLICITY -> SpecCodec.parse(resource(name));
                case CNN -> cnn(name).toSpec();
            };
        } catch (IOException e) {
            throw new SpecException("preset", "preset '" + name + "' cannot be read: " + e.getMessage());
        }
    }

    private static CnnPreset cnn(String name) throws IOException {
        List<CnnPreset> all = new ArrayList<>(CnnPreset.loadBundled());
        for (CnnPreset p : all) if (p.id().equals(name)) return p;
        throw new IOException("not bundled");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenePresets.class.getResourceAsStream("/assets/presets/" + name + ".json")) {
            if (in == null) throw new IOException("missing /assets/presets/" + name + ".json");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

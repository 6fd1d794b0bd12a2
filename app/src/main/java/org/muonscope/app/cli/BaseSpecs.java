package org.muonscope.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;

/**
 * What {@code --base} names: a spec file, a run folder (its {@code spec.json}), a kind's defaults ({@code theory},
 * {@code dln}, {@code routing}, {@code cnn}), or a preset of {@code assets/presets} by name (from the jar, else the
 * checkout), in that order.
 */
final class BaseSpecs {
    private BaseSpecs() { }

    static Spec resolve(String text) {
        Path p = Path.of(text);
        if (Files.isDirectory(p)) {
            if (!Files.isRegularFile(p.resolve("spec.json"))) throw new SpecException("base", p + " is a folder without spec.json");
            return SpecCodec.read(p.resolve("spec.json"));
        }
        if (Files.isRegularFile(p)) return SpecCodec.read(p);
        for (ExperimentKind k : ExperimentKind.values()) if (k.id().equals(text)) return k.defaults();
        String name = text.endsWith(".json") ? text.substring(0, text.length() - 5) : text;
        String json = preset(name);
        if (json == null) {
            throw new SpecException("base", "no spec file, run folder, kind or preset named '" + text
                    + "' (kinds: theory dln routing cnn; presets: assets/presets/*.json)");
        }
        try {
            return SpecCodec.parse(json, null);
        } catch (SpecException e) {
            throw new SpecException("base", "preset " + name + " is not a run spec (" + e.getMessage() + ")");
        }
    }

    private static String preset(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) return null;
        try (InputStream in = BaseSpecs.class.getResourceAsStream("/assets/presets/" + name + ".json")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Path f : List.of(Path.of("assets", "presets", name + ".json"), Path.of("..", "assets", "presets", name + ".json"))) {
                if (Files.isRegularFile(f)) return Files.readString(f, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SpecException("base", "cannot read preset " + name + ": " + e.getMessage());
        }
        return null;
    }
}

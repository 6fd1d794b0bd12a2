package org.muonscope.app.theorylab;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Theory Lab presets: JSON sessions packaged under {@code assets/presets/} in the jar (and read from
 * the source tree's {@code assets/presets/} when running from a checkout).
 */
public final class Presets {
    /** File stems, in menu order. */
    public static final List<String> NAMES = List.of(
            "theory-imbalance", "theory-depth", "theory-rotated", "theory-overlap", "theory-stress");

    private Presets() { }

    public static Session load(String name) throws IOException {
        String res = "/assets/presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(res)) {
            if (in != null) return Session.read(in);
        }
        java.nio.file.Path local = java.nio.file.Path.of("assets", "presets", name + ".json");
        if (java.nio.file.Files.exists(local)) return Session.read(local);
        throw new IOException("preset not found: " + name);
    }

    /** Every preset that loads, with its name; broken ones are skipped (and named in the returned errors). */
    public static List<Session> all(List<String> errors) {
        List<Session> out = new ArrayList<>();
        for (String n : NAMES) {
            try {
                out.add(load(n));
            } catch (IOException e) {
                errors.add(n + ": " + e.getMessage());
            }
        }
        return out;
    }
}

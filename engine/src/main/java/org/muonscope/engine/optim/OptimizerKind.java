package org.muonscope.engine.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.SpecException;

/**
 * The optimizers of the engine. Each kind has one settings record ({@link OptimizerSettings}), which knows its
 * defaults, its validation and its transform chain; the kind's name is what the text syntax and the JSON form use.
 */
public enum OptimizerKind {
    GD("gd", new GdSettings(0.01, 0.0, false)),
    NGD("ngd", new NgdSettings(0.01)),
    SIGNGD("signgd", new SignGdSettings(0.01)),
    SIGNUM("signum", new SignumSettings(0.01, 0.9)),
    SPECGD("specgd", new SpecGdSettings(0.01)),
    MUON("muon", new MuonSettings(0.01, 0.95, 5, true, false, 0.0, 1e-3, 0.9, 0.999, 1e-8, true)),
    ADAM("adam", new AdamSettings(0.01, 0.0, 0.9, 0.999, 1e-8)),
    SHAMPOO("shampoo", new ShampooSettings(0.01, 1e-12, 1));

    private final String id;
    private final OptimizerSettings defaults;

    OptimizerKind(String id, OptimizerSettings defaults) {
        this.id = id;
        this.defaults = defaults;
    }

    /** The name in the text syntax, the JSON form and the files ({@code gd}, {@code muon}, ...). */
    public String id() {
        return id;
    }

    /** Every setting at its default. */
    public OptimizerSettings defaults() {
        return defaults;
    }

    /** The kind's settings, in order. */
    public List<Setting> settings() {
        return SettingsCodec.settings(this);
    }

    /** Every kind's name, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(OptimizerKind::id).toList();
    }

    /**
     * The kind of a name; {@code sgd} is PyTorch's name for GD with (heavy-ball) momentum.
     *
     * @throws SpecException naming {@code optimizer} and listing the known names
     */
    public static OptimizerKind of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("sgd")) return GD;
        for (OptimizerKind k : values()) if (k.id.equals(n)) return k;
        throw new SpecException("optimizer", "unknown optimizer '" + name.trim() + "' (known: " + String.join(" ", ids()) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}

package org.muonscope.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.muonscope.engine.SpecException;

/**
 * The settings of one optimizer, a record per {@link OptimizerKind} (optax's "one alias per optimizer"): the record
 * validates itself, holds its defaults through its kind, and builds its transform chain for a parameter's
 * {@link Role}. Two serial forms exist, both derived from the record's components: the text syntax
 * {@code NAME:key=val,...} (command line, labels, settings columns) and a JSON object with {@code name} and every
 * setting (spec files). An unknown key is an error that lists the keys the kind has.
 */
public sealed interface OptimizerSettings
        permits GdSettings, NgdSettings, SignGdSettings, SignumSettings, SpecGdSettings, MuonSettings, AdamSettings,
        ShampooSettings {

    OptimizerKind kind();

    /** The step size {@code eta}. */
    double lr();

    /** The transform chain for a parameter with this role; its last stage scales by {@code -lr}. */
    GradientTransform chain(Role role);

    /** Every setting by name, in the kind's order. */
    default Map<String, Object> values() {
        return SettingsCodec.values(this);
    }

    /**
     * A copy with some settings changed; values may be text ({@code "0.02"}, {@code "true"}) or boxed numbers and
     * booleans.
     *
     * @throws SpecException naming {@code kind.key} for an unknown key or a bad value
     */
    default OptimizerSettings with(Map<String, ?> changes) {
        Map<String, Object> all = new LinkedHashMap<>(values());
        for (Map.Entry<String, ?> e : changes.entrySet()) all.put(e.getKey(), e.getValue());
        return SettingsCodec.create(kind(), all, changes.keySet());
    }

    /** A copy with one setting changed. */
    default OptimizerSettings with(String key, Object value) {
        return with(Map.of(key, value));
    }

    /** The text syntax with the settings that differ from the defaults: {@code muon:lr=0.02}. */
    default String toText() {
        return SettingsCodec.toText(this);
    }

    /**
     * Parses {@code NAME} or {@code NAME:key=val,key=val}. Booleans accept true/false/1/0/on/off/yes/no.
     *
     * @throws SpecException naming the optimizer or the offending key
     */
    static OptimizerSettings parse(String text) {
        return SettingsCodec.parse(text);
    }

    /** Settings of a kind from named values (missing ones take the defaults); see {@link #with(Map)}. */
    static OptimizerSettings of(OptimizerKind kind, Map<String, ?> values) {
        return kind.defaults().with(values);
    }
}

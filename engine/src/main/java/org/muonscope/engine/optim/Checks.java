package org.muonscope.engine.optim;

import org.muonscope.engine.SpecException;

/** The validation rules the settings records share; each names the field as {@code kind.key}. */
final class Checks {
    private Checks() { }

    static void positive(OptimizerKind k, String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new SpecException(k.id() + "." + key, "must be a positive number, got " + v);
    }

    static void nonNegative(OptimizerKind k, String key, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new SpecException(k.id() + "." + key, "must be >= 0, got " + v);
    }

    static void decay(OptimizerKind k, String key, double v) {
        if (!(v >= 0 && v < 1)) throw new SpecException(k.id() + "." + key, "must be in [0, 1), got " + v);
    }

    static void between(OptimizerKind k, String key, int v, int lo, int hi) {
        if (v < lo || v > hi) throw new SpecException(k.id() + "." + key, "must be between " + lo + " and " + hi + ", got " + v);
    }
}

package org.muonscope.app.cnnlab;

import java.util.Locale;
import java.util.Objects;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.spec.CnnSpec;

/**
 * The data transform a run studies, with its one parameter: the imbalance ratio {@code R}, the spurious pixel's
 * intensity {@code I}, or the fraction of colored training images whose color agrees with the label.
 */
public record Experiment(Kind kind, double value) {
    public enum Kind {
        PLAIN("plain", "", 0),
        STEP_IMBALANCE("step imbalance", "R", 20),
        LONGTAIL_IMBALANCE("long-tail imbalance", "R", 20),
        SPURIOUS_PIXEL("spurious pixel", "I", 1),
        COLORED("colored digits", "agreement", 0.99);

        private final String title;
        private final String symbol;
        private final double defaultValue;

        Kind(String title, String symbol, double defaultValue) {
            this.title = title;
            this.symbol = symbol;
            this.defaultValue = defaultValue;
        }

        public String title() { return title; }

        /** The parameter's name ({@code R}, {@code I}, {@code agreement}); empty for plain. */
        public String symbol() { return symbol; }

        public double defaultValue() { return defaultValue; }

        public boolean isImbalance() { return this == STEP_IMBALANCE || this == LONGTAIL_IMBALANCE; }

        @Override
        public String toString() { return title; }
    }

    public static final Experiment PLAIN = new Experiment(Kind.PLAIN, 0);

    public Experiment {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case PLAIN -> value = 0;
            case STEP_IMBALANCE, LONGTAIL_IMBALANCE -> {
                if (!(value >= 1) || Double.isInfinite(value)) throw new SpecException("R", "imbalance ratio must be >= 1, got " + value);
            }
            case SPURIOUS_PIXEL -> {
                if (!(value > 0) || Double.isInfinite(value)) throw new SpecException("I", "pixel intensity must be > 0, got " + value);
            }
            case COLORED -> {
                if (!(value >= 0 && value <= 1)) throw new SpecException("agreement", "fraction must be in [0, 1], got " + value);
            }
        }
    }

    public static Experiment of(Kind kind) {
        return new Experiment(kind, kind.defaultValue());
    }

    /**
     * The lab's experiment of an engine spec (the inverse of {@link EngineBackend#toEngine}): its imbalance, else its
     * spurious pixel, else its colored digits, else plain.
     */
    public static Experiment of(CnnSpec spec) {
        String imb = spec.imbalance().trim().toLowerCase(Locale.ROOT);
        if (!imb.equals("none")) {
            Kind k = imb.startsWith("longtail:") ? Kind.LONGTAIL_IMBALANCE : Kind.STEP_IMBALANCE;
            return new Experiment(k, Double.parseDouble(imb.substring(imb.indexOf(':') + 1)));
        }
        if (spec.spuriousPixel() > 0) return new Experiment(Kind.SPURIOUS_PIXEL, spec.spuriousPixel());
        if (spec.hasColors()) return new Experiment(Kind.COLORED, spec.colored());
        return PLAIN;
    }

    /** The engine CLI's options for this experiment, e.g. {@code --imbalance step:20}. */
    public String toCliText() {
        return switch (kind) {
            case PLAIN -> "";
            case STEP_IMBALANCE -> "--imbalance step:" + num(value);
            case LONGTAIL_IMBALANCE -> "--imbalance longtail:" + num(value);
            case SPURIOUS_PIXEL -> "--spurious-pixel " + num(value);
            case COLORED -> "--colored " + num(value);
        };
    }

    /** For lists and legends: {@code step R=20}. */
    public String label() {
        return switch (kind) {
            case PLAIN -> "plain";
            case STEP_IMBALANCE -> "step R=" + num(value);
            case LONGTAIL_IMBALANCE -> "long-tail R=" + num(value);
            case SPURIOUS_PIXEL -> "pixel I=" + num(value);
            case COLORED -> "colored " + num(value);
        };
    }

    /** A number as a person writes it: {@code 20}, not {@code 20.0}. */
    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

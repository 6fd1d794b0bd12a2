package org.muonscope.engine.optim;

import java.util.Locale;
import org.muonscope.engine.SpecException;

/**
 * A step-size schedule as a factor on the optimizer's base step: {@code constant} (1), {@code linear}
 * ({@code 1 - t/T}) or {@code cosine} ({@code (1 + cos(pi t / T)) / 2}), where {@code t} is the index of the step
 * being taken (0 for the first) and {@code T} the number of steps. Both decays reach 0 only after the last step,
 * so every step moves. A floor {@code min} (e.g. {@code cosine:min=0.1}) keeps the factor at least that large.
 */
public record StepSchedule(Kind kind, double floor) {
    public enum Kind { CONSTANT, LINEAR, COSINE }

    public static final StepSchedule CONSTANT = new StepSchedule(Kind.CONSTANT, 0);

    public StepSchedule {
        if (!(floor >= 0 && floor <= 1)) throw new SpecException("schedule", "min must be in [0, 1], got " + floor);
    }

    /** The factor for step {@code t} (0-based) of {@code total}. */
    public double factor(long t, long total) {
        double x = total <= 0 ? 0 : Math.min(1.0, (double) t / total);
        double f = switch (kind) {
            case CONSTANT -> 1.0;
            case LINEAR -> 1.0 - x;
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * x));
        };
        return floor + (1 - floor) * f;
    }

    /** Parses {@code constant}, {@code linear}, {@code cosine}, optionally with {@code :min=F}. */
    public static StepSchedule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        double floor = 0;
        if (colon >= 0) {
            String rest = t.substring(colon + 1);
            if (!rest.startsWith("min=")) throw new SpecException("schedule", "expected NAME or NAME:min=F, got '" + text + "'");
            try {
                floor = Double.parseDouble(rest.substring(4));
            } catch (NumberFormatException e) {
                throw new SpecException("schedule", "expected a number after min=, got '" + rest.substring(4) + "'");
            }
        }
        Kind kind = switch (name) {
            case "constant" -> Kind.CONSTANT;
            case "linear" -> Kind.LINEAR;
            case "cosine" -> Kind.COSINE;
            default -> throw new SpecException("schedule", "expected constant, linear or cosine, got '" + name + "'");
        };
        return new StepSchedule(kind, floor);
    }

    public String toText() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return floor == 0 ? name : name + ":min=" + floor;
    }
}

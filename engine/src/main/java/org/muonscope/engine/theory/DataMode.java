package org.muonscope.engine.theory;

import java.util.Locale;
import org.muonscope.engine.SpecException;

/**
 * Where the moments come from: the population, {@code n} fixed draws, or a fresh mini-batch of {@code b}
 * from {@code n} draws at every step.
 */
public record DataMode(Kind kind, int samples, int batch) {
    public enum Kind { POPULATION, SAMPLE, BATCH }

    public static final DataMode POPULATION = new DataMode(Kind.POPULATION, 0, 0);

    public DataMode {
        if (kind != Kind.POPULATION && samples < 1) throw new SpecException("mode", "sample count must be >= 1, got " + samples);
        if (kind == Kind.BATCH && (batch < 1 || batch > samples)) {
            throw new SpecException("mode", "batch must be between 1 and the sample count " + samples + ", got " + batch);
        }
    }

    /** Parses {@code population}, {@code sample:N} or {@code batch:N:B}. */
    public static DataMode parse(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "population" -> { if (p.length != 1) throw new NumberFormatException(); yield POPULATION; }
                case "sample" -> { if (p.length != 2) throw new NumberFormatException(); yield new DataMode(Kind.SAMPLE, Integer.parseInt(p[1]), 0); }
                case "batch" -> { if (p.length != 3) throw new NumberFormatException(); yield new DataMode(Kind.BATCH, Integer.parseInt(p[1]), Integer.parseInt(p[2])); }
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw new SpecException("mode", "expected population, sample:N or batch:N:B, got '" + text + "'");
        }
    }

    public String toText() {
        return switch (kind) {
            case POPULATION -> "population";
            case SAMPLE -> "sample:" + samples;
            case BATCH -> "batch:" + samples + ":" + batch;
        };
    }
}

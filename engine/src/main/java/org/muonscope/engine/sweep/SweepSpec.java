package org.muonscope.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.spec.Spec;

/**
 * A sweep: a base spec of any kind, an ordered grid of spec fields and their values, and a range of master seeds.
 * Every combination of values (first axis outermost) times every seed is one cell, one ordinary run. Written as
 * {@code sweep.json} ({@link SweepCodec}); expanded and validated by {@link Grid}.
 *
 * @param base      the spec every cell starts from
 * @param axes      the varied fields, in order; {@value Grid#OPTIMIZER} varies a cell's single optimizer
 * @param firstSeed first master seed
 * @param lastSeed  last master seed (inclusive)
 */
public record SweepSpec(Spec base, List<Axis> axes, long firstSeed, long lastSeed) {
    /** More cells than this is a typo (a range of seeds gone wrong), not a sweep anyone waits for. */
    public static final int MAX_CELLS = 100_000;

    public SweepSpec {
        if (base == null) throw new SpecException("base", "a sweep needs a base spec");
        axes = List.copyOf(axes);
        if (lastSeed < firstSeed) throw new SpecException("seeds", "expected A-B with A <= B, got " + firstSeed + "-" + lastSeed);
        long cells = lastSeed - firstSeed + 1;
        for (Axis a : axes) cells *= a.values().size();
        if (cells > MAX_CELLS) throw new SpecException("vary", "the grid has " + cells + " cells; at most " + MAX_CELLS);
        if (axes.isEmpty() && firstSeed == lastSeed) {
            throw new SpecException("vary", "the grid is empty: give --vary KEY=V1,V2,... or --seeds A-B");
        }
    }

    /** How many seeds each combination of values runs. */
    public long seeds() {
        return lastSeed - firstSeed + 1;
    }

    /** The number of cells. */
    public int size() {
        long n = seeds();
        for (Axis a : axes) n *= a.values().size();
        return (int) n;
    }

    /**
     * One varied field and its values, as JSON values of the field's type (optimizer values are optimizer objects or
     * texts).
     */
    public record Axis(String key, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new SpecException(key, "no values to vary (expected " + key + "=V1,V2,...)");
            if (values.stream().distinct().count() != values.size()) {
                throw new SpecException(key, "a value is given twice: " + values);
            }
        }
    }
}

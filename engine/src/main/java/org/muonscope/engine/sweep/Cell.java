package org.muonscope.engine.sweep;

import java.util.List;
import org.muonscope.engine.spec.Spec;

/**
 * One cell of a sweep: one ordinary run, in its own results folder named {@code id}.
 *
 * @param index  its place in the grid's order (first axis outermost, seeds innermost)
 * @param id     its folder name: the varied values and the seed, e.g. {@code optimizer=muon-imbalance=step:5-seed=3}
 * @param values the varied values as text, one per axis, in axis order
 * @param seed   its master seed
 * @param spec   the full, validated spec it runs
 */
public record Cell(int index, String id, List<String> values, long seed, Spec spec) {
    public Cell {
        values = List.copyOf(values);
    }
}

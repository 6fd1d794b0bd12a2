package org.muonscope.engine.spec;

import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Everything that defines one run of one kind of experiment: a typed record that validates itself in its
 * constructor and holds its defaults in its {@code defaults()}. One JSON codec reads and writes every kind
 * ({@code io.SpecCodec}); a run with the same spec and seed computes the same numbers.
 */
public sealed interface Spec permits TheorySpec, DlnSpec, RoutingSpec, CnnSpec {
    ExperimentKind kind();

    /** The master seed; every random stream of the run derives from it ({@code random.Seeds}). */
    long seed();

    /** The optimizers to compare, each trained on its own copy of the same initial model. */
    List<OptimizerSettings> optimizers();

    /** A copy with another master seed. */
    Spec withSeed(long seed);

    /** A copy with other optimizers. */
    Spec withOptimizers(List<OptimizerSettings> optimizers);

    /** The optimizers' labels in files and views, by the one rule of {@link Labels}. */
    default List<String> labels() {
        return Labels.of(optimizers());
    }
}

package org.muonscope.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;
import picocli.CommandLine.Option;

/** The options every run command shares, with the same meaning and defaults in each (a mixin). */
public final class RunOptions {
    @Option(names = "--spec", paramLabel = "FILE.json",
            description = "start from a saved spec of this kind (any run folder's spec.json, or a preset); options override it")
    Path spec;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "seed",
            description = "master seed: every random stream of the run derives from it (default ${DEFAULT-VALUE})")
    Long seed;

    @Option(names = "--optimizer", paramLabel = "NAME[:key=val,...]", converter = OptimizerConverter.class,
            description = {"repeatable; names: gd (sgd) ngd signgd signum specgd muon adam shampoo;",
                    "keys per name: see 'muonscope optimizers' (default: the kind's)"})
    List<OptimizerSettings> optimizers = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the result files")
    Path out;
}

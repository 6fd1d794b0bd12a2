package org.muonscope.engine.experiment;

import java.util.List;

/** A finished (or cancelled) run: the spec, every optimizer's result in spec order, and where it came from. */
public record RunResult(TheorySpec spec, List<OptimizerResult> optimizers, RunProvenance provenance) { }

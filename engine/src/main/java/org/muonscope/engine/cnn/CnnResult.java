package org.muonscope.engine.cnn;

import java.util.List;
import org.muonscope.engine.experiment.RunProvenance;

/** Everything a CNN run produced, one entry per optimizer in the spec's order. */
public record CnnResult(CnnSpec spec, String dataSource, RunProvenance provenance, List<CnnOptimizerResult> optimizers,
                        boolean cancelled) { }

package org.muonscope.engine.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The label of each optimizer of a run, as files and views show it: its name, and {@code NAME#2}, {@code NAME#3}
 * ... when the same name comes again (two Muons with different momenta stay apart in every CSV).
 */
public final class OptimizerLabels {
    private OptimizerLabels() { }

    /** One label per spec, in spec order. */
    public static List<String> of(List<OptimizerSettings> optimizers) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>(optimizers.size());
        for (OptimizerSettings o : optimizers) {
            int n = seen.merge(o.kind().id(), 1, Integer::sum);
            labels.add(n == 1 ? o.kind().id() : o.kind().id() + "#" + n);
        }
        return List.copyOf(labels);
    }
}

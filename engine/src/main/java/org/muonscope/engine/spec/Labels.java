package org.muonscope.engine.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The one label rule of every kind of run: an optimizer is labelled by its kind's name, {@code NAME#2},
 * {@code NAME#3} ... when the kind comes again (two Muons with different momenta stay apart in every file). Its
 * settings are in each folder's {@code optimizers.csv}.
 */
public final class Labels {
    private Labels() { }

    /** One label per optimizer, in order. */
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

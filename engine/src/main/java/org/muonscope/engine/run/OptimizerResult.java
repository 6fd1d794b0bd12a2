package org.muonscope.engine.run;

import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * One optimizer's whole run, any kind.
 *
 * @param label    its label ({@link org.muonscope.engine.spec.Labels})
 * @param slot     its index in the spec
 * @param message  null when completed; otherwise why it stopped, naming the step
 * @param records  what it measured, in step order
 * @param summary  what the kind reports once per optimizer (e.g. measured {@code t_90}, final weights, throughput)
 */
public record OptimizerResult(String label, int slot, OptimizerSettings settings, Status status, String message,
                              List<Record> records, Values summary) {
    public OptimizerResult {
        records = List.copyOf(records);
    }

    /** The last record, or null when none was made. */
    public Record last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }
}

package org.muonscope.engine.cnn;

import java.util.List;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * How one optimizer's training ended.
 *
 * @param status  {@code completed}, {@code diverged} (message names the step) or {@code cancelled}
 * @param seconds training wall time (evaluations excluded)
 */
public record CnnOptimizerResult(String label, OptimizerSettings spec, String status, String message, List<CnnEval> evals,
                                 long steps, long images, double seconds) {
    public double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }

    public CnnEval last() {
        return evals.isEmpty() ? null : evals.get(evals.size() - 1);
    }
}

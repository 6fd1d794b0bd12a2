package org.muonscope.app.cnnlab;

import java.util.Objects;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSpec;

/**
 * One queued training: one optimizer on one dataset and experiment. The lab queues one of these per optimizer so
 * each can be cancelled, resumed and compared on its own.
 *
 * @param optimizerLabel the name shown in legends ({@code SGD}, {@code Adam}, {@code Muon}, ...)
 * @param model          {@code paper-cnn} or {@code mlp}
 * @param evalEvery      evaluate on the test set every this many steps
 * @param threads        engine threads for this run
 */
public record LabRunSpec(DatasetChoice data, Experiment experiment, String model, String optimizerLabel,
                         OptimizerSpec optimizer, int epochs, int batch, int evalEvery, long seed, int threads) {
    public static final java.util.List<String> MODELS = java.util.List.of("paper-cnn", "mlp");

    public LabRunSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!MODELS.contains(model)) throw new SpecException("model", "expected paper-cnn or mlp, got " + model);
        if (optimizerLabel == null || optimizerLabel.isBlank()) optimizerLabel = optimizer.kind();
        if (epochs < 1) throw new SpecException("epochs", "must be >= 1, got " + epochs);
        if (batch < 1) throw new SpecException("batch", "must be >= 1, got " + batch);
        if (evalEvery < 1) throw new SpecException("eval-every", "must be >= 1, got " + evalEvery);
        if (threads < 1) throw new SpecException("threads", "must be >= 1, got " + threads);
    }

    public LabRunSpec withExperiment(Experiment e) {
        return new LabRunSpec(data, e, model, optimizerLabel, optimizer, epochs, batch, evalEvery, seed, threads);
    }

    public LabRunSpec withOptimizer(String label, OptimizerSpec o) {
        return new LabRunSpec(data, experiment, model, label, o, epochs, batch, evalEvery, seed, threads);
    }

    public LabRunSpec withSeed(long s) {
        return new LabRunSpec(data, experiment, model, optimizerLabel, optimizer, epochs, batch, evalEvery, s, threads);
    }

    /** The equivalent command line, recorded with the run so a figure can be regenerated without the window. */
    public String toCommandLine() {
        String exp = experiment.toCliText();
        return "muonscope cnn --data " + data.toCliText() + " --model " + model + " --optimizer " + optimizer.toText()
                + " --epochs " + epochs + " --batch " + batch + (exp.isEmpty() ? "" : " " + exp)
                + " --eval-every " + evalEvery + " --threads " + threads + " --seed " + seed;
    }

    /** {@code Muon · step R=20 · seed 1}. */
    public String label() {
        return optimizerLabel + " · " + experiment.label() + " · seed " + seed;
    }
}

package org.muonscope.app.cnnlab;

import java.util.Objects;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * One queued training: one optimizer on one dataset and experiment. The lab queues one of these per optimizer so
 * each can be cancelled, resumed and compared on its own.
 *
 * @param optimizerLabel the name shown in legends ({@code SGD}, {@code Adam}, {@code Muon}, ...)
 * @param model          {@code paper-cnn}, {@code mlp} or {@code resnet20}
 * @param evalEvery      evaluate on the test set every this many steps
 * @param threads        engine threads for this run
 * @param trainLimit     train on the first this many images only (after the transform); 0 for all
 * @param testLimit      evaluate on the first this many test images only; 0 for all
 * @param init           weight init in {@code --init} syntax: {@code default}, {@code kaiming} or
 *                       {@code gaussian:STD} (the simplicity-bias paper's {@code gaussian:0.01})
 */
public record LabRunSpec(DatasetChoice data, Experiment experiment, String model, String optimizerLabel,
                         OptimizerSettings optimizer, int epochs, int batch, int evalEvery, long seed, int threads,
                         int trainLimit, int testLimit, String init) {
    public static final java.util.List<String> MODELS = org.muonscope.engine.model.cnn.Models.KINDS;
    /** The inits the lab offers: PyTorch's default, the paper's small Gaussian, Kaiming. */
    public static final java.util.List<String> INITS = java.util.List.of("default", "gaussian:0.01", "kaiming");

    public LabRunSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!MODELS.contains(model)) throw new SpecException("model", "expected one of " + String.join(", ", MODELS) + ", got " + model);
        if (optimizerLabel == null || optimizerLabel.isBlank()) optimizerLabel = optimizer.kind().id();
        if (epochs < 1) throw new SpecException("epochs", "must be >= 1, got " + epochs);
        if (batch < 1) throw new SpecException("batch", "must be >= 1, got " + batch);
        if (evalEvery < 1) throw new SpecException("eval-every", "must be >= 1, got " + evalEvery);
        if (threads < 1) throw new SpecException("threads", "must be >= 1, got " + threads);
        if (trainLimit < 0 || testLimit < 0) throw new SpecException("limit", "must be >= 0 (0 means all images)");
        init = init == null || init.isBlank() ? "default" : Init.parse(init).toString();
    }

    /** The default init. */
    public LabRunSpec(DatasetChoice data, Experiment experiment, String model, String optimizerLabel, OptimizerSettings optimizer,
                      int epochs, int batch, int evalEvery, long seed, int threads, int trainLimit, int testLimit) {
        this(data, experiment, model, optimizerLabel, optimizer, epochs, batch, evalEvery, seed, threads, trainLimit, testLimit,
                "default");
    }

    /** All images. */
    public LabRunSpec(DatasetChoice data, Experiment experiment, String model, String optimizerLabel, OptimizerSettings optimizer,
                      int epochs, int batch, int evalEvery, long seed, int threads) {
        this(data, experiment, model, optimizerLabel, optimizer, epochs, batch, evalEvery, seed, threads, 0, 0, "default");
    }

    public LabRunSpec withExperiment(Experiment e) {
        return new LabRunSpec(data, e, model, optimizerLabel, optimizer, epochs, batch, evalEvery, seed, threads, trainLimit, testLimit, init);
    }

    public LabRunSpec withOptimizer(String label, OptimizerSettings o) {
        return new LabRunSpec(data, experiment, model, label, o, epochs, batch, evalEvery, seed, threads, trainLimit, testLimit, init);
    }

    public LabRunSpec withSeed(long s) {
        return new LabRunSpec(data, experiment, model, optimizerLabel, optimizer, epochs, batch, evalEvery, s, threads, trainLimit, testLimit, init);
    }

    public LabRunSpec withInit(String i) {
        return new LabRunSpec(data, experiment, model, optimizerLabel, optimizer, epochs, batch, evalEvery, seed, threads, trainLimit, testLimit, i);
    }

    /** The equivalent command line, recorded with the run so a figure can be regenerated without the window. */
    public String toCommandLine() {
        String exp = experiment.toCliText();
        return "muonscope cnn --data " + data.toCliText() + " --model " + model + " --optimizer " + optimizer.toText()
                + " --epochs " + epochs + " --batch " + batch + (exp.isEmpty() ? "" : " " + exp)
                + " --eval-every " + evalEvery + " --threads " + threads + " --seed " + seed
                + (trainLimit > 0 ? " --train-limit " + trainLimit : "") + (testLimit > 0 ? " --test-limit " + testLimit : "")
                + (init.equals("default") ? "" : " --init " + init);
    }

    /** {@code Muon · step R=20 · seed 1}. */
    public String label() {
        return optimizerLabel + " · " + experiment.label() + " · seed " + seed;
    }
}

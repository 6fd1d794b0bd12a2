package org.muonscope.engine.spec;

import org.muonscope.engine.data.Imbalance;

import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.model.cnn.Models;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * One CNN experiment: the data and its transforms, the model, the optimizers (each trains its own copy of the
 * same initial network on the same batches), and the schedule.
 *
 * @param data          {@code auto}, {@code bundled}, {@code fashion-mnist}, a folder of IDX files, or {@code cifar:DIR}
 * @param imbalance     {@code none}, {@code step:R} or {@code longtail:R} (training set only)
 * @param spuriousPixel intensity of the class-specific pixel, 0 for none
 * @param colored       fraction of training images whose color agrees with the coarse label; NaN for none
 * @param evalEvery     evaluate every this many steps (and always at the end of each epoch); 0: epoch ends only
 * @param trainLimit    use only the first this many training samples (taken before the transforms); 0: all
 * @param testLimit     use only the first this many test samples; 0: all
 */
public record CnnSpec(String data, String model, List<OptimizerSettings> optimizers, int epochs, int batch,
                      String imbalance, double spuriousPixel, double colored, int evalEvery, int threads, long seed,
                      Init init, int trainLimit, int testLimit) implements Spec {
    public CnnSpec {
        if (optimizers == null || optimizers.isEmpty()) throw new SpecException("optimizers", "give at least one optimizer");
        optimizers = List.copyOf(optimizers);
        if (!Models.KINDS.contains(model)) {
            throw new SpecException("model", "unknown model '" + model + "' (known: " + String.join(" ", Models.KINDS) + ")");
        }
        if (epochs < 1) throw new SpecException("epochs", "must be >= 1, got " + epochs);
        if (batch < 1 || batch > 4096) throw new SpecException("batch", "must be between 1 and 4096, got " + batch);
        if (!(spuriousPixel >= 0) || Double.isInfinite(spuriousPixel)) {
            throw new SpecException("spuriousPixel", "must be >= 0, got " + spuriousPixel);
        }
        if (!Double.isNaN(colored) && !(colored >= 0 && colored <= 1)) {
            throw new SpecException("colored", "must be a fraction in [0, 1], got " + colored);
        }
        if (!Double.isNaN(colored) && spuriousPixel > 0) {
            throw new SpecException("colored", "cannot be combined with a spurious pixel");
        }
        if (evalEvery < 0) throw new SpecException("evalEvery", "must be >= 0, got " + evalEvery);
        if (threads < 1 || threads > 256) throw new SpecException("threads", "must be between 1 and 256, got " + threads);
        if (trainLimit < 0) throw new SpecException("trainLimit", "must be >= 0, got " + trainLimit);
        if (testLimit < 0) throw new SpecException("testLimit", "must be >= 0, got " + testLimit);
        if (data == null || data.isBlank()) throw new SpecException("data", "name the data (auto, bundled, fashion-mnist, a folder, cifar:DIR)");
        if (imbalance == null) imbalance = "none";
        Imbalance.validate(imbalance);
        if (init == null) init = new Init("default", 0);
    }

    /**
     * The defaults: the paper CNN on the auto-located data (Fashion-MNIST when installed, else the bundled subset), one
     * epoch of batch 128 on 2 threads, the paper's comparison SGD with momentum, Adam and Muon.
     */
    public static CnnSpec defaults() {
        return new CnnSpec("auto", "paper-cnn", List.of(OptimizerSettings.parse("gd:lr=0.05,beta=0.9"),
                OptimizerSettings.parse("adam:lr=0.001"), OptimizerSettings.parse("muon:lr=0.02")), 1, 128, "none", 0,
                Double.NaN, 0, 2, 1, new Init("default", 0), 0, 0);
    }

    @Override
    public ExperimentKind kind() {
        return ExperimentKind.CNN;
    }

    @Override
    public CnnSpec withSeed(long s) {
        return new CnnSpec(data, model, optimizers, epochs, batch, imbalance, spuriousPixel, colored, evalEvery, threads, s,
                init, trainLimit, testLimit);
    }

    @Override
    public CnnSpec withOptimizers(List<OptimizerSettings> opts) {
        return new CnnSpec(data, model, opts, epochs, batch, imbalance, spuriousPixel, colored, evalEvery, threads, seed,
                init, trainLimit, testLimit);
    }

    /** Whether the colored-digits transform is on ({@code colored} is a fraction, not NaN). */
    public boolean hasColors() {
        return !Double.isNaN(colored);
    }

}

package org.muonscope.engine.cnn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                      Init init, int trainLimit, int testLimit) {
    public CnnSpec {
        optimizers = List.copyOf(optimizers);
        if (optimizers.isEmpty()) throw new SpecException("optimizer", "give at least one optimizer");
        if (!Models.KINDS.contains(model)) {
            throw new SpecException("model", "unknown model '" + model + "' (known: " + String.join(" ", Models.KINDS) + ")");
        }
        if (epochs < 1) throw new SpecException("epochs", "must be >= 1, got " + epochs);
        if (batch < 1 || batch > 4096) throw new SpecException("batch", "must be between 1 and 4096, got " + batch);
        if (!(spuriousPixel >= 0) || Double.isInfinite(spuriousPixel)) {
            throw new SpecException("spurious-pixel", "must be >= 0, got " + spuriousPixel);
        }
        if (!Double.isNaN(colored) && !(colored >= 0 && colored <= 1)) {
            throw new SpecException("colored", "must be a fraction in [0, 1], got " + colored);
        }
        if (!Double.isNaN(colored) && spuriousPixel > 0) {
            throw new SpecException("colored", "cannot be combined with --spurious-pixel");
        }
        if (evalEvery < 0) throw new SpecException("eval-every", "must be >= 0, got " + evalEvery);
        if (threads < 1 || threads > 256) throw new SpecException("threads", "must be between 1 and 256, got " + threads);
        if (trainLimit < 0 || testLimit < 0) throw new SpecException("limit", "must be >= 0");
    }

    /** The defaults of the command line: bundled data, the paper CNN, one epoch of batch 128. */
    public static CnnSpec defaults(List<OptimizerSettings> optimizers) {
        return new CnnSpec("auto", "paper-cnn", optimizers, 1, 128, "none", 0, Double.NaN, 0, 2, 0,
                new Init("default", 0), 0, 0);
    }

    public boolean isColored() {
        return !Double.isNaN(colored);
    }

    /** A JSON-ready view (optimizers in the {@code NAME:key=val} syntax). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "cnn");
        m.put("data", data);
        m.put("model", model);
        m.put("optimizers", optimizers.stream().map(OptimizerSettings::toText).toList());
        m.put("epochs", epochs);
        m.put("batch", batch);
        m.put("imbalance", imbalance);
        m.put("spurious_pixel", spuriousPixel);
        m.put("colored", isColored() ? colored : null);
        m.put("eval_every", evalEvery);
        m.put("threads", threads);
        m.put("seed", seed);
        m.put("init", init.toString());
        m.put("train_limit", trainLimit);
        m.put("test_limit", testLimit);
        return m;
    }
}

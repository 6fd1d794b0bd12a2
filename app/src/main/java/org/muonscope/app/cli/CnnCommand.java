package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.data.DataException;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnData;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Progress;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope cnn}: trains the paper CNN (or an MLP) on real images with each given optimizer and writes the
 * metrics, class accuracies, confusion matrices and class counts to {@code --out}; prints images/s per optimizer.
 * A rerun with the same spec resumes from the per-epoch checkpoints.
 */
@Command(name = "cnn", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SpecDefaults.class,
        description = "Train a CNN on Fashion-MNIST (or IDX / CIFAR-10 / CIFAR-100 data) with each optimizer, from the same "
                + "initial weights on the same batches.")
public final class CnnCommand extends RunCommand {
    @Option(names = "--data", paramLabel = "bundled|auto|fashion-mnist|DIR|cifar:DIR|cifar100:DIR", descriptionKey = "data",
            description = "data (default ${DEFAULT-VALUE}: /usr/share/datasets/fashion-mnist if installed, else the bundled subset; "
                    + "cifar100:DIR trains on the 100 fine labels)")
    String data;
    @Option(names = "--model", paramLabel = "paper-cnn|mlp|resnet20", descriptionKey = "model",
            description = "network (default ${DEFAULT-VALUE}); resnet20: He et al.'s CIFAR ResNet-20 with batch norm")
    String model;
    @Option(names = "--epochs", paramLabel = "E", descriptionKey = "epochs", description = "epochs (default ${DEFAULT-VALUE})")
    Integer epochs;
    @Option(names = "--batch", paramLabel = "B", descriptionKey = "batch", description = "batch size (default ${DEFAULT-VALUE})")
    Integer batch;
    @Option(names = "--imbalance", paramLabel = "none|step:R|longtail:R", descriptionKey = "imbalance",
            description = "training-set imbalance (default ${DEFAULT-VALUE})")
    String imbalance;
    @Option(names = "--spurious-pixel", paramLabel = "I", descriptionKey = "spuriousPixel",
            description = "class-specific pixel of intensity I in every training image (0: off)")
    Double spuriousPixel;
    @Option(names = "--colored", paramLabel = "FRACTION", descriptionKey = "colored",
            description = "colored digits: fraction of training images whose color agrees with the coarse label")
    Double colored;
    @Option(names = "--eval-every", paramLabel = "S", descriptionKey = "evalEvery",
            description = "evaluate every S steps (always at each epoch's end; default ${DEFAULT-VALUE})")
    Integer evalEvery;
    @Option(names = "--threads", paramLabel = "T", descriptionKey = "threads", description = "compute threads (default ${DEFAULT-VALUE})")
    Integer threads;
    @Option(names = "--init", paramLabel = "default|kaiming|gaussian:STD", descriptionKey = "init",
            description = "weight init (default ${DEFAULT-VALUE}: PyTorch's, uniform +-1/sqrt(fan_in)); the paper uses gaussian:0.01")
    String init;
    @Option(names = "--train-limit", paramLabel = "N", descriptionKey = "trainLimit", description = "use the first N training images (0: all)")
    Integer trainLimit;
    @Option(names = "--test-limit", paramLabel = "N", descriptionKey = "testLimit", description = "use the first N test images (0: all)")
    Integer testLimit;
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "checkpoint folder; a rerun resumes from it (default OUT/checkpoints)")
    Path checkpoint;
    @Option(names = "--no-checkpoint", description = "do not save checkpoints")
    boolean noCheckpoint;
    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Override
    ExperimentKind kind() {
        return ExperimentKind.CNN;
    }

    @Override
    RunContext context() {
        RunContext c = super.context();
        return noCheckpoint ? c : c.withCheckpoints(checkpoint != null ? checkpoint : run.out.resolve("checkpoints"));
    }

    @Override
    RunResult execute(Spec spec, RunListener listener, CancelToken cancel, RunContext context) {
        CnnSpec s = (CnnSpec) spec;
        TrainTest d;
        try {
            d = CnnData.load(s);
        } catch (DataException e) {
            throw new SpecException("data", e.getMessage());
        }
        if (!quiet) {
            commandSpec.commandLine().getErr().printf(Locale.ROOT, "cnn: %s, %d train / %d test images %s, %d classes%n",
                    d.source(), d.train().size(), d.test().size(), d.train().shape(), d.train().classes());
        }
        return Experiments.cnn().run(s, d, listener, cancel, context);
    }

    @Override
    RunListener progress(PrintWriter err) {
        if (quiet) return RunListener.NONE;
        return new RunListener() {
            @Override
            public void onProgress(Progress p) {
                Values v = p.values();
                err.printf(Locale.ROOT, "[%s] epoch %.0f step %d/%d  %.0f images/s  loss %.4f  ETA %.0f s%n", p.optimizer(),
                        v.scalar(CnnFields.EPOCH) + 1, p.step(), p.totalSteps(), v.scalar(CnnFields.IMAGES_PER_SECOND),
                        v.scalar(CnnFields.TRAIN_LOSS), v.scalar(CnnFields.ETA_SECONDS));
            }

            @Override
            public void onRecord(Record r) {
                Values e = r.values();
                err.printf(Locale.ROOT, "[%s] step %d  test accuracy %.4f  balanced %.4f  worst class %.4f%s%s%n",
                        r.optimizer(), r.step(), e.scalar(CnnFields.TEST_ACCURACY), e.scalar(CnnFields.BALANCED_ACCURACY),
                        e.scalar(CnnFields.WORST_CLASS_ACCURACY),
                        e.has(CnnFields.SPURIOUS_ACCURACY) ? String.format(Locale.ROOT, "  clean %.4f spurious %.4f",
                                e.scalar(CnnFields.CLEAN_ACCURACY), e.scalar(CnnFields.SPURIOUS_ACCURACY)) : "",
                        e.has(CnnFields.WORST_GROUP_ACCURACY) ? String.format(Locale.ROOT, "  worst group %.4f",
                                e.scalar(CnnFields.WORST_GROUP_ACCURACY)) : "");
            }
        };
    }

    @Override
    void printSummary(RunResult result, PrintWriter out) {
        for (OptimizerResult o : result.optimizers()) {
            Record last = o.last();
            out.printf(Locale.ROOT, "%-28s %8.0f images/s  test accuracy %s  %s%s%n", o.settings().toText(),
                    o.summary().scalar(CnnFields.IMAGES_PER_SECOND),
                    last == null ? "-" : String.format(Locale.ROOT, "%.4f", last.values().scalar(CnnFields.TEST_ACCURACY)),
                    o.status().name().toLowerCase(Locale.ROOT), o.message() == null ? "" : " (" + o.message() + ")");
        }
    }
}

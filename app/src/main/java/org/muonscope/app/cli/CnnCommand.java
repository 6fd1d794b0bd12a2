package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.cnn.CnnData;
import org.muonscope.engine.cnn.CnnEval;
import org.muonscope.engine.cnn.CnnListener;
import org.muonscope.engine.cnn.CnnOptimizerResult;
import org.muonscope.engine.cnn.CnnProgress;
import org.muonscope.engine.cnn.CnnResult;
import org.muonscope.engine.cnn.CnnResultsWriter;
import org.muonscope.engine.cnn.CnnRun;
import org.muonscope.engine.cnn.CnnSpec;
import org.muonscope.engine.data.DataException;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope cnn}: trains the paper CNN (or an MLP) on real images with each given optimizer and writes
 * metrics.csv, class_accuracy.csv, spec.json and provenance.json to {@code --out}; prints images/s per optimizer.
 */
@Command(name = "cnn", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a CNN on Fashion-MNIST (or IDX / CIFAR-10 / CIFAR-100 data) with each optimizer, from the same "
                + "initial weights on the same batches.")
public final class CnnCommand implements Callable<Integer> {
    /** The paper's comparison (SGD with momentum, Adam, Muon) with the issue's settings. */
    static final List<String> DEFAULT_OPTIMIZERS = List.of("gd:lr=0.05,beta=0.9", "adam:lr=0.001", "muon:lr=0.02");

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--data", paramLabel = "bundled|auto|fashion-mnist|DIR|cifar:DIR|cifar100:DIR", defaultValue = "auto",
            description = "data (default auto: /usr/share/datasets/fashion-mnist if installed, else the bundled subset; "
                    + "cifar100:DIR trains on the 100 fine labels)")
    String data;
    @Option(names = "--model", paramLabel = "paper-cnn|mlp|resnet20", defaultValue = "paper-cnn",
            description = "network (default ${DEFAULT-VALUE}); resnet20: He et al.'s CIFAR ResNet-20 with batch norm")
    String model;
    @Option(names = "--optimizer", paramLabel = "NAME[:key=val,...]",
            description = "repeatable; sgd is gd with momentum (sgd:lr=0.05,beta=0.9). Default: the paper's three, "
                    + "gd:lr=0.05,beta=0.9 adam:lr=0.001 muon:lr=0.02")
    List<String> optimizers = new ArrayList<>();
    @Option(names = "--epochs", paramLabel = "E", defaultValue = "1", description = "epochs (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "batch size (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--imbalance", paramLabel = "none|step:R|longtail:R", defaultValue = "none", description = "training-set imbalance")
    String imbalance;
    @Option(names = "--spurious-pixel", paramLabel = "I", defaultValue = "0", description = "class-specific pixel of intensity I in every training image (0: off)")
    double spuriousPixel;
    @Option(names = "--colored", paramLabel = "FRACTION", description = "colored digits: fraction of training images whose color agrees with the coarse label")
    Double colored;
    @Option(names = "--eval-every", paramLabel = "S", defaultValue = "0", description = "evaluate every S steps (always at each epoch's end)")
    int evalEvery;
    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "compute threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of init, shuffles and transforms")
    long seed;
    @Option(names = "--init", paramLabel = "default|kaiming|gaussian:STD", defaultValue = "default",
            description = "weight init; default is PyTorch's (uniform +-1/sqrt(fan_in)); the paper uses gaussian:0.01")
    String init;
    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0", description = "use the first N training images (0: all)")
    int trainLimit;
    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0", description = "use the first N test images (0: all)")
    int testLimit;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "results folder")
    Path out;
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "checkpoint folder; a rerun resumes from it (default OUT/checkpoints)")
    Path checkpoint;
    @Option(names = "--no-checkpoint", description = "do not save checkpoints")
    boolean noCheckpoint;
    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = commandSpec.commandLine().getErr();
        PrintWriter stdout = commandSpec.commandLine().getOut();
        CnnSpec spec = spec();
        TrainTest data;
        try {
            data = CnnData.load(spec);
        } catch (DataException e) {
            throw new SpecException("data", e.getMessage());
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "cnn: %s, %d train / %d test images %s, %d classes%n", data.source(),
                    data.train().size(), data.test().size(), data.train().shape(), data.train().classes());
        }
        Path ckpt = noCheckpoint ? null : checkpoint != null ? checkpoint : out.resolve("checkpoints");
        CnnRun run = new CnnRun(spec, data, quiet ? CnnListener.NONE : printer(err), ckpt, "muonscope cnn");
        // Ctrl-C: cancel at the next step and give the main thread time to write what was measured
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                written.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        CnnResult result;
        try {
            result = run.run();
            CnnResultsWriter.write(result, out);
            writeClassCounts(out, data.train().classCounts());
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook cancelled the run and waits for the files
            }
        }
        for (CnnOptimizerResult o : result.optimizers()) {
            CnnEval last = o.last();
            stdout.printf(Locale.ROOT, "%-28s %8.0f images/s  test accuracy %s  %s%s%n", o.label(), o.imagesPerSecond(),
                    last == null ? "-" : String.format(Locale.ROOT, "%.4f", last.testAccuracy()), o.status(),
                    o.message().isEmpty() ? "" : " (" + o.message() + ")");
        }
        stdout.println("results in " + out);
        return result.cancelled() ? 1 : 0;
    }

    CnnSpec spec() {
        List<String> texts = optimizers.isEmpty() ? DEFAULT_OPTIMIZERS : optimizers;
        List<OptimizerSpec> opts = new ArrayList<>();
        for (String t : texts) opts.add(parseOptimizer(t));
        return new CnnSpec(data, model, opts, epochs, batch, imbalance, spuriousPixel,
                colored == null ? Double.NaN : colored, evalEvery, threads, seed, Init.parse(init), trainLimit, testLimit);
    }

    /** OptimizerSpec syntax, with {@code sgd} accepted for gd (PyTorch's name for heavy-ball SGD). */
    static OptimizerSpec parseOptimizer(String text) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("sgd")) t = "gd" + t.substring(3);
        return OptimizerSpec.parse(t);
    }

    private static CnnListener printer(PrintWriter err) {
        return new CnnListener() {
            @Override
            public void onProgress(CnnProgress p) {
                err.printf(Locale.ROOT, "[%s] epoch %d step %d/%d  %.0f images/s  loss %.4f  ETA %.0f s%n",
                        p.optimizer(), p.epoch() + 1, p.step(), p.totalSteps(), p.imagesPerSecond(), p.trainLoss(),
                        p.etaSeconds());
            }

            @Override
            public void onEval(CnnEval e) {
                err.printf(Locale.ROOT, "[%s] step %d  test accuracy %.4f  balanced %.4f  worst class %.4f%s%s%n",
                        e.optimizer(), e.step(), e.testAccuracy(), e.balancedAccuracy(), e.worstClassAccuracy(),
                        Double.isNaN(e.spuriousAccuracy()) ? "" : String.format(Locale.ROOT, "  clean %.4f spurious %.4f",
                                e.cleanAccuracy(), e.spuriousAccuracy()),
                        Double.isNaN(e.worstGroupAccuracy()) ? "" : String.format(Locale.ROOT, "  worst group %.4f",
                                e.worstGroupAccuracy()));
            }
        };
    }

    /**
     * {@code classes.csv} ({@code class,train_images}): the training images per class after the transform, so that
     * {@code muonscope plot} can mark the minority classes of an imbalanced run from the folder alone.
     */
    private static void writeClassCounts(Path out, int[] counts) {
        StringBuilder sb = new StringBuilder("class,train_images\n");
        for (int c = 0; c < counts.length; c++) sb.append(c).append(',').append(counts[c]).append('\n');
        org.muonscope.engine.experiment.AtomicFiles.write(out.resolve("classes.csv"), sb.toString());
    }
}

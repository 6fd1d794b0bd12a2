package org.muonscope.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnData;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.model.cnn.Models;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * One epoch of the paper CNN, batch 128, 2 threads, on full Fashion-MNIST when it is installed (else on the
 * bundled subset, said in the description), in training images per second (evaluation excluded). With a
 * PyTorch reference ({@code --torch bench/torch_cnn.py}) each sample also runs that script for the same
 * optimizer right after the Java epoch, and the figure is the ratio of the two rates: both come from the same
 * minutes of a shared machine. Each sample's note gives both rates, the load average, the training's GFLOP/s
 * as a share of the square 1024 GEMM measured right after, and the peak heap of the Java epoch.
 */
final class CnnBenchCases {
    private static TrainTest data;

    private CnnBenchCases() { }

    /** How to run the PyTorch side: interpreter, script, and how many training images it trains on. */
    record Torch(String python, Path script, int images) { }

    static List<BenchCase> all(Torch torch) {
        return List.of(
                new Epoch("cnn-sgd", "gd:lr=0.05,beta=0.9", "sgd", 3400, 2.0, torch),
                new Epoch("cnn-adam", "adam:lr=0.001", "adam", 3400, 2.0, torch),
                new Epoch("cnn-muon", "muon:lr=0.02", "muon", 1200, 3.0, torch),
                new ShampooOverSgd());
    }

    /** One epoch of the paper CNN with this optimizer, the test set cut to 1,000 images (evaluation is not timed). */
    static OptimizerResult epoch(String optimizer) {
        CnnSpec s = new CnnSpec("auto", "paper-cnn", List.of(OptimizerSettings.parse(optimizer)), 1, 128, "none", 0,
                Double.NaN, 0, 2, 0, new Init("default", 0), 0, 1000);
        return Experiments.cnn().run(s, CnnData.prepare(s, data()), null, null, RunContext.of("muonscope bench"))
                .optimizers().get(0);
    }

    private static double imagesPerSecond(OptimizerResult r) {
        return r.summary().scalar(CnnFields.IMAGES_PER_SECOND);
    }

    /**
     * Shampoo with its roots refreshed every 100 steps (distributed Shampoo's practice, decision 0505) against SGD
     * with momentum, one epoch each, back to back: the issue asks for at least half of SGD's rate.
     */
    private static final class ShampooOverSgd implements BenchCase {
        private String note = "";

        @Override
        public String name() {
            return "cnn-shampoo";
        }

        @Override
        public String description() {
            return "paper CNN, 1 epoch, shampoo:lr=0.01,eps=1e-4,refresh=100 over SGD run right before";
        }

        @Override
        public String unit() {
            return "x SGD";
        }

        @Override
        public double target() {
            return 0.5;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public int warmups() {
            return 0;
        }

        @Override
        public String note() {
            return note;
        }

        @Override
        public double measure() {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double sgd = imagesPerSecond(epoch("gd:lr=0.05,beta=0.9"));
            OptimizerResult sh = epoch("shampoo:lr=0.01,eps=1e-4,refresh=100");
            note = String.format(Locale.ROOT, "Shampoo %,.0f images/s (%s, test accuracy %s on 1,000 images), SGD %,.0f "
                    + "images/s; load %.2f", imagesPerSecond(sh), sh.status().name().toLowerCase(Locale.ROOT),
                    sh.last() == null ? "-" : String.format(Locale.ROOT, "%.4f", sh.last().values().scalar(CnnFields.TEST_ACCURACY)),
                    sgd, load);
            return imagesPerSecond(sh) / sgd;
        }
    }

    private static synchronized TrainTest data() {
        if (data == null) data = DataSources.load("auto");
        return data;
    }

    private static final class Epoch implements BenchCase {
        private final String name;
        private final String optimizer;
        private final String torchName;
        private final double imagesTarget;
        private final double ratioTarget;
        private final Torch torch;
        private String note = "";

        Epoch(String name, String optimizer, String torchName, double imagesTarget, double ratioTarget, Torch torch) {
            this.name = name;
            this.optimizer = optimizer;
            this.torchName = torchName;
            this.imagesTarget = imagesTarget;
            this.ratioTarget = ratioTarget;
            this.torch = torch;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            boolean full = data().train().size() >= 60000;
            return "paper CNN, 1 epoch " + (full ? "Fashion-MNIST" : "BUNDLED SUBSET") + ", B=128, 2 threads, "
                    + torchName + (torch == null ? "" : ", over PyTorch");
        }

        @Override
        public String unit() {
            return torch == null ? "images/s" : "x PyTorch";
        }

        @Override
        public double target() {
            return torch == null ? imagesTarget : ratioTarget;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        /** An epoch is long enough to warm the JIT itself. */
        @Override
        public int warmups() {
            return 0;
        }

        @Override
        public String note() {
            return note;
        }

        @Override
        public double measure() {
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            OptimizerResult r = epoch(optimizer);
            // each pool's own peak, summed: an upper bound of the heap's peak (the pools peak at different times)
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double ips = imagesPerSecond(r);
            double gflops = ips * flopsPerImage() / 1e9;
            double square = GemmBenchCases.squareRate(2);
            String java = String.format(Locale.ROOT, "Muonscope %,.0f images/s = %.1f GFLOP/s = %.0f%% of the 1024 GEMM's "
                    + "%.0f GFLOP/s (2 threads); peak heap %,d MiB", ips, gflops, 100 * gflops / square, square, peak >> 20);
            if (torch == null) {
                note = java + String.format(Locale.ROOT, "; load %.2f", loadBefore);
                return ips;
            }
            double theirs = runTorch();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            note = java + String.format(Locale.ROOT, "; PyTorch %,.0f images/s (%,d images); load %.2f -> %.2f",
                    theirs, torch.images(), loadBefore, loadAfter);
            return ips / theirs;
        }

        private double runTorch() {
            List<String> cmd = List.of(torch.python(), torch.script().toString(), "--optimizer", torchName,
                    "--train-images", Integer.toString(torch.images()), "--threads", "2", "--no-eval");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                    throw new IllegalStateException("PyTorch reference failed: " + String.join(" ", cmd) + ": " + lastLine(out));
                }
                Matcher m = Pattern.compile("images_per_s=([0-9.]+)").matcher(out);
                if (!m.find()) throw new IllegalStateException("PyTorch reference printed no images_per_s: " + lastLine(out));
                return Double.parseDouble(m.group(1));
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PyTorch ran", e);
            }
        }

        private static String lastLine(String out) {
            String t = out.strip();
            return t.substring(t.lastIndexOf('\n') + 1);
        }

        private static long flopsPerImage() {
            try (GemmThreads t = GemmThreads.of(1)) {
                return Models.create("paper-cnn", Gemm.on(t), data().train().shape(), data().train().classes())
                        .trainingFlopsPerSample();
            }
        }
    }
}

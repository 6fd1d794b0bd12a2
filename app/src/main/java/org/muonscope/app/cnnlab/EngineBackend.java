package org.muonscope.app.cnnlab;

import org.muonscope.engine.optim.OptimizerSettings;

import org.muonscope.engine.optim.OptimizerKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.data.InputCovariance;
import org.muonscope.engine.data.SpuriousPixel;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnData;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.random.Seeds;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/**
 * The real {@link TrainingBackend}: one engine CNN run per queued training, on the lab's training lane, with its
 * epoch checkpoints in {@code RUN/checkpoints} and, when it ends, the same files {@code muonscope cnn} writes
 * ({@code metrics.csv}, {@code class_accuracy.csv}, {@code spec.json}, ...) in the run folder.
 */
public final class EngineBackend implements TrainingBackend {
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> CIFAR = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private final Executor training;
    // The raw (untransformed) data of the last few sources, so queued runs on the same data load it once.
    private final Map<String, TrainTest> raw = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrainTest> e) {
            return size() > 2;
        }
    };

    /** @param training where trainings run: one at a time, in the order they were started (a lane) */
    public EngineBackend(Executor training) {
        this.training = training;
    }

    /** The engine's spec for one lab run. */
    static CnnSpec toEngine(LabRunSpec s) {
        return toEngine(s.data(), s.experiment(), s.model(), List.of(s.optimizer()), s.epochs(), s.batch(), s.evalEvery(),
                s.threads(), s.seed(), s.init(), s.trainLimit(), s.testLimit());
    }

    /** The engine's spec for a lab experiment with these optimizers (one lab run, a preset, a lesson scene). */
    public static CnnSpec toEngine(DatasetChoice data, Experiment e, String model, List<OptimizerSettings> optimizers,
                                   int epochs, int batch, int evalEvery, int threads, long seed, String init,
                                   int trainLimit, int testLimit) {
        String imbalance = switch (e.kind()) {
            case STEP_IMBALANCE -> "step:" + Experiment.num(e.value());
            case LONGTAIL_IMBALANCE -> "longtail:" + Experiment.num(e.value());
            default -> "none";
        };
        double pixel = e.kind() == Experiment.Kind.SPURIOUS_PIXEL ? e.value() : 0;
        double colored = e.kind() == Experiment.Kind.COLORED ? e.value() : Double.NaN;
        return new CnnSpec(data.toCliText(), model, optimizers, epochs, batch, imbalance, pixel, colored, evalEvery, threads,
                seed, Init.parse(init), trainLimit, testLimit);
    }

    private TrainTest load(CnnSpec spec) {
        TrainTest r;
        synchronized (raw) {
            r = raw.get(spec.data());
        }
        if (r == null) {
            r = DataSources.load(spec.data());
            synchronized (raw) {
                raw.put(spec.data(), r);
            }
        }
        return CnnData.prepare(spec, r);
    }

    @Override
    public TrainingJob start(LabRunSpec spec, Path runDir, boolean resume, TrainingObserver observer) {
        Job job = new Job(spec, runDir, resume, observer);
        training.execute(job);
        return job;
    }

    private final class Job implements TrainingJob, Runnable {
        private final LabRunSpec spec;
        private final Path dir;
        private final boolean resume;
        private final TrainingObserver observer;
        private final CancelToken cancel = new CancelToken();

        Job(LabRunSpec spec, Path dir, boolean resume, TrainingObserver observer) {
            this.spec = spec;
            this.dir = dir;
            this.resume = resume;
            this.observer = observer;
        }

        @Override
        public void cancel() {
            cancel.cancel();
        }

        @Override
        public void run() {
            try {
                CnnSpec cs = toEngine(spec);
                Files.createDirectories(dir);
                Path ckpt = dir.resolve("checkpoints");
                if (!resume) deleteTree(ckpt);
                TrainTest data = load(cs);
                Dataset train = data.train();
                long perEpoch = (train.size() + cs.batch() - 1) / cs.batch();
                observer.onStarted(new RunInfo(classNames(data), train.classCounts(),
                        data.test().groupNames() == null ? List.of() : data.test().groupNames(), perEpoch * cs.epochs(),
                        org.muonscope.engine.experiments.cnn.CnnExperiment.layers(cs, data)));
                RunResult result = Experiments.cnn().run(cs, data, new Listener(observer), cancel,
                        RunContext.of(spec.toCommandLine()).withCheckpoints(ckpt));
                Experiments.write(result, dir);
                OptimizerResult o = result.optimizers().get(0);
                switch (o.status()) {
                    case COMPLETED -> observer.onEnded(Outcome.COMPLETED, null);
                    case CANCELLED -> observer.onEnded(Outcome.CANCELLED, null);
                    default -> observer.onEnded(Outcome.FAILED, o.status().name().toLowerCase(Locale.ROOT)
                            + (o.message() == null ? "" : ": " + o.message()));
                }
            } catch (RuntimeException | IOException | Error e) {
                observer.onEnded(Outcome.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    /** Engine events to lab events; the engine counts steps across epochs, as the lab does. */
    private record Listener(TrainingObserver observer) implements RunListener {
        @Override
        public void onProgress(org.muonscope.engine.run.Progress p) {
            Values v = p.values();
            observer.onProgress(new Progress(p.step(), p.totalSteps(), (int) v.scalar(CnnFields.EPOCH), p.fraction(),
                    v.scalar(CnnFields.IMAGES_PER_SECOND), v.scalar(CnnFields.ETA_SECONDS), v.scalar(CnnFields.TRAIN_LOSS)));
        }

        @Override
        public void onRecord(Record r) {
            observer.onEvaluation(EvalPoint.of(r));
        }
    }

    @Override
    public boolean canResume(Path runDir) {
        return Files.isRegularFile(runDir.resolve("checkpoints").resolve("optimizer-0.ckpt"));
    }

    /** The spec whose data transform the Data tab shows (the model and optimizer do not matter there). */
    private static CnnSpec dataSpec(DatasetChoice data, Experiment experiment, long seed) {
        return toEngine(new LabRunSpec(data, experiment, "paper-cnn", "preview",
                org.muonscope.engine.optim.OptimizerKind.of("gd").defaults(), 1, 1, 1, seed, 1));
    }

    @Override
    public InputCovariance covariance(DatasetChoice data, Experiment experiment, long seed) {
        TrainTest t = load(dataSpec(data, experiment, seed));
        // two threads, as a training uses; the numbers do not depend on the count
        try (GemmThreads threads = GemmThreads.of(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))) {
            return InputCovariance.of(t.train(), InputCovariance.DEFAULT_IMAGES, InputCovariance.DEFAULT_TOP, Gemm.on(threads));
        }
    }

    @Override
    public DataPreview preview(DatasetChoice data, Experiment experiment, long seed, int perClass) {
        CnnSpec cs = dataSpec(data, experiment, seed);
        TrainTest t = load(cs);
        Dataset train = t.train();
        SpuriousPixel pixel = cs.spuriousPixel() > 0
                ? SpuriousPixel.forData(train, cs.spuriousPixel(), Seeds.of(seed).cnnTransform("pixel")) : null;
        int size = train.shape().size(), w = train.shape().w();
        int[] taken = new int[train.classes()];
        boolean[] showedDisagreeing = new boolean[train.classes()];
        List<DataPreview.Sample> samples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            int c = train.labels()[i];
            // With colored digits, the last image of each row is one whose color disagrees with its label, if any.
            boolean disagrees = train.groups() != null && train.groups()[i] % 2 != c;
            if (disagrees) {
                if (showedDisagreeing[c]) continue;
                showedDisagreeing[c] = true;
            } else {
                if (taken[c] >= (train.groups() != null ? perClass - 1 : perClass)) continue;
                taken[c]++;
            }
            float[] px = new float[size];
            System.arraycopy(train.images(), i * size, px, 0, size);
            int mx = -1, my = -1;
            if (pixel != null) {
                mx = pixel.position(c) % w;
                my = pixel.position(c) / w;
            }
            // Colored digits: group = 2 * label + color; the sample grid draws color 0 red and color 1 green.
            String note = train.groups() != null ? (train.groups()[i] % 2 == 0 ? "red" : "green")
                    + (train.groups()[i] % 2 == c ? "" : " (disagrees)") : "";
            samples.add(new DataPreview.Sample(c, train.shape().c(), train.shape().h(), w, px, mx, my, note));
        }
        samples.sort(Comparator.comparingInt(DataPreview.Sample::label).thenComparing(x -> x.note().contains("disagrees")));
        return new DataPreview(classNames(t), train.classCounts(), samples);
    }

    /** Fashion-MNIST's and CIFAR-10's names where the data is one of them; digits otherwise; coarse labels for colored digits. */
    static List<String> classNames(TrainTest t) {
        return classNames(t.source() + " " + t.train().name(), t.train().classes(), t.train().groups() != null);
    }

    /**
     * The class names of data from {@code source} (the engine's description of where it came from) with {@code k}
     * classes.
     */
    public static List<String> classNames(String source, int k, boolean colored) {
        if (colored && k == 2) return List.of("coarse 0 (classes 0-4)", "coarse 1 (classes 5-9)");
        String src = source.toLowerCase(Locale.ROOT);
        if (k == 10 && (src.contains("fashion") || src.contains("bundled") || src.equals("auto"))) return FASHION;
        if (k == 10 && src.contains("cifar")) return CIFAR;
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) out.add(Integer.toString(c));
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

package org.muonscope.app.cnnlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.data.InputCovariance;
import org.muonscope.engine.model.cnn.Shape;

/**
 * A scripted engine: nothing trains; the test decides when each job reports progress, evaluates, and ends.
 * Jobs report on the calling (test) thread, which the direct executors in the tests treat as the UI thread.
 */
class FakeBackend implements TrainingBackend {
    static final int CLASSES = 4;
    final List<Job> jobs = new ArrayList<>();

    final class Job implements TrainingJob {
        final LabRunSpec spec;
        final Path dir;
        final boolean resumed;
        final TrainingObserver observer;
        final long totalSteps = 100;
        boolean cancelRequested;
        boolean ended;

        Job(LabRunSpec spec, Path dir, boolean resumed, TrainingObserver observer) {
            this.spec = spec;
            this.dir = dir;
            this.resumed = resumed;
            this.observer = observer;
        }

        @Override
        public void cancel() {
            cancelRequested = true;
        }

        void started(int[] counts) {
            observer.onStarted(new RunInfo(List.of("a", "b", "c", "d"), counts, List.of(), totalSteps));
        }

        void progress(long step) {
            observer.onProgress(new Progress(step, totalSteps, 0, step / (double) totalSteps, 500, (totalSteps - step) / 10.0, 1.0));
        }

        /** An evaluation whose per-class accuracies are given; the summary numbers follow from them. */
        void eval(long step, double... classAcc) {
            double mean = 0, worst = 1;
            for (double a : classAcc) {
                mean += a / classAcc.length;
                worst = Math.min(worst, a);
            }
            observer.onEvaluation(new EvalPoint(step, 0, step * 32, step / 10.0, 1.0 / (1 + step), mean, mean, worst,
                    classAcc.clone(), Double.NaN, Double.NaN, new double[0], Double.NaN, null));
        }

        void evalSpurious(long step, double clean) {
            double[] acc = new double[CLASSES];
            java.util.Arrays.fill(acc, clean);
            observer.onEvaluation(new EvalPoint(step, 0, step * 32, step / 10.0, 0.5, clean, clean, clean, acc, clean,
                    1.0, new double[0], Double.NaN, null));
        }

        /** The engine started with these weight matrices (whose spectra each evaluation then carries). */
        void started(int[] counts, List<String> layers) {
            observer.onStarted(new RunInfo(List.of("a", "b", "c", "d"), counts, List.of(), totalSteps, layers));
        }

        /** An evaluation with the layers' singular values (and their entropy effective ranks). */
        void evalSpectra(long step, double[][] singularValues) {
            double[] acc = {0.5, 0.5, 0.5, 0.5};
            double[] rank = new double[singularValues.length];
            for (int i = 0; i < rank.length; i++) rank[i] = org.muonscope.engine.linalg.Spectra.effectiveRank(singularValues[i]);
            observer.onEvaluation(new EvalPoint(step, 0, step * 32, step / 10.0, 1.0, 0.5, 0.5, 0.5, acc, Double.NaN, Double.NaN,
                    new double[0], Double.NaN, null, singularValues, rank));
        }

        /** The engine writes a checkpoint at each epoch's end. */
        void checkpoint() {
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("checkpoint.bin"), "epoch");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end(Outcome outcome, String message) {
            ended = true;
            observer.onEnded(outcome, message);
        }
    }

    @Override
    public TrainingJob start(LabRunSpec spec, Path runDir, boolean resume, TrainingObserver observer) {
        Job j = new Job(spec, runDir, resume, observer);
        jobs.add(j);
        return j;
    }

    @Override
    public boolean canResume(Path runDir) {
        return Files.exists(runDir.resolve("checkpoint.bin"));
    }

    @Override
    public DataPreview preview(DatasetChoice data, Experiment experiment, long seed, int perClass) {
        return new DataPreview(List.of("a", "b", "c", "d"), new int[] {10, 10, 1, 1}, List.of());
    }

    /** How often the covariance was asked for. */
    int covarianceCalls;

    /** A 2 x 2 "image" whose covariance has eigenvalues 3, 1, 0.5, 0: no data is read. */
    @Override
    public InputCovariance covariance(DatasetChoice data, Experiment experiment, long seed) {
        covarianceCalls++;
        return new InputCovariance(4, new Shape(1, 2, 2), new double[] {3, 1, 0.5, 0},
                new double[][] {{0.5, 0.5, 0.5, 0.5}, {0.5, -0.5, 0.5, -0.5}});
    }

    Job last() {
        return jobs.get(jobs.size() - 1);
    }
}

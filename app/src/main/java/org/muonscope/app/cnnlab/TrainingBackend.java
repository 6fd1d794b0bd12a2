package org.muonscope.app.cnnlab;

import java.io.IOException;
import java.nio.file.Path;
import org.muonscope.engine.data.InputCovariance;

/**
 * The seam between the CNN Lab's view models and the engine. The real implementation drives the engine's CNN
 * runs; tests use a scripted fake so they never wait on training speed.
 */
public interface TrainingBackend {
    /**
     * Starts one training in the background and returns at once. Every observer call comes from a background
     * thread. With {@code resume} the run continues from the last epoch checkpoint in {@code runDir}.
     */
    TrainingJob start(LabRunSpec spec, Path runDir, boolean resume, TrainingObserver observer);

    /** True when {@code runDir} holds an epoch checkpoint {@link #start} can resume from. */
    boolean canResume(Path runDir);

    /**
     * Loads the dataset, applies the experiment's transform and returns a few training images per class and the
     * class counts. Slow (reads files): never call it on the FX thread.
     */
    DataPreview preview(DatasetChoice data, Experiment experiment, long seed, int perClass) throws IOException;

    /**
     * The covariance of the training inputs after the experiment's transform, over the first
     * {@link InputCovariance#DEFAULT_IMAGES} images, with its top {@link InputCovariance#DEFAULT_TOP} eigenvectors.
     * Slower than the preview (seconds for 28 x 28 images): never call it on the FX thread.
     */
    InputCovariance covariance(DatasetChoice data, Experiment experiment, long seed) throws IOException;

    /** A started training. */
    interface TrainingJob {
        /** Asks the run to stop at its next step; the observer then sees {@link Outcome#CANCELLED}. */
        void cancel();
    }

    enum Outcome { COMPLETED, CANCELLED, FAILED }

    /** Receives a training's events on background threads; implementations return quickly. */
    interface TrainingObserver {
        void onStarted(RunInfo info);

        /** Frequent (every few steps). */
        void onProgress(Progress progress);

        /** Every {@code evalEvery} steps and at the end. */
        void onEvaluation(EvalPoint point);

        /** Exactly once, last. {@code message} says why a run failed; null otherwise. */
        void onEnded(Outcome outcome, String message);
    }

    /**
     * @param fraction        share of the whole run done, in [0, 1]
     * @param imagesPerSecond recent training throughput
     * @param etaSeconds      estimated seconds left; NaN while unknown
     */
    record Progress(long step, long totalSteps, int epoch, double fraction, double imagesPerSecond,
                    double etaSeconds, double trainLoss) { }
}

package org.muonscope.engine.cnn;

/** A progress tick of one optimizer's training: throughput and an estimate of the time left for it. */
public record CnnProgress(String optimizer, int optimizerIndex, int optimizerCount, int epoch, long step,
                          long totalSteps, long images, double seconds, double imagesPerSecond, double etaSeconds,
                          double trainLoss) {
    public double fraction() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }
}

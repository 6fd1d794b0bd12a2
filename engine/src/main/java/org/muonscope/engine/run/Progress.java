package org.muonscope.engine.run;

/**
 * A progress tick of one optimizer between records (long runs only: CNN training); {@code values} holds what the
 * kind reports, e.g. {@code images_per_second}, {@code eta_seconds}, {@code train_loss}.
 */
public record Progress(String optimizer, int slot, long step, long totalSteps, Values values) {
    public double fraction() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }
}

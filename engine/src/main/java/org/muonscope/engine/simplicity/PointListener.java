package org.muonscope.engine.simplicity;

/**
 * Receives the records of a simplicity run as they are made, on the run's thread; must return quickly.
 *
 * @param <P> the record type ({@link DlnExperiment.Point} or {@link RoutingExperiment.Point})
 */
@FunctionalInterface
public interface PointListener<P> {
    /**
     * @param slot  the optimizer's index in the spec
     * @param label the optimizer's label (as in the CSV files)
     */
    void onPoint(int slot, String label, P point);

    static <P> PointListener<P> none() {
        return (slot, label, point) -> { };
    }
}

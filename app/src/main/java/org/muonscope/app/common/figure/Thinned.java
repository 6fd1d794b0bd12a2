package org.muonscope.app.common.figure;

/**
 * A dataset that draws thinned curves (a few points per pixel column) but keeps every recorded point: the hover
 * readout reads these, so it shows the value at the nearest recorded step, not at the nearest kept point. The
 * arrays must not change once handed over (the FX thread reads them while the render lane rebuilds the dataset).
 */
public interface Thinned {
    /** Every recorded x of a series, ascending. */
    double[] recordedX(int series);

    /** Every recorded y of a series. */
    double[] recordedY(int series);
}

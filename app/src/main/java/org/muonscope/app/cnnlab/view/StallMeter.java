package org.muonscope.app.cnnlab.view;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Measures how long the FX thread went without a pulse while trainings run: the largest gap between two
 * consecutive animation pulses, minus one frame, is the longest the UI could not react. JavaFX pulses at
 * about 60 Hz when something animates; the meter's own timer keeps pulses coming.
 */
public final class StallMeter {
    private static final double FRAME_MS = 1000.0 / 60;
    private final ReadOnlyDoubleWrapper longestStallMs = new ReadOnlyDoubleWrapper(this, "longestStallMs", 0);
    private volatile double longest;
    private long last = -1;
    private boolean measuring;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (measuring && last > 0) {
                double gap = (now - last) / 1e6 - FRAME_MS;
                if (gap > longest) {
                    longest = gap;
                    longestStallMs.set(Math.round(gap * 10) / 10.0);
                }
            }
            last = now;
        }
    };

    public StallMeter() {
        timer.start();
    }

    /** Only gaps while measuring count (the app idles without pulses otherwise, which is not a stall). */
    public void setMeasuring(boolean on) {
        if (on != measuring) last = -1;
        measuring = on;
    }

    /** The longest stall seen while measuring, in milliseconds beyond one 60 Hz frame. */
    public ReadOnlyDoubleProperty longestStallMsProperty() {
        return longestStallMs.getReadOnlyProperty();
    }

    public double longestStallMs() {
        return longest;
    }

    public void stop() {
        timer.stop();
    }
}

package org.muonscope.app.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The animation timeline as plain properties: a cursor (in steps) that sweeps from 0 to the last step,
 * play/pause, single steps, speed, restart and loop. The view feeds it frame times; tests feed it numbers.
 * At speed 1 a whole run plays in {@link #BASE_SECONDS} seconds, whatever its length.
 */
public final class AnimationModel {
    public static final double BASE_SECONDS = 8;

    private final DoubleProperty cursor = new SimpleDoubleProperty(0);
    private final DoubleProperty maxStep = new SimpleDoubleProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);

    public DoubleProperty cursorProperty() { return cursor; }
    public DoubleProperty maxStepProperty() { return maxStep; }
    public BooleanProperty playingProperty() { return playing; }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty loopProperty() { return loop; }

    public double cursor() { return cursor.get(); }

    public void togglePlay() {
        if (!playing.get() && cursor.get() >= maxStep.get()) cursor.set(0);
        playing.set(!playing.get());
    }

    public void restart() {
        cursor.set(0);
        playing.set(true);
    }

    /** Moves by {@code frames} single steps of the run's grid (one snapshot interval), pausing first. */
    public void stepBy(int frames, double interval) {
        playing.set(false);
        double next = Math.floor(cursor.get() / interval + 1e-9) * interval + frames * interval;
        cursor.set(clamp(next));
    }

    public void scrubTo(double step) {
        cursor.set(clamp(step));
    }

    /** Shows the whole run: used when playback is off and a new run arrives. */
    public void showAll() {
        cursor.set(maxStep.get());
    }

    /**
     * Advances the cursor by a frame that lasted {@code seconds}. At the end it stops, or wraps when looping.
     *
     * @return whether the cursor moved
     */
    public boolean tick(double seconds) {
        if (!playing.get() || maxStep.get() <= 0) return false;
        double rate = maxStep.get() / BASE_SECONDS * speed.get();
        double next = cursor.get() + rate * seconds;
        if (next >= maxStep.get()) {
            if (loop.get()) next = next - maxStep.get() * Math.floor(next / maxStep.get());
            else {
                next = maxStep.get();
                playing.set(false);
            }
        }
        cursor.set(next);
        return true;
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(maxStep.get(), v));
    }
}

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
            fxThread = Thread.currentThread();
            lastPulseNanos = System.nanoTime();
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

    private volatile Thread fxThread;
    private volatile long lastPulseNanos;

    public StallMeter() {
        timer.start();
        if (Boolean.getBoolean("muonscope.cnn.stallTrace")) startWatchdog();
    }

    /**
     * Diagnostics ({@code -Dmuonscope.cnn.stallTrace=true}): when the FX thread misses pulses for 250 ms, prints
     * what it is doing to stderr, once per stall, so a stall can be traced to its cause.
     */
    private void startWatchdog() {
        Thread w = new Thread(() -> {
            long reported = 0;
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                long since = System.nanoTime() - lastPulseNanos;
                Thread fx = fxThread;
                if (fx != null && measuring && since > 250_000_000L && lastPulseNanos != reported) {
                    reported = lastPulseNanos;
                    StringBuilder sb = new StringBuilder("FX thread stalled ").append(since / 1_000_000).append(" ms:\n");
                    for (StackTraceElement e : fx.getStackTrace()) sb.append("    at ").append(e).append('\n');
                    System.err.print(sb);
                }
            }
        }, "cnnlab-stall-watchdog");
        w.setDaemon(true);
        w.start();
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

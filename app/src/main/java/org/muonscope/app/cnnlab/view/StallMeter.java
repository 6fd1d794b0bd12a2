package org.muonscope.app.cnnlab.view;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Measures how long the FX thread went without a pulse while trainings run: the largest gap between two
 * consecutive animation pulses, minus one frame, is the longest the UI could not react. JavaFX pulses at
 * about 60 Hz when something animates; the meter's own timer keeps pulses coming. It also records how much CPU
 * time the FX thread itself used between pulses, which separates the app's own work from waiting for a core.
 */
public final class StallMeter {
    private static final double FRAME_MS = 1000.0 / 60;
    private final ReadOnlyDoubleWrapper longestStallMs = new ReadOnlyDoubleWrapper(this, "longestStallMs", 0);
    private final ReadOnlyDoubleWrapper longestBusyMs = new ReadOnlyDoubleWrapper(this, "longestBusyMs", 0);
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile double longest;
    private volatile double longestCpuOfLongest;
    private volatile double longestBusy;
    private long last = -1;
    private long lastCpu = -1;
    private boolean measuring;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            fxThread = Thread.currentThread();
            lastPulseNanos = System.nanoTime();
            long c = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : -1;
            if (measuring && last > 0) {
                double gap = (now - last) / 1e6 - FRAME_MS;
                // CPU time the FX thread itself used between the two pulses: the part of a stall that is the
                // app's own work, as opposed to the thread waiting for a core on a loaded machine.
                double busy = c >= 0 && lastCpu >= 0 ? (c - lastCpu) / 1e6 : Double.NaN;
                if (gap > longest) {
                    longest = gap;
                    longestCpuOfLongest = busy;
                    longestStallMs.set(Math.round(gap * 10) / 10.0);
                }
                if (busy > longestBusy) {
                    longestBusy = busy;
                    longestBusyMs.set(Math.round(busy * 10) / 10.0);
                }
                if (trace && gap > 250) System.err.printf(java.util.Locale.ROOT, "FX pulse gap %.0f ms, FX thread CPU in it %.0f ms%n", gap, busy);
            }
            last = now;
            lastCpu = c;
        }
    };

    private volatile Thread fxThread;
    private volatile long lastPulseNanos;

    private final boolean trace = Boolean.getBoolean("muonscope.cnn.stallTrace");

    private final org.muonscope.app.common.TaskExecutor tasks;

    public StallMeter(org.muonscope.app.common.TaskExecutor tasks) {
        this.tasks = tasks;
        if (trace) startWatchdog();
    }

    /**
     * Diagnostics ({@code -Dmuonscope.cnn.stallTrace=true}): when the FX thread misses pulses for 250 ms, prints
     * what it is doing to stderr, once per stall, so a stall can be traced to its cause.
     */
    private void startWatchdog() {
        tasks.execute(() -> {
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
        });
    }

    /** Only gaps while measuring count (the app idles without pulses otherwise, which is not a stall). */
    public void setMeasuring(boolean on) {
        if (on != measuring) {
            last = -1;
            lastCpu = -1;
        }
        measuring = on;
        // The timer forces a pulse every frame; it runs only while measuring so an idle app stays idle.
        if (on) timer.start();
        else timer.stop();
    }

    /** The longest stall seen while measuring, in milliseconds beyond one 60 Hz frame. */
    public ReadOnlyDoubleProperty longestStallMsProperty() {
        return longestStallMs.getReadOnlyProperty();
    }

    public double longestStallMs() {
        return longest;
    }

    /** FX-thread CPU time within the longest stall (small: the thread was starved, not busy). */
    public double cpuOfLongestStallMs() {
        return longestCpuOfLongest;
    }

    /** The most CPU time the FX thread spent between two pulses while measuring: the app's own longest block. */
    public ReadOnlyDoubleProperty longestBusyMsProperty() {
        return longestBusyMs.getReadOnlyProperty();
    }

    public double longestBusyMs() {
        return longestBusy;
    }

    public void stop() {
        timer.stop();
    }
}

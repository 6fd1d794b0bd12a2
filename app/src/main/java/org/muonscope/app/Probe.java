package org.muonscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.app.theorylab.TheoryLabView;

/**
 * A measurement script for the real window ({@code -Dmuonscope.probe=FILE}): animation frames per second on
 * the stress preset (7 optimizers x 10 classes x 2000 steps), time from a setting change to the first redrawn
 * frame, and SVG / PDF export times. Writes the numbers as JSON and quits. Not used by the tests.
 */
final class Probe extends Thread {
    private final TheoryLabView lab;
    private final Path out;

    Probe(TheoryLabView lab, Path out) {
        super("probe");
        setDaemon(true);
        this.lab = lab;
        this.out = out;
    }

    @Override
    public void run() {
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            stalls(r);
            if (Boolean.getBoolean("muonscope.probe.stallOnly")) throw new InterruptedException("stall only");
            Thread.sleep(1500);
            r.put("series", fx(() -> lab.figure("trajectories").chart().getXYPlot().getDataset(0).getSeriesCount()));
            fx(() -> { lab.viewModel().animation().speedProperty().set(0.5); lab.viewModel().animation().restart(); return null; });
            long f0 = fx(lab::redraws);
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            long f1 = fx(lab::redraws);
            double secs = (System.nanoTime() - t0) / 1e9;
            r.put("animation_fps", (f1 - f0) / secs);
            r.put("frame_composite_ms_mean", fx(() -> lab.viewer("trajectories").meanPaintMillis()));
            r.put("figure_render_ms_last", fx(() -> lab.viewer("trajectories").renderMillis()));
            r.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            fx(() -> { lab.viewModel().animation().playingProperty().set(false); return null; });
            r.put("change_to_first_frame_ms_stress", latencies(5));
            for (PlotExporter.Format f : new PlotExporter.Format[] {PlotExporter.Format.SVG, PlotExporter.Format.PDF, PlotExporter.Format.PNG2X}) {
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 4; i++) {
                    Path p = Files.createTempFile("probe", f.extension());
                    long e0 = System.nanoTime();
                    fx(() -> { PlotExporter.write(lab.figure("trajectories").chart(), f, 960, 600, p); return null; });
                    best = Math.min(best, (System.nanoTime() - e0) / 1e6);
                    r.put(f.name().toLowerCase() + "_bytes", Files.size(p));
                    Files.delete(p);
                }
                r.put(f.name().toLowerCase() + "_export_ms_best_of_4", best);
            }
            fx(() -> { lab.loadPreset("theory-imbalance"); return null; });
            waitFinished(60);
            Thread.sleep(500);
            r.put("change_to_first_frame_ms_imbalance", latencies(5));
        } catch (InterruptedException stallOnly) {
            // only the stall numbers were asked for
        } catch (Exception e) {
            r.put("error", e.toString());
        }
        try {
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (var e : r.entrySet()) {
                Object v = e.getValue();
                String s = v instanceof double[] d ? java.util.Arrays.toString(d) : v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
                sb.append("  \"").append(e.getKey()).append("\": ").append(s).append(++i < r.size() ? ",\n" : "\n");
            }
            Files.writeString(out, sb.append("}\n").toString());
        } catch (Exception ignored) {
            // nowhere left to report
        }
        if (Boolean.parseBoolean(System.getProperty("muonscope.probe.exit", "true"))) Platform.exit();
    }

    /**
     * The longest FX-thread stall while stress-preset runs stream in (the pulse gap meter of the CNN Lab): three
     * re-runs after an SNR nudge, once the preset's first run has warmed up. The FX thread's own CPU time in a gap
     * separates the app's work from waiting for a core on a loaded machine. The hover readout is active throughout
     * (a mouse move over the main figure every frame, sweeping its data area), so its cost is in the numbers.
     */
    private void stalls(Map<String, Object> r) throws Exception {
        org.muonscope.app.cnnlab.view.StallMeter meter = fx(() -> new org.muonscope.app.cnnlab.view.StallMeter(org.muonscope.app.common.TaskExecutor.threads(org.muonscope.app.common.UiExecutor.fx())));
        org.muonscope.app.common.figure.FigureHost main = lab.viewer("trajectories");
        long[] hovered = new long[2];
        double[] hoverMs = new double[2]; // the longest and the total FX-thread CPU time of one mouse move
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean[] counting = new boolean[1];
        javafx.animation.AnimationTimer hover = fx(() -> new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                var d = main.data();
                if (d == null || d.panels().isEmpty()) return;
                javafx.geometry.Rectangle2D a = d.panels().get(0).area();
                long i = hovered[0]++;
                double x = a.getMinX() + (i * 7) % Math.max(1, (int) a.getWidth());
                double y = a.getMinY() + a.getHeight() * (i / 60 % 2 == 0 ? 0.3 : 0.7);
                javafx.geometry.Point2D s = main.localToScene(x, y);
                long t0 = cpu.getCurrentThreadCpuTime();
                main.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED, s.getX(), s.getY(), 0, 0,
                        javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, true, false, true, null));
                double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
                if (!counting[0]) return;
                hoverMs[0] = Math.max(hoverMs[0], ms);
                hoverMs[1] += ms;
                if (main.readout() != null) hovered[1]++;
            }
        });
        // the first run warms up (class loading, JIT, the hover's code too); the measured runs are the re-runs after it
        fx(() -> { hover.start(); lab.loadPreset("theory-stress"); return null; });
        waitFinished(120);
        Thread.sleep(1000);
        fx(() -> { hovered[0] = 0; counting[0] = true; meter.setMeasuring(true); return null; });
        for (int i = 0; i < 3; i++) {
            final int k = i;
            fx(() -> { lab.viewModel().setSnr(lab.viewModel().snr() * (k % 2 == 0 ? 1.1 : 1 / 1.1)); return null; });
            Thread.sleep(400);
            waitFinished(120);
        }
        fx(() -> { meter.setMeasuring(false); meter.stop(); hover.stop(); return null; });
        r.put("stress_run_hover_moves", hovered[0]);
        r.put("stress_run_hover_moves_with_readout", hovered[1]);
        r.put("stress_run_hover_move_fx_cpu_ms_longest", hoverMs[0]);
        r.put("stress_run_hover_move_fx_cpu_ms_mean", hovered[0] == 0 ? Double.NaN : hoverMs[1] / hovered[0]);
        r.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        r.put("stress_run_longest_fx_stall_ms", meter.longestStallMs());
        r.put("stress_run_fx_cpu_in_longest_stall_ms", meter.cpuOfLongestStallMs());
        r.put("stress_run_longest_fx_busy_ms", meter.longestBusyMs());
    }

    /** Nudges the SNR and waits for the first frame drawn from the new run, {@code n} times. */
    private double[] latencies(int n) throws Exception {
        double[] lat = new double[n];
        for (int i = 0; i < lat.length; i++) {
            double before = fx(lab::lastLatencyMillis);
            final int k = i;
            fx(() -> { lab.viewModel().setSnr(lab.viewModel().snr() * (k % 2 == 0 ? 1.1 : 1 / 1.1)); return null; });
            long w0 = System.nanoTime();
            while (fx(lab::lastLatencyMillis).equals(before) && System.nanoTime() - w0 < 10e9) Thread.sleep(5);
            lat[i] = fx(lab::lastLatencyMillis);
            waitFinished(30);
            Thread.sleep(300);
        }
        return lat;
    }

    private void waitFinished(int seconds) throws Exception {
        long t0 = System.nanoTime();
        Thread.sleep(300);
        while (System.nanoTime() - t0 < seconds * 1e9) {
            Boolean done = fx(() -> lab.viewModel().dataProperty().get() != null && lab.viewModel().dataProperty().get().isFinished());
            if (done) return;
            Thread.sleep(20);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get();
    }
}

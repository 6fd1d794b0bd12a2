package org.muonscope.app.simplicitylab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.engine.experiments.dln.DlnRun;
import org.muonscope.engine.experiments.routing.RoutingRun;

/**
 * The Simplicity Lab's seven figures: one host each, drawing its own chart on the render lane (only the lane's jobs
 * touch it), and fresh charts for exports and tests. The deep-linear curves and the routing errors animate by
 * compositing (their points are revealed behind the cursor, or the cursor line moves over the whole curves); the
 * grids and W_h's spectrum show the record at the cursor and are redrawn only when that record changes.
 */
final class SimplicityFigures {
    static final List<String> DLN = SimplicityPlot.DLN;
    static final List<String> ROUTING = SimplicityPlot.ROUTING;
    private final Map<String, Supplier<JFreeChart>> makers = new LinkedHashMap<>();
    private final Map<String, JFreeChart> drawn = new LinkedHashMap<>();
    private final Map<String, FigureHost> hosts = new LinkedHashMap<>();
    private Object dlnShown;
    private Object routingShown;
    private Object recordShown;

    SimplicityFigures(Executor lane) {
        for (String name : DLN) makers.put(name, () -> SimplicityPlot.create(name));
        for (String name : ROUTING) makers.put(name, () -> SimplicityPlot.create(name));
        for (Map.Entry<String, Supplier<JFreeChart>> e : makers.entrySet()) {
            drawn.put(e.getKey(), e.getValue().get());
            FigureHost h = new FigureHost(lane);
            h.setMinSize(200, 150);
            h.setPrefSize(600, 400);
            h.setId("chart-" + e.getKey());
            hosts.put(e.getKey(), h);
        }
    }

    FigureHost host(String name) {
        return hosts.get(name);
    }

    /** Draws one chart of {@code name} for the data at {@code cursor} (a step; infinite: every record). */
    static void show(String name, JFreeChart chart, DlnRun dln, RoutingRun routing, double cursor) {
        switch (name) {
            case "singular-values" -> SimplicityCharts.showSingularValues(chart, dln, cursor);
            case "loss" -> SimplicityCharts.showLoss(chart, dln, cursor);
            case "distance" -> SimplicityCharts.showDistance(chart, dln, cursor);
            case "routing-gd-grid" -> SimplicityCharts.showGrid(chart, trace(routing, "gd"), cursor);
            case "routing-specgd-grid" -> SimplicityCharts.showGrid(chart, trace(routing, "specgd"), cursor);
            case "routing-errors" -> SimplicityCharts.showRoutingErrors(chart, routing, cursor);
            case "hidden-spectrum" -> SimplicityCharts.showSpectrum(chart, routing, cursor);
            default -> throw new IllegalArgumentException("unknown figure " + name);
        }
    }

    static RoutingRun.Trace trace(RoutingRun r, String kind) {
        if (r == null) return null;
        for (RoutingRun.Trace t : r.traces()) if (t.optimizer().kind().id().equals(kind)) return t;
        return null;
    }

    /** A fresh chart of {@code name} showing the data at {@code cursor}, for exports and tests (no host draws it). */
    JFreeChart chart(String name, DlnRun dln, RoutingRun routing, double cursor) {
        JFreeChart c = makers.get(name).get();
        show(name, c, dln, routing, cursor);
        return c;
    }

    /**
     * Asks the hosts for what changed since the last frame and moves their cursors. Only the shown tab's figures
     * (0: deep linear, 1: routing) are drawn; the other tab's catch up when it is shown.
     */
    void update(int tab, DlnRun dln, double dlnCursor, RoutingRun routing, double routingCursor) {
        for (String n : DLN) hosts.get(n).setCursor(dlnCursor);
        hosts.get("routing-errors").setCursor(routingCursor);
        if (tab == 0 && dln != dlnShown) {
            dlnShown = dln;
            for (String n : DLN) {
                JFreeChart c = drawn.get(n);
                request(n, () -> {
                    show(n, c, dln, null, Double.POSITIVE_INFINITY);
                    return Drawing.revealing(c, step -> show(n, c, dln, null, step));
                });
            }
        }
        if (tab != 1) return;
        if (routing != routingShown) {
            routingShown = routing;
            recordShown = null;
            JFreeChart c = drawn.get("routing-errors");
            // the whole curves, and the host's cursor line over them: no redraw as the cursor moves
            request("routing-errors", () -> {
                show("routing-errors", c, null, routing, Double.NaN);
                return Drawing.withCursor(c);
            });
        }
        Object record = routing == null || routing.traces().isEmpty() ? null : SimplicityCharts.at(routing.traces().get(0), routingCursor).step();
        if (routing != null && !Objects.equals(record, recordShown)) {
            recordShown = record;
            for (String n : List.of("routing-gd-grid", "routing-specgd-grid", "hidden-spectrum")) {
                JFreeChart c = drawn.get(n);
                request(n, () -> {
                    show(n, c, null, routing, routingCursor);
                    return Drawing.of(c);
                });
            }
        }
    }

    private void request(String name, Supplier<Drawing> prepare) {
        hosts.get(name).request(size -> prepare.get(), null);
    }

    /** Each host's zoom as it is now (or whole): read on the FX thread, where the hosts live. */
    Map<String, Zoom> zooms(boolean asShown) {
        Map<String, Zoom> z = new LinkedHashMap<>();
        for (String n : makers.keySet()) z.put(n, asShown ? hosts.get(n).zoom() : Zoom.WHOLE);
        return z;
    }

    /**
     * Writes every chart as PNG and SVG at 900 x 600, each with its zoom from {@link #zooms}. Draws fresh charts only,
     * so it may run on any thread.
     */
    void export(Path dir, Map<String, Zoom> zooms, DlnRun dln, double dlnCursor, RoutingRun routing, double routingCursor) throws IOException {
        for (String n : makers.keySet()) {
            double cursor = DLN.contains(n) ? dlnCursor : routingCursor;
            JFreeChart c = chart(n, dln, routing, cursor);
            Zoom z = zooms.get(n);
            PlotExporter.write(c, z, PlotExporter.Format.PNG, 900, 600, dir.resolve("simplicity-" + n + ".png"));
            PlotExporter.write(c, z, PlotExporter.Format.SVG, 900, 600, dir.resolve("simplicity-" + n + ".svg"));
        }
    }
}

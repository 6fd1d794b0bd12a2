package org.muonscope.app.theorylab;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.DepthFigure;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.RunData;

/**
 * The Theory Lab's figures: one host per figure, the figure objects the hosts draw (they belong to the render lane
 * once made: only its jobs touch them), and a second set rebuilt on demand for exports, tests and the clipboard, so
 * nothing on the FX thread reads a chart the lane is drawing (decision 0404).
 */
final class TheoryFigures {
    private final Map<String, LabFigure> exports = new LinkedHashMap<>();
    private final Map<String, LabFigure> drawn = new LinkedHashMap<>();
    private final Map<String, FigureHost> hosts = new LinkedHashMap<>();
    private final BooleanProperty exportAsShown = new SimpleBooleanProperty(this, "exportAsShown", true);

    TheoryFigures(Executor lane) {
        for (String n : Figures.NAMES) {
            exports.put(n, Figures.create(n));
            drawn.put(n, Figures.create(n));
            FigureHost h = new FigureHost(lane);
            h.setMinSize(200, 150);
            h.setId("chart-" + n);
            hosts.put(n, h);
        }
    }

    FigureHost host(String name) {
        return hosts.get(name);
    }

    Collection<FigureHost> hosts() {
        return hosts.values();
    }

    String title(String name) {
        return exports.get(name).title();
    }

    /** Whether single-figure exports and the clipboard keep the figure's zoom ("as shown") or show it whole. */
    BooleanProperty exportAsShownProperty() {
        return exportAsShown;
    }

    /**
     * Asks the render lane to redraw a figure from a frozen copy of the data, its curves thinned to the pixels the
     * host shows (more while zoomed in). The trajectories and curve figures reveal themselves behind the cursor.
     *
     * @param measured the depth sweep's measured t90 (a private copy), for the depth figure
     * @return false when the host is too small to draw yet
     */
    boolean request(String name, RunData frozen, ChartStyle style, long[][] measured, Runnable onShown) {
        LabFigure f = drawn.get(name);
        boolean animates = !name.equals("saturation") && !name.equals("depth");
        return hosts.get(name).request(size -> {
            if (f instanceof DepthFigure d) d.setMeasured(measured);
            f.update(frozen, style, Math.max(300, size.detailWidth()));
            return animates ? Drawing.revealing(f.chart(), f::setCursor) : Drawing.of(f.chart());
        }, onShown);
    }

    /** The zoom an export of {@code name} draws with: the host's when exporting as shown, else the whole figure. */
    Zoom exportZoom(String name) {
        return exportAsShown.get() ? hosts.get(name).zoom() : Zoom.WHOLE;
    }

    /**
     * The export figure of {@code name} rebuilt from {@code data} (null: as last built), fully revealed, its curves
     * thinned for the export width times the zoom's magnification.
     */
    LabFigure export(String name, RunData data, ChartStyle style, long[][] measured, Zoom zoom) {
        LabFigure f = exports.get(name);
        if (data == null) return f;
        if (f instanceof DepthFigure depth) depth.setMeasured(measured);
        f.update(data, style, (int) Math.round(Figures.WIDTH * hosts.get(name).magnification(zoom)));
        return f;
    }
}

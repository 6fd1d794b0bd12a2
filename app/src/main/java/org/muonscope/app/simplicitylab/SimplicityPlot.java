package org.muonscope.app.simplicitylab;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.muonscope.engine.experiments.dln.DlnRun;
import org.muonscope.engine.experiments.routing.RoutingRun;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.ExperimentKind;

/** The Simplicity Lab's figures of a finished run by name, drawn as the lab draws them (lessons and handouts). */
public final class SimplicityPlot {
    public static final List<String> DLN = List.of("singular-values", "loss", "distance");
    public static final List<String> ROUTING = List.of("routing-gd-grid", "routing-specgd-grid", "routing-errors", "hidden-spectrum");

    private SimplicityPlot() { }

    public static List<String> names(ExperimentKind kind) {
        return kind == ExperimentKind.DLN ? DLN : ROUTING;
    }

    /** A new chart of {@code name} showing {@code result} up to {@code cursor} (a step; infinite: the whole run). */
    public static JFreeChart chart(String name, RunResult result, double cursor) {
        JFreeChart c = create(name);
        show(name, c, result, cursor);
        return c;
    }

    /** An empty chart of {@code name}. */
    public static JFreeChart create(String name) {
        return switch (name) {
            case "singular-values" -> SimplicityCharts.lineChart("Singular values of the product (dashed: closed forms)", "step", "sigma_k", false);
            case "loss" -> SimplicityCharts.lineChart("Loss (log scale): GD's plateaus", "step", "loss", true);
            case "distance" -> SimplicityCharts.lineChart("Distance to the target |sigma_k - s_k|: SpecGD's oscillation floor", "step", "|sigma_k - s_k|", true);
            case "routing-gd-grid" -> SimplicityCharts.gridChart("GD");
            case "routing-specgd-grid" -> SimplicityCharts.gridChart("SpecGD");
            case "routing-errors" -> SimplicityCharts.lineChart("Error on seen (dashed) and unseen (solid) pairs", "step", "error", true);
            case "hidden-spectrum" -> SimplicityCharts.lineChart("Singular values of the shared hidden layer W_h", "index", "singular value", true);
            default -> throw new IllegalArgumentException("unknown figure " + name);
        };
    }

    /** Shows {@code result} up to {@code cursor} in a chart made by {@link #create}. */
    public static void show(String name, JFreeChart c, RunResult result, double cursor) {
        boolean dln = DLN.contains(name);
        SimplicityFigures.show(name, c, dln ? DlnRun.of(result) : null, dln ? null : RoutingRun.of(result), cursor);
    }
}

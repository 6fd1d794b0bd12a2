package org.muonscope.app.lessons;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.muonscope.app.cnnlab.figures.CnnFigureSet;
import org.muonscope.app.cnnlab.figures.CnnRunData;
import org.muonscope.app.cnnlab.figures.CnnRunFolder;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.Palette;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.simplicitylab.SimplicityPlot;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.Spec;

/**
 * The figures a scene may show, by the names each lab gives them, drawn with the lab's own chart code (so a lesson
 * shows what the lab shows), with the optimizers a scene highlights in full color and the others faded.
 */
public final class LessonFigures {
    /** How much of its color a curve that is not highlighted keeps. */
    private static final double FADED = 0.25;

    private LessonFigures() { }

    /** The views a scene with this spec can show. */
    public static List<String> names(Spec spec) {
        return switch (spec.kind()) {
            case THEORY -> Figures.NAMES;
            case DLN, ROUTING -> SimplicityPlot.names(spec.kind());
            case CNN -> cnnNames((CnnSpec) spec);
        };
    }

    private static List<String> cnnNames(CnnSpec s) {
        String panel = !s.imbalance().equals("none") ? "minority-accuracy"
                : s.spuriousPixel() > 0 ? "clean-vs-spurious" : s.hasColors() ? "groups" : "test-accuracy";
        return List.of("class-accuracy", "balanced-worst", "train-loss", panel, "confusion", "class-counts", "spectra", "layer-rank");
    }

    /**
     * One view of a finished run: its chart, and how to reveal it up to a step (null for a view drawn whole).
     * Only the thread that reveals may draw the chart.
     */
    public record Figure(JFreeChart chart, DoubleConsumer reveal) { }

    /**
     * A new figure of one view of a finished run.
     *
     * @param highlight the optimizer labels drawn in full color; empty: all of them
     * @param width     the pixel width curves are thinned to
     */
    public static Figure figure(String view, RunResult result, Set<String> highlight, boolean presenter, int width) {
        List<String> labels = result.optimizers().stream().map(OptimizerResult::label).toList();
        switch (result.spec().kind()) {
            case THEORY -> {
                List<Color> colors = new ArrayList<>();
                for (OptimizerResult o : result.optimizers()) colors.add(Palette.forKind(o.settings().kind()));
                LabFigure f = Figures.create(view);
                f.update(RunData.of(result), new ChartStyle(false, presenter ? 1.6 : 1.0, colors), width);
                if (!highlight.isEmpty()) fade(f.chart().getPlot(), labels, highlight);
                return new Figure(f.chart(), f::setCursor);
            }
            case DLN, ROUTING -> {
                JFreeChart c = SimplicityPlot.create(view);
                return new Figure(c, step -> {
                    SimplicityPlot.show(view, c, result, step);
                    if (!highlight.isEmpty()) fade(c.getPlot(), labels, highlight);
                });
            }
            default -> {
                List<CnnRunData> runs = CnnRunFolder.of(result, null);
                List<CnnFigureSet.Figure> all = new ArrayList<>(CnnFigureSet.build(runs.get(0), runs, Double.POSITIVE_INFINITY));
                all.addAll(CnnFigureSet.spectra(runs, null, Double.POSITIVE_INFINITY));
                for (CnnFigureSet.Figure f : all) {
                    if (!f.name().equals(view)) continue;
                    if (!highlight.isEmpty()) fade(f.chart().getPlot(), labels, highlight);
                    return new Figure(f.chart(), null);
                }
                throw new IllegalArgumentException("this CNN run has no figure '" + view + "'");
            }
        }
    }

    /** A chart of one view revealed up to {@code cursor} (the handout's figure). */
    public static JFreeChart chart(String view, RunResult result, double cursor, Set<String> highlight, boolean presenter) {
        Figure f = figure(view, result, highlight, presenter, Figures.WIDTH);
        if (f.reveal() != null) f.reveal().accept(cursor);
        return f.chart();
    }

    /** Fades the series whose key starts with an optimizer label that is not highlighted. */
    private static void fade(Plot plot, List<String> labels, Set<String> highlight) {
        if (plot instanceof CombinedDomainXYPlot c) {
            for (Object sub : c.getSubplots()) fade((Plot) sub, labels, highlight);
            return;
        }
        if (!(plot instanceof XYPlot xy)) return;
        Color background = plot.getBackgroundPaint() instanceof Color bg ? bg : Color.WHITE;
        for (int d = 0; d < xy.getDatasetCount(); d++) {
            XYDataset ds = xy.getDataset(d);
            XYItemRenderer r = xy.getRendererForDataset(ds);
            if (ds == null || !(r instanceof AbstractRenderer ar)) continue;
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                String first = ds.getSeriesKey(s).toString().split("[\\s#(]", 2)[0].toLowerCase(Locale.ROOT);
                if (!labels.contains(first) || highlight.contains(first)) continue;
                Paint p = ar.lookupSeriesPaint(s);
                if (p instanceof Color col) ar.setSeriesPaint(s, Palette.blend(background, col, FADED), false);
            }
        }
    }
}

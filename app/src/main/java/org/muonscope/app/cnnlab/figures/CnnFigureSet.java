package org.muonscope.app.cnnlab.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.SweepSummary;

/**
 * The figures of one view of the lab (a selected run, the runs compared with it, a cursor step) with the CSV of
 * each, keyed by file-name stem. The window, its export and {@code muonscope plot} all go through here.
 */
public final class CnnFigureSet {
    /** A figure and the data behind it. */
    public record Figure(String name, JFreeChart chart, String csv) { }

    private CnnFigureSet() { }

    /** Which panel the experiment slot shows for these runs. */
    public static String experimentPanel(CnnRunData selected, List<CnnRunData> compared) {
        if (selected != null && selected.hasGroups()) return "groups";
        if (compared.stream().anyMatch(CnnRunData::hasSpurious)) return "clean-vs-spurious";
        if (compared.stream().anyMatch(r -> r.minorityClasses().length > 0)) return "minority-accuracy";
        return "test-accuracy";
    }

    public static List<Figure> build(CnnRunData selected, List<CnnRunData> compared, double cursor) {
        List<Figure> out = new ArrayList<>();
        List<CnnRunData> runs = compared.isEmpty() && selected != null ? List.of(selected) : compared;
        if (selected != null) out.add(new Figure("class-accuracy", CnnFigures.classAccuracy(selected, cursor), classCsv(selected)));
        out.add(new Figure("balanced-worst", CnnFigures.balancedWorst(runs, cursor),
                perRunCsv(runs, "balanced_accuracy,worst_class_accuracy", p -> new double[] {p.balancedAccuracy(), p.worstClassAccuracy()})));
        out.add(new Figure("train-loss", CnnFigures.trainLoss(runs, cursor), perRunCsv(runs, "train_loss", p -> new double[] {p.trainLoss()})));
        switch (experimentPanel(selected, runs)) {
            case "groups" -> out.add(new Figure("groups", CnnFigures.groups(selected, cursor), groupCsv(selected)));
            case "clean-vs-spurious" -> out.add(new Figure("clean-vs-spurious", CnnFigures.cleanVsSpurious(runs, cursor),
                    perRunCsv(runs, "clean_accuracy,spurious_accuracy", p -> new double[] {p.cleanAccuracy(), p.spuriousAccuracy()})));
            case "minority-accuracy" -> out.add(new Figure("minority-accuracy", CnnFigures.minorityAccuracy(runs, cursor),
                    minorityCsv(runs)));
            default -> out.add(new Figure("test-accuracy", CnnFigures.testAccuracy(runs, cursor),
                    perRunCsv(runs, "test_accuracy", p -> new double[] {p.testAccuracy()})));
        }
        if (selected != null) {
            EvalPoint at = selected.nearest(cursor);
            if (at != null && at.confusion() == null) {
                // The engine reports per-class accuracy but no confusion matrix: the heat map at the cursor is then
                // runs x classes, which is what the matrix's diagonal would show, for every compared run at once.
                out.add(new Figure("class-heatmap", CnnMatrixFigures.classHeatmap(runs.contains(selected) ? runs : List.of(selected), cursor),
                        heatmapCsv(runs.contains(selected) ? runs : List.of(selected), cursor)));
            } else {
                out.add(new Figure("confusion", CnnMatrixFigures.confusion(selected, at), confusionCsv(selected, at)));
            }
            if (selected.info() != null) {
                out.add(new Figure("class-counts", CnnMatrixFigures.classCounts(selected.info().classNames(),
                        selected.info().trainCounts(), selected.minorityClasses(), "Training images per class — " + selected.experiment()),
                        countsCsv(selected)));
            }
        }
        return out;
    }

    /**
     * The spectral figures of the runs ({@code spectra} of {@code layer}, or of the default layer when null, and
     * {@code layer-rank}); none when no run recorded spectra (folders from before they were).
     */
    public static List<Figure> spectra(List<CnnRunData> runs, String layer, double cursor) {
        List<String> layers = CnnSpectraFigures.layers(runs);
        if (layers.isEmpty()) return List.of();
        String l = layer != null ? layer : CnnSpectraFigures.defaultLayer(layers);
        return List.of(new Figure("spectra", CnnSpectraFigures.spectra(runs, l, cursor), CnnSpectraFigures.spectraCsv(runs, l)),
                new Figure("layer-rank", CnnSpectraFigures.layerRank(runs, cursor), CnnSpectraFigures.layerRankCsv(runs)));
    }

    public static List<Figure> sweep(List<SweepSummary.Chart> charts) {
        List<Figure> out = new ArrayList<>();
        int i = 0;
        for (SweepSummary.Chart c : charts) {
            StringBuilder sb = new StringBuilder("series,x,y,min,max,seeds\n");
            for (SweepSummary.Series s : c.series()) {
                for (int j = 0; j < s.x().length; j++) {
                    sb.append(quote(s.name())).append(',').append(num(s.x()[j])).append(',').append(num(s.y()[j])).append(',')
                            .append(num(s.lo()[j])).append(',').append(num(s.hi()[j])).append(',').append(s.n()[j]).append('\n');
                }
            }
            out.add(new Figure("sweep-" + (++i), CnnMatrixFigures.sweep(c), sb.toString()));
        }
        return out;
    }

    static String classCsv(CnnRunData run) {
        StringBuilder sb = new StringBuilder("run,step,class,name,minority,accuracy\n");
        int[] minority = run.minorityClasses();
        for (EvalPoint p : run.history()) {
            for (int c = 0; c < p.classAccuracy().length; c++) {
                sb.append(quote(run.label())).append(',').append(p.step()).append(',').append(c).append(',')
                        .append(quote(run.className(c))).append(',').append(CnnFigures.contains(minority, c)).append(',')
                        .append(num(p.classAccuracy()[c])).append('\n');
            }
        }
        return sb.toString();
    }

    interface Values { double[] of(EvalPoint p); }

    static String perRunCsv(List<CnnRunData> runs, String columns, Values v) {
        StringBuilder sb = new StringBuilder("run,optimizer,step,epoch,images,seconds,").append(columns).append('\n');
        for (CnnRunData r : runs) {
            for (EvalPoint p : r.history()) {
                sb.append(quote(r.label())).append(',').append(r.optimizerKind()).append(',').append(p.step()).append(',')
                        .append(p.epoch()).append(',').append(p.images()).append(',').append(num(p.seconds()));
                for (double d : v.of(p)) sb.append(',').append(num(d));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String groupCsv(CnnRunData run) {
        StringBuilder sb = new StringBuilder("run,step,group,name,accuracy\n");
        for (EvalPoint p : run.history()) {
            for (int g = 0; g < p.groupAccuracy().length; g++) {
                String name = run.info() != null && g < run.info().groupNames().size() ? run.info().groupNames().get(g) : "group " + g;
                sb.append(quote(run.label())).append(',').append(p.step()).append(',').append(g).append(',').append(quote(name))
                        .append(',').append(num(p.groupAccuracy()[g])).append('\n');
            }
        }
        return sb.toString();
    }

    static String minorityCsv(List<CnnRunData> runs) {
        StringBuilder sb = new StringBuilder("run,optimizer,step,minority_accuracy,majority_accuracy\n");
        for (CnnRunData r : runs) {
            int[] minority = r.minorityClasses(), majority = CnnFigures.complement(minority, r.classes());
            for (EvalPoint p : r.history()) {
                sb.append(quote(r.label())).append(',').append(r.optimizerKind()).append(',').append(p.step()).append(',')
                        .append(num(p.meanAccuracy(minority))).append(',').append(num(p.meanAccuracy(majority))).append('\n');
            }
        }
        return sb.toString();
    }

    static String heatmapCsv(List<CnnRunData> runs, double cursor) {
        StringBuilder sb = new StringBuilder("run,step,class,name,accuracy\n");
        for (CnnRunData r : runs) {
            EvalPoint p = r.nearest(cursor);
            if (p == null) continue;
            for (int c = 0; c < p.classAccuracy().length; c++) {
                sb.append(quote(r.label())).append(',').append(p.step()).append(',').append(c).append(',')
                        .append(quote(r.className(c))).append(',').append(num(p.classAccuracy()[c])).append('\n');
            }
        }
        return sb.toString();
    }

    static String confusionCsv(CnnRunData run, EvalPoint p) {
        StringBuilder sb = new StringBuilder("run,step,true_class,predicted_class,count\n");
        if (p == null || p.confusion() == null) return sb.toString();
        for (int t = 0; t < p.confusion().length; t++) {
            for (int q = 0; q < p.confusion()[t].length; q++) {
                sb.append(quote(run.label())).append(',').append(p.step()).append(',').append(t).append(',').append(q).append(',')
                        .append(p.confusion()[t][q]).append('\n');
            }
        }
        return sb.toString();
    }

    static String countsCsv(CnnRunData run) {
        StringBuilder sb = new StringBuilder("class,name,train_images,minority\n");
        int[] counts = run.info().trainCounts();
        for (int c = 0; c < counts.length; c++) {
            sb.append(c).append(',').append(quote(run.className(c))).append(',').append(counts[c]).append(',')
                    .append(CnnFigures.contains(run.minorityClasses(), c)).append('\n');
        }
        return sb.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Name to figure, in build order. */
    public static Map<String, Figure> byName(List<Figure> figures) {
        Map<String, Figure> m = new LinkedHashMap<>();
        for (Figure f : figures) m.put(f.name(), f);
        return m;
    }
}

package org.muonscope.engine.simplicity;

import java.nio.file.Path;
import org.muonscope.engine.experiment.AtomicFiles;
import org.muonscope.engine.experiment.ResultsIO;
import org.muonscope.engine.experiment.Csv;
import org.muonscope.engine.experiment.RunProvenance;

/**
 * The result folders of {@code muonscope dln} and {@code muonscope routing} (README "Simplicity Lab"), written
 * with {@link AtomicFiles} in the project's {@link Csv} dialect.
 *
 * <ul>
 *   <li>dln: {@code singular_values.csv} ({@value #SINGULAR_HEADER}), {@code loss.csv} ({@value #LOSS_HEADER}),
 *       {@code oscillation.csv} ({@value #OSCILLATION_HEADER}), {@code spec.json}, {@code provenance.json}</li>
 *   <li>routing: {@code routing.csv} ({@value #ROUTING_HEADER}), {@code hidden_spectrum.csv}
 *       ({@value #SPECTRUM_HEADER}), {@code error_grid.csv} ({@value #GRID_HEADER}, the last record),
 *       {@code spec.json}, {@code provenance.json}</li>
 * </ul>
 */
public final class SimplicityFiles {
    public static final String SINGULAR_HEADER = "optimizer,step,k,sigma,theory";
    public static final String LOSS_HEADER = "optimizer,step,loss,effective_rank";
    public static final String OSCILLATION_HEADER = "optimizer,setting,lr,schedule,k,target,final_sigma,peak_to_peak";
    public static final String ROUTING_HEADER = "optimizer,step,seen_error,unseen_error,effective_rank";
    public static final String SPECTRUM_HEADER = "optimizer,step,index,singular_value";
    public static final String GRID_HEADER = "optimizer,step,input,output,trained,error";

    private SimplicityFiles() {
    }

    public static void write(DlnExperiment.Result r, Path dir, RunProvenance provenance) {
        StringBuilder sv = new StringBuilder(SINGULAR_HEADER).append('\n');
        StringBuilder loss = new StringBuilder(LOSS_HEADER).append('\n');
        StringBuilder osc = new StringBuilder(OSCILLATION_HEADER).append('\n');
        double[] s = r.targetSingularValues();
        for (DlnExperiment.Trace t : r.traces()) {
            String label = Csv.text(t.label());
            for (DlnExperiment.Point p : t.points()) {
                for (int k = 0; k < p.sigma().length; k++) {
                    sv.append(label).append(',').append(p.step()).append(',').append(k + 1).append(',')
                            .append(Csv.num(p.sigma()[k])).append(',').append(Csv.num(p.theory()[k])).append('\n');
                }
                loss.append(label).append(',').append(p.step()).append(',').append(Csv.num(p.loss())).append(',')
                        .append(Csv.num(p.effectiveRank())).append('\n');
            }
            double[] last = t.points().isEmpty() ? new double[0] : t.points().get(t.points().size() - 1).sigma();
            for (int k = 0; k < t.oscillation().length; k++) {
                osc.append(label).append(',').append(Csv.text(t.optimizer().toText())).append(',')
                        .append(Csv.num(t.optimizer().lr())).append(',').append(r.spec().schedule().toText()).append(',')
                        .append(k + 1).append(',').append(Csv.num(s[k])).append(',')
                        .append(Csv.num(k < last.length ? last[k] : Double.NaN)).append(',')
                        .append(Csv.num(t.oscillation()[k])).append('\n');
            }
        }
        AtomicFiles.write(dir.resolve("singular_values.csv"), sv.toString());
        AtomicFiles.write(dir.resolve("loss.csv"), loss.toString());
        AtomicFiles.write(dir.resolve("oscillation.csv"), osc.toString());
        AtomicFiles.write(dir.resolve("spec.json"), SimplicityJson.toJson(r.spec()));
        AtomicFiles.write(dir.resolve("provenance.json"), ResultsIO.provenanceJson(provenance));
    }

    public static void write(RoutingExperiment.Result r, Path dir, RunProvenance provenance) {
        StringBuilder rows = new StringBuilder(ROUTING_HEADER).append('\n');
        StringBuilder spec = new StringBuilder(SPECTRUM_HEADER).append('\n');
        StringBuilder grid = new StringBuilder(GRID_HEADER).append('\n');
        for (RoutingExperiment.Trace t : r.traces()) {
            String label = Csv.text(t.label());
            for (RoutingExperiment.Point p : t.points()) {
                rows.append(label).append(',').append(p.step()).append(',').append(Csv.num(p.seenError())).append(',')
                        .append(Csv.num(p.unseenError())).append(',').append(Csv.num(p.effectiveRank())).append('\n');
                for (int i = 0; i < p.hiddenSpectrum().length; i++) {
                    spec.append(label).append(',').append(p.step()).append(',').append(i + 1).append(',')
                            .append(Csv.num(p.hiddenSpectrum()[i])).append('\n');
                }
            }
            if (!t.points().isEmpty()) {
                RoutingExperiment.Point p = t.last();
                int m = p.errorGrid().length;
                for (int j = 0; j < m; j++) {
                    for (int o = 0; o < m; o++) {
                        boolean trained = o == j || o == (j + 1) % m;
                        grid.append(label).append(',').append(p.step()).append(',').append(j + 1).append(',').append(o + 1)
                                .append(',').append(trained).append(',').append(Csv.num(p.errorGrid()[j][o])).append('\n');
                    }
                }
            }
        }
        AtomicFiles.write(dir.resolve("routing.csv"), rows.toString());
        AtomicFiles.write(dir.resolve("hidden_spectrum.csv"), spec.toString());
        AtomicFiles.write(dir.resolve("error_grid.csv"), grid.toString());
        AtomicFiles.write(dir.resolve("spec.json"), SimplicityJson.toJson(r.spec()));
        AtomicFiles.write(dir.resolve("provenance.json"), ResultsIO.provenanceJson(provenance));
    }

}

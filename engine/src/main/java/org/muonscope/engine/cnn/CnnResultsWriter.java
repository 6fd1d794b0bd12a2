package org.muonscope.engine.cnn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Map;
import org.muonscope.engine.experiment.AtomicFiles;
import org.muonscope.engine.experiment.ResultsIO;
import org.muonscope.engine.experiment.Csv;
import org.muonscope.engine.experiment.RunProvenance;

/**
 * Writes a CNN run's folder, each file atomically: {@code metrics.csv}
 * ({@code optimizer,step,epoch,images,seconds,train_loss,test_accuracy,balanced_accuracy,worst_class_accuracy}
 * plus {@code clean_accuracy,spurious_accuracy} with the spurious pixel or {@code worst_group_accuracy} with
 * groups), {@code class_accuracy.csv} ({@code optimizer,step,class,accuracy}), {@code group_accuracy.csv}
 * when there are groups, {@code confusion.csv} ({@code optimizer,step,true,predicted,count}: every cell of the
 * clean test set's confusion matrix at every evaluation, so a figure can show it at any step),
 * {@code spec.json}, {@code provenance.json}, {@code summary.csv} (status and
 * throughput per optimizer).
 */
public final class CnnResultsWriter {
    private CnnResultsWriter() { }

    public static void write(CnnResult r, Path dir) {
        boolean spurious = r.spec().spuriousPixel() > 0, groups = r.spec().isColored();
        StringBuilder m = new StringBuilder("optimizer,step,epoch,images,seconds,train_loss,test_accuracy,"
                + "balanced_accuracy,worst_class_accuracy");
        if (spurious) m.append(",clean_accuracy,spurious_accuracy");
        if (groups) m.append(",worst_group_accuracy");
        m.append('\n');
        StringBuilder c = new StringBuilder("optimizer,step,class,accuracy\n");
        StringBuilder g = new StringBuilder("optimizer,step,group,accuracy\n");
        StringBuilder cm = new StringBuilder("optimizer,step,true,predicted,count\n");
        StringBuilder s = new StringBuilder("optimizer,status,message,steps,images,seconds,images_per_second,"
                + "final_test_accuracy\n");
        for (CnnOptimizerResult o : r.optimizers()) {
            for (CnnEval e : o.evals()) {
                m.append(Csv.text(e.optimizer())).append(',').append(e.step()).append(',').append(e.epoch()).append(',')
                        .append(e.images()).append(',').append(Csv.num(e.seconds())).append(',')
                        .append(Csv.num(e.trainLoss())).append(',').append(Csv.num(e.testAccuracy())).append(',')
                        .append(Csv.num(e.balancedAccuracy())).append(',').append(Csv.num(e.worstClassAccuracy()));
                if (spurious) m.append(',').append(Csv.num(e.cleanAccuracy())).append(',').append(Csv.num(e.spuriousAccuracy()));
                if (groups) m.append(',').append(Csv.num(e.worstGroupAccuracy()));
                m.append('\n');
                for (int k = 0; k < e.classAccuracy().length; k++) {
                    c.append(Csv.text(e.optimizer())).append(',').append(e.step()).append(',').append(k).append(',')
                            .append(Csv.num(e.classAccuracy()[k])).append('\n');
                }
                if (e.confusion() != null) {
                    for (int t = 0; t < e.confusion().length; t++) {
                        for (int q = 0; q < e.confusion()[t].length; q++) {
                            cm.append(Csv.text(e.optimizer())).append(',').append(e.step()).append(',').append(t)
                                    .append(',').append(q).append(',').append(e.confusion()[t][q]).append('\n');
                        }
                    }
                }
                if (e.groupAccuracy() != null) {
                    for (int k = 0; k < e.groupAccuracy().length; k++) {
                        g.append(Csv.text(e.optimizer())).append(',').append(e.step()).append(',')
                                .append(Csv.text(e.groupNames().get(k))).append(',')
                                .append(Csv.num(e.groupAccuracy()[k])).append('\n');
                    }
                }
            }
            CnnEval last = o.last();
            s.append(Csv.text(o.label())).append(',').append(o.status()).append(',').append(Csv.text(o.message()))
                    .append(',').append(o.steps()).append(',').append(o.images()).append(',').append(Csv.num(o.seconds()))
                    .append(',').append(Csv.num(o.imagesPerSecond())).append(',')
                    .append(Csv.num(last == null ? Double.NaN : last.testAccuracy())).append('\n');
        }
        AtomicFiles.write(dir.resolve("metrics.csv"), m.toString());
        AtomicFiles.write(dir.resolve("class_accuracy.csv"), c.toString());
        if (groups) AtomicFiles.write(dir.resolve("group_accuracy.csv"), g.toString());
        AtomicFiles.write(dir.resolve("confusion.csv"), cm.toString());
        AtomicFiles.write(dir.resolve("summary.csv"), s.toString());
        Map<String, Object> spec = r.spec().toMap();
        spec.put("data_source", r.dataSource());
        AtomicFiles.write(dir.resolve("spec.json"), json(spec));
        AtomicFiles.write(dir.resolve("provenance.json"), ResultsIO.provenanceJson(r.provenance()));
    }


    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

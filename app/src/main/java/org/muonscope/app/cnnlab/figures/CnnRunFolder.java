package org.muonscope.app.cnnlab.figures;

import org.muonscope.app.cnnlab.EngineBackend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunInfo;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.experiments.cnn.CnnFields;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;

/**
 * A CNN run folder (as {@code muonscope cnn} or the CNN Lab writes it) read with the engine's one results reader,
 * as one {@link CnnRunData} per optimizer. A folder the CNN Lab made also has {@code lab-run.json}, whose class names
 * and counts mark the minority classes; a command-line folder's {@code classes.csv} gives the counts.
 */
public final class CnnRunFolder {
    private CnnRunFolder() { }

    /** True when {@code dir} is a CNN results folder. */
    public static boolean isCnnRun(Path dir) {
        return Files.isRegularFile(dir.resolve("spec.json")) && Experiments.holds(dir, ExperimentKind.CNN);
    }

    public static List<CnnRunData> read(Path dir) throws IOException {
        if (!isCnnRun(dir)) throw new SpecException("run", dir + " is not a CNN results folder");
        RunResult r = Experiments.read(dir);
        RunInfo info = null;
        if (Files.isRegularFile(dir.resolve("lab-run.json"))) {
            ObjectMapper json = new ObjectMapper();
            JsonNode lab = json.readTree(dir.resolve("lab-run.json").toFile());
            if (lab.hasNonNull("info")) info = json.treeToValue(lab.get("info"), RunInfo.class);
        }
        return of(r, info);
    }

    /**
     * A CNN run as the figures read it, one entry per optimizer.
     *
     * @param labInfo class names and counts the CNN Lab recorded; null to take the counts from the run's info
     */
    public static List<CnnRunData> of(RunResult r, RunInfo labInfo) {
        CnnSpec spec = (CnnSpec) r.spec();
        RunInfo info = labInfo;
        String[] groups = r.info().texts(CnnFields.GROUPS);
        double[] counts = r.info().vector(CnnFields.CLASS_COUNTS);
        if (info == null && groups == null && counts != null) {
            int[] n = new int[counts.length];
            for (int c = 0; c < n.length; c++) n[c] = (int) counts[c];
            String source = r.info().text(CnnFields.DATA_SOURCE);
            // a folder keeps no data source, but its spec names the data
            info = new RunInfo(EngineBackend.classNames(source != null ? source : spec.data(), n.length, false), n, List.of(),
                    totalSteps(spec, counts));
        }
        if (info == null && groups != null) info = new RunInfo(List.of("0", "1"), new int[] {1, 1}, List.of(groups), totalSteps(spec, counts));
        // the layers' names live in the folder (spectra.csv); a lab-run.json written before the spectra lacks them
        String[] layers = r.info().texts(CnnFields.LAYERS);
        if (info != null && layers != null && info.layers().isEmpty()) info = info.withLayers(List.of(layers));
        List<CnnRunData> out = new ArrayList<>();
        for (OptimizerResult o : r.optimizers()) {
            List<EvalPoint> points = new ArrayList<>();
            for (Record rec : o.records()) points.add(EvalPoint.of(rec));
            out.add(new CnnRunData(o.label(), o.settings().kind().id(), experimentLabel(spec), info, points));
        }
        return out;
    }

    /**
     * The steps the whole run takes, as the engine's CNN lane counts them: every epoch is one step per batch of the
     * training images after the transforms (the last batch may be short); 0 when the counts are unknown. A sweep's
     * "share of training" needs it for folders without the lab's {@code lab-run.json}.
     */
    static long totalSteps(CnnSpec spec, double[] counts) {
        if (counts == null) return 0;
        long n = 0;
        for (double c : counts) n += (long) c;
        return (n + spec.batch() - 1) / spec.batch() * spec.epochs();
    }

    static String experimentLabel(CnnSpec spec) {
        if (spec == null) return "";
        String imb = spec.imbalance();
        if (!imb.equals("none")) return imb.replace("step:", "step R=").replace("longtail:", "long-tail R=");
        if (spec.spuriousPixel() > 0) return "pixel I=" + Csv.num(spec.spuriousPixel());
        if (spec.hasColors()) return "colored " + Csv.num(spec.colored());
        return "plain";
    }
}

package org.muonscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiment.RunProvenance;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.simplicity.DlnExperiment;
import org.muonscope.engine.simplicity.DlnSpec;
import org.muonscope.engine.simplicity.SimplicityFiles;
import org.muonscope.engine.simplicity.SimplicityJson;
import org.muonscope.engine.optim.StepSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope dln}: deep linear regression, the singular values of the product over time for each optimizer
 * beside the closed forms. Options override {@code --spec FILE.json}, which overrides Figure 1's defaults.
 */
@Command(name = "dln", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deep linear regression (simplicity bias, Figure 1): singular values of the product over time "
                + "beside the GD sigmoid and SpecGD's min((eta t)^L, s_k); loss, effective rank, oscillation.")
public final class DlnCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--dim", paramLabel = "D", description = "input = output dimension (default 2)")
    Integer dim;
    @Option(names = "--singular-values", paramLabel = "s1,..,sD|random",
            description = "singular values of A (default 2,0.5); 'random' draws A with standard-normal entries")
    String singularValues;
    @Option(names = "--depth", paramLabel = "L", description = "number of factors (default 2)")
    Integer depth;
    @Option(names = "--hidden", paramLabel = "H", description = "hidden width (default 100)")
    Integer hidden;
    @Option(names = "--init", paramLabel = "DELTA", description = "init scale (default 1e-3): entry std, or each factor's singular value with --aligned")
    Double init;
    @Option(names = "--aligned", negatable = true, description = "balanced init along A's singular vectors (the closed forms' regime)")
    Boolean aligned;
    @Option(names = "--noise", paramLabel = "S", description = "label noise std; moves only the loss floor (default 0)")
    Double noise;
    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default 1500)")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", description = "a record every E steps (default 5)")
    Integer every;
    @Option(names = "--seed", paramLabel = "N", description = "master seed (default 1)")
    Long seed;
    @Option(names = "--schedule", paramLabel = "constant|linear|cosine[:min=F]", description = "step-size schedule (default constant)")
    String schedule;
    @Option(names = "--optimizer", paramLabel = "NAME[:key=val,...]",
            description = "repeatable (default gd:lr=0.01 and specgd:lr=0.01); names: gd ngd signgd signum specgd muon adam shampoo")
    List<String> optimizers = new ArrayList<>();
    @Option(names = "--spec", paramLabel = "FILE.json", description = "start from a saved spec or preset (e.g. assets/presets/simplicity-figure1.json)")
    Path specFile;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the result files")
    Path out;

    @Override
    public Integer call() throws IOException {
        DlnSpec spec = spec();
        DlnExperiment.Result r = DlnExperiment.run(spec);
        SimplicityFiles.write(r, out, RunProvenance.capture(spec.seed(), "muonscope dln"));
        PrintWriter w = commandSpec.commandLine().getOut();
        double[] s = r.targetSingularValues();
        for (DlnExperiment.Trace t : r.traces()) {
            double[] last = t.points().get(t.points().size() - 1).sigma();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s", t.label()));
            for (int k = 0; k < s.length && k < 8; k++) {
                sb.append(String.format(Locale.ROOT, "  s%d=%.3g sigma=%.4g osc=%.3g", k + 1, s[k], last[k], t.oscillation()[k]));
            }
            if (t.message() != null) sb.append("  (").append(t.message()).append(')');
            w.println(sb);
        }
        w.println("wrote " + out.resolve("singular_values.csv") + " and loss.csv, oscillation.csv, spec.json, provenance.json");
        return allCompleted(r) ? 0 : 1;
    }

    private static boolean allCompleted(DlnExperiment.Result r) {
        return r.traces().stream().allMatch(x -> x.message() == null);
    }

    DlnSpec spec() throws IOException {
        DlnSpec base = specFile == null ? DlnSpec.figure1()
                : SimplicityJson.parseDln(Files.readString(specFile, StandardCharsets.UTF_8));
        int d = dim != null ? dim : base.dim();
        double[] sv = base.singularValues();
        if (singularValues != null) {
            sv = singularValues.trim().equalsIgnoreCase("random") ? null : parseList(singularValues, "singular-values");
        } else if (dim != null && sv != null && sv.length != d) {
            throw new SpecException("singular-values", "--dim " + d + " needs --singular-values with " + d + " values (or 'random')");
        }
        List<OptimizerSettings> opts = base.optimizers();
        if (!optimizers.isEmpty()) opts = optimizers.stream().map(OptimizerSettings::parse).toList();
        return new DlnSpec(d, sv, depth != null ? depth : base.depth(), hidden != null ? hidden : base.hidden(),
                init != null ? init : base.init(), aligned != null ? aligned : base.aligned(),
                noise != null ? noise : base.noise(), steps != null ? steps : base.steps(),
                every != null ? every : base.every(), seed != null ? seed : base.seed(),
                schedule != null ? StepSchedule.parse(schedule) : base.schedule(), opts);
    }

    static double[] parseList(String text, String field) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new SpecException(field, "expected comma-separated numbers, got '" + parts[i].trim() + "'");
            }
        }
        return v;
    }
}

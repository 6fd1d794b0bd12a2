package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.muonscope.engine.experiments.dln.DlnFields;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope dln}: deep linear regression, the singular values of the product over time for each optimizer
 * beside the closed forms. Options override {@code --spec FILE.json}, which overrides Figure 1's defaults.
 */
@Command(name = "dln", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SpecDefaults.class,
        description = "Deep linear regression (simplicity bias, Figure 1): singular values of the product over time "
                + "beside the GD sigmoid and SpecGD's min((eta t)^L, s_k); loss, effective rank, oscillation.")
public final class DlnCommand extends RunCommand {
    @Option(names = "--dim", paramLabel = "D", descriptionKey = "dim", description = "input = output dimension (default ${DEFAULT-VALUE})")
    Integer dim;
    @Option(names = "--singular-values", paramLabel = "s1,..,sD|random",
            description = "singular values of A (default 2,0.5); 'random' draws A with standard-normal entries")
    String singularValues;
    @Option(names = "--depth", paramLabel = "L", descriptionKey = "depth", description = "number of factors (default ${DEFAULT-VALUE})")
    Integer depth;
    @Option(names = "--hidden", paramLabel = "H", descriptionKey = "hidden", description = "hidden width (default ${DEFAULT-VALUE})")
    Integer hidden;
    @Option(names = "--init", paramLabel = "DELTA", descriptionKey = "init",
            description = "init scale (default ${DEFAULT-VALUE}): entry std, or each factor's singular value with --aligned")
    Double init;
    @Option(names = "--aligned", negatable = true, descriptionKey = "aligned",
            description = "balanced init along A's singular vectors (the closed forms' regime)")
    Boolean aligned;
    @Option(names = "--noise", paramLabel = "S", descriptionKey = "noise", description = "label noise std; moves only the loss floor (default ${DEFAULT-VALUE})")
    Double noise;
    @Option(names = "--steps", paramLabel = "T", descriptionKey = "steps", description = "optimizer steps (default ${DEFAULT-VALUE})")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", descriptionKey = "every", description = "a record every E steps (default ${DEFAULT-VALUE})")
    Integer every;
    @Option(names = "--schedule", paramLabel = "constant|linear|cosine[:min=F]", descriptionKey = "schedule",
            description = "step-size schedule (default ${DEFAULT-VALUE})")
    String schedule;

    @Override
    ExperimentKind kind() {
        return ExperimentKind.DLN;
    }

    @Override
    void extraChanges(Spec base, Map<String, JsonNode> changes) {
        if (given("--singular-values")) {
            if (singularValues.trim().equalsIgnoreCase("random")) {
                changes.put("singularValues", JsonNodeFactory.instance.nullNode());
            } else {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (double v : parseList(singularValues, "singular-values")) a.add(v);
                changes.put("singularValues", a);
            }
        } else if (given("--dim")) {
            double[] sv = ((org.muonscope.engine.spec.DlnSpec) base).singularValues();
            if (sv != null && sv.length != dim) {
                throw bad("singular-values", "--dim " + dim + " needs --singular-values with " + dim + " values (or 'random')");
            }
        }
    }

    static double[] parseList(String text, String field) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(field, "expected comma-separated numbers, got '" + parts[i].trim() + "'");
            }
        }
        return v;
    }

    @Override
    void printSummary(RunResult r, PrintWriter w) {
        double[] s = r.info().vector(DlnFields.TARGET);
        for (OptimizerResult t : r.optimizers()) {
            double[] last = t.summary().vector(DlnFields.FINAL_SIGMA);
            double[] osc = t.summary().vector(DlnFields.PEAK_TO_PEAK);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s", t.label()));
            for (int k = 0; k < s.length && k < 8; k++) {
                sb.append(String.format(Locale.ROOT, "  s%d=%.3g sigma=%.4g osc=%.3g", k + 1, s[k],
                        last != null && k < last.length ? last[k] : Double.NaN, osc != null ? osc[k] : Double.NaN));
            }
            if (t.message() != null) sb.append("  (").append(t.message()).append(')');
            w.println(sb);
        }
    }
}

package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.spec.TheorySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope theory}: one Theory-Lab run without the window. Options given on the command line override
 * {@code --spec FILE.json}, which overrides the defaults of the lab's default scenario. Changing the number of classes
 * without {@code --dim} gives one dimension per class; changing the depth without {@code --init} takes the usual init
 * of that depth ({@code W = 0} at depth 1, {@value TheorySpec#DEEP_INIT} deeper).
 */
@Command(name = "theory", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SpecDefaults.class,
        description = "Train optimizers side by side on the Gaussian-mixture linear model and write the "
                + "trajectories, metrics, saturation steps and final weights to --out.")
public final class TheoryCommand extends RunCommand {
    @Option(names = "--classes", paramLabel = "K", description = "number of classes, 2-" + TheorySpec.MAX_CLASSES
            + " (uniform priors unless --priors)")
    Integer classes;
    @Option(names = "--priors", paramLabel = "p1,..,pK", description = "class priors; rescaled to sum to 1 (default 0.7,0.2,0.1)")
    String priors;
    @Option(names = "--mu", paramLabel = "M", descriptionKey = "mu", description = "mean scale (default ${DEFAULT-VALUE})")
    Double mu;
    @Option(names = "--sigma", paramLabel = "S", descriptionKey = "sigma", description = "noise scale (default ${DEFAULT-VALUE})")
    Double sigma;
    @Option(names = "--snr", paramLabel = "R", description = "mu^2 / sigma^2, instead of --sigma")
    Double snr;
    @Option(names = "--dim", paramLabel = "D", descriptionKey = "dim", description = "input dimension, K to " + TheorySpec.MAX_DIM + " (default K)")
    Integer dim;
    @Option(names = "--depth", paramLabel = "L", descriptionKey = "depth", description = "number of factors, 1-16 (default ${DEFAULT-VALUE})")
    Integer depth;
    @Option(names = "--hidden", paramLabel = "H", descriptionKey = "hidden", description = "hidden width of a deep model (default D)")
    Integer hidden;
    @Option(names = "--init", paramLabel = "DELTA", descriptionKey = "init",
            description = "init scale; 0 with depth 1 starts from W = 0 (default 0, " + TheorySpec.DEEP_INIT + " when deep)")
    Double init;
    @Option(names = "--basis", paramLabel = "axis|rotated", description = "class means along the axes or a random orthogonal basis (default axis)")
    String basis;
    @Option(names = "--overlap", paramLabel = "RHO", descriptionKey = "overlap", description = "mean overlap in [0, 1) (default ${DEFAULT-VALUE})")
    Double overlap;
    @Option(names = "--mode", paramLabel = "population|sample:N|batch:N:B", descriptionKey = "mode",
            description = "where the moments come from (default ${DEFAULT-VALUE})")
    String mode;
    @Option(names = "--steps", paramLabel = "T", descriptionKey = "steps", description = "optimizer steps (default ${DEFAULT-VALUE})")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", descriptionKey = "every", description = "metrics every E steps (default ${DEFAULT-VALUE})")
    Integer every;

    @Override
    ExperimentKind kind() {
        return ExperimentKind.THEORY;
    }

    @Override
    public Integer call() {
        if (given("--priors") && TheorySpec.needsNormalizing(parsePriors(priors))) {
            TheorySpec spec = (TheorySpec) buildSpec();
            commandSpec.commandLine().getErr().println("muonscope theory: note: the priors did not sum to 1; normalized to "
                    + Arrays.stream(spec.priors()).mapToObj(p -> String.format(Locale.ROOT, "%.6g", p))
                    .collect(Collectors.joining(",")));
        }
        return super.call();
    }

    @Override
    void extraChanges(Spec spec, Map<String, JsonNode> changes) {
        TheorySpec base = (TheorySpec) spec;
        double[] p = base.priors();
        if (given("--priors")) {
            p = parsePriors(priors);
            if (given("--classes") && classes != p.length) {
                throw bad("priors", "--classes is " + classes + " but " + p.length + " priors are given");
            }
        } else if (given("--classes")) {
            if (classes < 2) throw bad("classes", "need at least 2 classes, got " + classes);
            if (classes > TheorySpec.MAX_CLASSES) throw bad("classes", "at most " + TheorySpec.MAX_CLASSES + " classes, got " + classes);
            if (classes != base.classes()) {
                p = new double[classes];
                Arrays.fill(p, 1.0 / classes);
            }
        }
        if (p != base.priors()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (double v : p) a.add(v);
            changes.put("priors", a);
        }
        int k = p.length;
        if (given("--snr")) {
            if (given("--sigma")) throw bad("snr", "give either --sigma or --snr, not both");
            if (!(snr > 0) || Double.isInfinite(snr)) throw bad("snr", "must be a positive number, got " + snr);
            changes.put("sigma", number((given("--mu") ? mu : base.mu()) / Math.sqrt(snr)));
        }
        if (given("--basis")) {
            String b = basis.strip().toLowerCase(Locale.ROOT);
            if (!b.equals("axis") && !b.equals("rotated")) throw bad("basis", "expected axis or rotated, got '" + basis + "'");
            changes.put("rotated", BooleanNode.valueOf(b.equals("rotated")));
        }
        int d = given("--dim") ? dim : (k == base.classes() && run.spec != null ? base.dim() : k);
        if (!given("--dim")) changes.put("dim", JsonNodeFactory.instance.numberNode(d));
        if (!given("--hidden")) {
            int h = run.spec != null && base.depth() > 1 && !given("--dim") ? base.hidden() : d;
            changes.put("hidden", JsonNodeFactory.instance.numberNode(h));
        }
        if (!given("--init")) {
            int depthL = given("--depth") ? depth : base.depth();
            changes.put("init", number(depthL == base.depth() ? base.init() : depthL > 1 ? TheorySpec.DEEP_INIT : 0.0));
        }
    }

    static double[] parsePriors(String text) {
        String[] parts = text.split(",", -1);
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException ex) {
                throw bad("priors", "entry " + (i + 1) + " is not a number: '" + parts[i].strip() + "'");
            }
        }
        return p;
    }

    @Override
    void printSummary(RunResult r, PrintWriter out) {
        int k = ((TheorySpec) r.spec()).classes();
        out.printf(Locale.ROOT, "%-10s %-9s %10s %10s %10s  %s%n", "optimizer", "status", "loss", "bal.acc", "worst.acc",
                "t90 per class (measured/theory)");
        for (OptimizerResult o : r.optimizers()) {
            Record last = o.last();
            Values v = last == null ? Values.EMPTY : last.values();
            double[] measured = o.summary().vector(TheoryFields.T90_MEASURED);
            double[] theory = o.summary().vector(TheoryFields.T90_THEORY);
            StringBuilder t90 = new StringBuilder();
            for (int c = 0; c < k; c++) {
                if (c > 0) t90.append("  ");
                double m = measured == null ? Double.NaN : measured[c];
                double th = theory == null || c >= theory.length ? Double.NaN : theory[c];
                t90.append(Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.0f", m)).append('/');
                t90.append(Double.isNaN(th) ? "-" : Double.isInfinite(th) ? "never" : String.format(Locale.ROOT, "%.0f", th));
            }
            out.printf(Locale.ROOT, "%-10s %-9s %10.4g %10.4f %10.4f  %s%n", o.label(), o.status().name().toLowerCase(Locale.ROOT),
                    v.scalar(TheoryFields.LOSS), v.scalar(TheoryFields.BALANCED_ACCURACY),
                    v.scalar(TheoryFields.WORST_CLASS_ACCURACY), t90);
            if (o.message() != null) out.println("           " + o.message());
        }
    }
}

package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.routing.RoutingFields;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code muonscope routing}: the routing task (Figure 2): error on seen and unseen (input, output) pairs over time
 * and the spectrum of the shared hidden layer. Options override {@code --spec FILE.json}, which overrides the
 * defaults.
 */
@Command(name = "routing", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SpecDefaults.class,
        description = "Routing task (simplicity bias, Figure 2): 7 domains, shared 64x64 hidden layer, trained on "
                + "pairs (j,j) and (j,j+1); seen/unseen error and the hidden layer's spectrum over time.")
public final class RoutingCommand extends RunCommand {
    static final String SEEDS_HEADER = "optimizer,seed,seen_error,unseen_error,effective_rank,rank_above_10pct";

    @Option(names = "--width", paramLabel = "H", descriptionKey = "width", description = "hidden width (default ${DEFAULT-VALUE})")
    Integer width;
    @Option(names = "--init", paramLabel = "STD", descriptionKey = "init", description = "std of every initial weight (default ${DEFAULT-VALUE})")
    Double init;
    @Option(names = "--steps", paramLabel = "T", descriptionKey = "steps", description = "optimizer steps (default ${DEFAULT-VALUE})")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", descriptionKey = "every", description = "a record every E steps (default ${DEFAULT-VALUE})")
    Integer every;
    @Option(names = "--seeds", paramLabel = "A-B", description = "run every seed from A to B (each in DIR/seed-N) and write DIR/seeds.csv")
    String seeds;
    @Option(names = "--full-batch", negatable = true, descriptionKey = "fullBatch",
            description = "every number of every trained pair per batch (default: one random number per pair, the paper's)")
    Boolean fullBatch;
    @Option(names = "--schedule", paramLabel = "constant|linear|cosine[:min=F]", descriptionKey = "schedule",
            description = "step-size schedule (default ${DEFAULT-VALUE})")
    String schedule;

    @Override
    ExperimentKind kind() {
        return ExperimentKind.ROUTING;
    }

    @Override
    public Integer call() {
        if (seeds == null) return super.call();
        long[] ab = seedRange(seeds);
        Spec spec = buildSpec();
        PrintWriter w = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        Csv.Writer csv = Csv.writer(List.of(SEEDS_HEADER.split(",")));
        java.nio.file.Path out = run.out;
        int code = MuonscopeCommand.EXIT_OK;
        for (long seed = ab[0]; seed <= ab[1]; seed++) {
            RunResult r = runAndWrite(spec.withSeed(seed), err, out.resolve("seed-" + seed));
            for (OptimizerResult t : r.optimizers()) {
                Record p = t.last();
                if (p == null) continue;
                double[] sv = p.values().vector(RoutingFields.HIDDEN_SPECTRUM);
                int rank = Spectra.thresholdRank(sv, 0.1);
                csv.row(List.of(t.label(), Long.toString(seed), Csv.num(p.values().scalar(RoutingFields.SEEN_ERROR)),
                        Csv.num(p.values().scalar(RoutingFields.UNSEEN_ERROR)),
                        Csv.num(p.values().scalar(RoutingFields.EFFECTIVE_RANK)), Integer.toString(rank)));
                w.println(String.format(Locale.ROOT, "seed %-4d %-10s seen %.4f  unseen %.4f  effective rank %.2f  rank(>10%%) %d",
                        seed, t.label(), p.values().scalar(RoutingFields.SEEN_ERROR),
                        p.values().scalar(RoutingFields.UNSEEN_ERROR), p.values().scalar(RoutingFields.EFFECTIVE_RANK), rank));
            }
            code = Math.max(code, exitCode(r, err));
            if (r.cancelled()) break;
        }
        csv.write(out.resolve("seeds.csv"));
        w.println("wrote " + out.resolve("seeds.csv") + " and one folder per seed");
        return code;
    }

    static long[] seedRange(String text) {
        String[] ab = text.trim().split("-");
        long a;
        long b;
        try {
            a = Long.parseLong(ab[0].trim());
            b = ab.length == 2 ? Long.parseLong(ab[1].trim()) : a;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new SpecException("seeds", "expected A-B, got '" + text + "'");
        }
        if (ab.length > 2 || b < a || b - a > 999) {
            throw new SpecException("seeds", "expected A-B with A <= B, at most 1000 seeds, got '" + text + "'");
        }
        return new long[] {a, b};
    }

    @Override
    void printSummary(RunResult r, PrintWriter w) {
        for (OptimizerResult t : r.optimizers()) {
            Record p = t.last();
            if (p == null) {
                w.println(String.format(Locale.ROOT, "%-10s %s", t.label(), t.message()));
                continue;
            }
            w.println(String.format(Locale.ROOT, "%-10s step %d  seen %.4f  unseen %.4f  effective rank %.2f  rank(>10%%) %d%s",
                    t.label(), p.step(), p.values().scalar(RoutingFields.SEEN_ERROR), p.values().scalar(RoutingFields.UNSEEN_ERROR),
                    p.values().scalar(RoutingFields.EFFECTIVE_RANK),
                    Spectra.thresholdRank(p.values().vector(RoutingFields.HIDDEN_SPECTRUM), 0.1),
                    t.status() == Status.COMPLETED ? "" : "  (" + t.message() + ")"));
        }
    }
}

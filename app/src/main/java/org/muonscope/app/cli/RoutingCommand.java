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
import org.muonscope.engine.experiment.RunProvenance;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.simplicity.RoutingExperiment;
import org.muonscope.engine.simplicity.RoutingSpec;
import org.muonscope.engine.simplicity.SimplicityFiles;
import org.muonscope.engine.simplicity.SimplicityJson;
import org.muonscope.engine.simplicity.Spectra;
import org.muonscope.engine.optim.StepSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope routing}: the routing task (Figure 2): error on seen and unseen (input, output) pairs over time
 * and the spectrum of the shared hidden layer. Options override {@code --spec FILE.json}, which overrides the
 * defaults of {@link SimplicityJson#routingDefaults()}.
 */
@Command(name = "routing", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Routing task (simplicity bias, Figure 2): 7 domains, shared 64x64 hidden layer, trained on "
                + "pairs (j,j) and (j,j+1); seen/unseen error and the hidden layer's spectrum over time.")
public final class RoutingCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--width", paramLabel = "H", description = "hidden width (default 64)")
    Integer width;
    @Option(names = "--init", paramLabel = "STD", description = "std of every initial weight (default 1e-3)")
    Double init;
    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default 3000)")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", description = "a record every E steps (default 50)")
    Integer every;
    @Option(names = "--seed", paramLabel = "N", description = "master seed: codes, init, batches (default 1)")
    Long seed;
    @Option(names = "--seeds", paramLabel = "A-B", description = "run every seed from A to B (each in DIR/seed-N) and write DIR/seeds.csv")
    String seeds;
    @Option(names = "--full-batch", negatable = true, description = "every number of every trained pair per batch (default: one random number per pair, the paper's)")
    Boolean fullBatch;
    @Option(names = "--schedule", paramLabel = "constant|linear|cosine[:min=F]", description = "step-size schedule (default constant)")
    String schedule;
    @Option(names = "--optimizer", paramLabel = "NAME[:key=val,...]",
            description = "repeatable (default gd:lr=2 and specgd:lr=0.01); names: gd ngd signgd signum specgd muon adam shampoo")
    List<String> optimizers = new ArrayList<>();
    @Option(names = "--spec", paramLabel = "FILE.json", description = "start from a saved spec or preset (e.g. assets/presets/simplicity-figure2.json)")
    Path specFile;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the result files")
    Path out;

    @Override
    public Integer call() throws IOException {
        RoutingSpec spec = spec();
        if (seeds != null) return sweep(spec);
        RoutingExperiment.Result r = RoutingExperiment.run(spec);
        SimplicityFiles.write(r, out, RunProvenance.capture(spec.seed(), "muonscope routing"));
        PrintWriter w = commandSpec.commandLine().getOut();
        boolean ok = true;
        for (RoutingExperiment.Trace t : r.traces()) {
            RoutingExperiment.Point p = t.last();
            w.println(String.format(Locale.ROOT, "%-10s step %d  seen %.4f  unseen %.4f  effective rank %.2f  rank(>10%%) %d%s",
                    t.label(), p.step(), p.seenError(), p.unseenError(), p.effectiveRank(),
                    Spectra.thresholdRank(p.hiddenSpectrum(), 0.1), t.message() == null ? "" : "  (" + t.message() + ")"));
            ok &= t.message() == null;
        }
        w.println("wrote " + out.resolve("routing.csv") + " and hidden_spectrum.csv, error_grid.csv, spec.json, provenance.json");
        return ok ? 0 : 1;
    }

    /** One run per seed; {@code seeds.csv}: {@value #SEEDS_HEADER}, the last record of each. */
    private int sweep(RoutingSpec spec) {
        String[] ab = seeds.trim().split("-");
        long a;
        long b;
        try {
            a = Long.parseLong(ab[0].trim());
            b = ab.length == 2 ? Long.parseLong(ab[1].trim()) : a;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new org.muonscope.engine.SpecException("seeds", "expected A-B, got '" + seeds + "'");
        }
        if (ab.length > 2 || b < a || b - a > 999) throw new org.muonscope.engine.SpecException("seeds", "expected A-B with A <= B, at most 1000 seeds, got '" + seeds + "'");
        PrintWriter w = commandSpec.commandLine().getOut();
        StringBuilder csv = new StringBuilder(SEEDS_HEADER).append('\n');
        boolean ok = true;
        for (long seed = a; seed <= b; seed++) {
            RoutingSpec s = spec.withSeed(seed);
            RoutingExperiment.Result r = RoutingExperiment.run(s);
            SimplicityFiles.write(r, out.resolve("seed-" + seed), RunProvenance.capture(seed, "muonscope routing --seeds " + seeds));
            for (RoutingExperiment.Trace t : r.traces()) {
                RoutingExperiment.Point p = t.last();
                int rank = Spectra.thresholdRank(p.hiddenSpectrum(), 0.1);
                csv.append(org.muonscope.engine.experiment.Csv.text(t.label())).append(',').append(seed).append(',')
                        .append(org.muonscope.engine.experiment.Csv.num(p.seenError())).append(',')
                        .append(org.muonscope.engine.experiment.Csv.num(p.unseenError())).append(',')
                        .append(org.muonscope.engine.experiment.Csv.num(p.effectiveRank())).append(',').append(rank).append('\n');
                w.println(String.format(Locale.ROOT, "seed %-4d %-10s seen %.4f  unseen %.4f  effective rank %.2f  rank(>10%%) %d",
                        seed, t.label(), p.seenError(), p.unseenError(), p.effectiveRank(), rank));
                ok &= t.message() == null;
            }
        }
        org.muonscope.engine.experiment.AtomicFiles.write(out.resolve("seeds.csv"), csv.toString());
        w.println("wrote " + out.resolve("seeds.csv") + " and one folder per seed");
        return ok ? 0 : 1;
    }

    static final String SEEDS_HEADER = "optimizer,seed,seen_error,unseen_error,effective_rank,rank_above_10pct";

    RoutingSpec spec() throws IOException {
        RoutingSpec base = specFile == null ? SimplicityJson.routingDefaults()
                : SimplicityJson.parseRouting(Files.readString(specFile, StandardCharsets.UTF_8));
        List<OptimizerSettings> opts = base.optimizers();
        if (!optimizers.isEmpty()) opts = optimizers.stream().map(OptimizerSettings::parse).toList();
        return new RoutingSpec(width != null ? width : base.width(), init != null ? init : base.init(),
                steps != null ? steps : base.steps(), every != null ? every : base.every(),
                seed != null ? seed : base.seed(), fullBatch != null ? fullBatch : base.fullBatch(),
                schedule != null ? StepSchedule.parse(schedule) : base.schedule(), opts);
    }
}

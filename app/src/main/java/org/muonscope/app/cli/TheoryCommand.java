package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.experiment.OptimizerResult;
import org.muonscope.engine.experiment.ResultsIO;
import org.muonscope.engine.experiment.RunListener;
import org.muonscope.engine.experiment.RunResult;
import org.muonscope.engine.experiment.Runner;
import org.muonscope.engine.experiment.SpecJson;
import org.muonscope.engine.experiment.TheoryDefaults;
import org.muonscope.engine.experiment.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope theory}: one Theory-Lab run without the window. Options given on the command line override
 * {@code --spec FILE.json}, which overrides the defaults of the lab's default scenario.
 */
@Command(name = "theory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train optimizers side by side on the Gaussian-mixture linear model and write the "
                + "trajectories, metrics, saturation steps and final weights to --out.")
public final class TheoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--classes", paramLabel = "K", description = "number of classes (uniform priors unless --priors)")
    Integer classes;
    @Option(names = "--priors", paramLabel = "p1,..,pK", description = "class priors; rescaled to sum to 1 (default 0.7,0.2,0.1)")
    String priors;
    @Option(names = "--mu", paramLabel = "M", description = "mean scale (default 3)")
    Double mu;
    @Option(names = "--sigma", paramLabel = "S", description = "noise scale (default 1)")
    Double sigma;
    @Option(names = "--snr", paramLabel = "R", description = "mu^2 / sigma^2, instead of --sigma")
    Double snr;
    @Option(names = "--dim", paramLabel = "D", description = "input dimension, >= K (default K)")
    Integer dim;
    @Option(names = "--depth", paramLabel = "L", description = "number of factors (default 1)")
    Integer depth;
    @Option(names = "--hidden", paramLabel = "H", description = "hidden width of a deep model (default D)")
    Integer hidden;
    @Option(names = "--init", paramLabel = "DELTA", description = "init scale; 0 with depth 1 starts from W = 0 (default 0, 1e-3 when deep)")
    Double init;
    @Option(names = "--basis", paramLabel = "axis|rotated", description = "class means along the axes or a random orthogonal basis")
    String basis;
    @Option(names = "--overlap", paramLabel = "RHO", description = "mean overlap in [0, 1) (default 0)")
    Double overlap;
    @Option(names = "--mode", paramLabel = "population|sample:N|batch:N:B", description = "where the moments come from (default population)")
    String mode;
    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default 2000)")
    Integer steps;
    @Option(names = "--every", paramLabel = "E", description = "metrics every E steps (default 10)")
    Integer every;
    @Option(names = "--seed", paramLabel = "N", description = "master seed (default 1)")
    Long seed;
    @Option(names = "--optimizer", paramLabel = "NAME[:key=val,...]",
            description = "repeatable; names: gd ngd signgd signum specgd muon adam shampoo; "
                    + "keys: lr beta ns nesterov exact wd beta1 beta2 eps alr edges")
    List<String> optimizers = new ArrayList<>();
    @Option(names = "--spec", paramLabel = "FILE.json", description = "start from a saved spec (e.g. a run's spec.json)")
    Path specFile;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the result files")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = commandSpec.commandLine().getErr();
        PrintWriter stdout = commandSpec.commandLine().getOut();
        TheorySpec.Validated v = buildSpec();
        if (v.priorsRescaled()) {
            err.println("muonscope theory: note: the priors did not sum to 1; normalized to "
                    + Arrays.stream(v.spec().priors()).mapToObj(p -> String.format(Locale.ROOT, "%.6g", p))
                    .collect(Collectors.joining(",")));
        }
        TheorySpec spec = v.spec();
        RunResult result = Runner.start(spec, new RunListener() { }, commandLine()).await();
        ResultsIO.write(result, out);
        printSummary(stdout, result);
        stdout.println("wrote " + out.toAbsolutePath().normalize());
        boolean diverged = result.optimizers().stream().anyMatch(r -> r.status() == OptimizerResult.Status.DIVERGED);
        if (diverged) err.println("muonscope theory: note: some optimizers diverged; see optimizers.csv");
        return MuonscopeCommand.EXIT_OK;
    }

    private String commandLine() {
        // Quoted where needed, so the recorded command can be pasted back into a shell.
        return "muonscope " + commandSpec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.matches("[A-Za-z0-9_./:=,#+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** Merges defaults, {@code --spec} and the options into one validated spec. */
    TheorySpec.Validated buildSpec() {
        TheorySpec base = specFile == null ? TheoryDefaults.spec() : SpecJson.read(specFile).spec();
        double[] p;
        if (priors != null) {
            p = parsePriors(priors);
            if (classes != null && classes != p.length) {
                throw new SpecException("priors", "--classes is " + classes + " but " + p.length + " priors are given");
            }
        } else if (classes != null) {
            if (classes < 2) throw new SpecException("classes", "need at least 2 classes, got " + classes);
            if (classes == base.classes()) {
                p = base.priors().clone();
            } else {
                p = new double[classes];
                Arrays.fill(p, 1.0 / classes);
            }
        } else {
            p = base.priors().clone();
        }
        int k = p.length;
        boolean baseFits = base.classes() == k;
        double m = mu != null ? mu : base.mu();
        double s;
        if (snr != null && sigma != null) throw new SpecException("snr", "give either --sigma or --snr, not both");
        if (snr != null) {
            if (!(snr > 0) || Double.isInfinite(snr)) throw new SpecException("snr", "must be a positive number, got " + snr);
            s = m / Math.sqrt(snr);
        } else {
            s = sigma != null ? sigma : base.sigma();
        }
        int d = dim != null ? dim : (baseFits && specFile != null ? base.dim() : k);
        int depthL = depth != null ? depth : base.depth();
        int h = hidden != null ? hidden : (specFile != null && base.depth() > 1 && dim == null ? base.hidden() : d);
        double delta = init != null ? init
                : (depthL == base.depth() ? base.init() : (depthL > 1 ? TheoryDefaults.DEEP_INIT : TheoryDefaults.INIT));
        boolean rotated = base.rotated();
        if (basis != null) {
            String b = basis.strip().toLowerCase(Locale.ROOT);
            if (!b.equals("axis") && !b.equals("rotated")) throw new SpecException("basis", "expected axis or rotated, got '" + basis + "'");
            rotated = b.equals("rotated");
        }
        double rho = overlap != null ? overlap : base.overlap();
        DataMode dm = mode != null ? DataMode.parse(mode) : base.mode();
        int t = steps != null ? steps : base.steps();
        int e = every != null ? every : base.every();
        long sd = seed != null ? seed : base.seed();
        List<OptimizerSettings> opts = optimizers.isEmpty() ? base.optimizers()
                : optimizers.stream().map(OptimizerSettings::parse).toList();
        return TheorySpec.validated(p, m, s, d, depthL, h, delta, rotated, rho, dm, t, e, sd, opts);
    }

    static double[] parsePriors(String text) {
        String[] parts = text.split(",", -1);
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException ex) {
                throw new SpecException("priors", "entry " + (i + 1) + " is not a number: '" + parts[i].strip() + "'");
            }
        }
        return p;
    }

    private static void printSummary(PrintWriter out, RunResult r) {
        int k = r.spec().classes();
        out.printf(Locale.ROOT, "%-10s %-9s %10s %10s %10s  %s%n", "optimizer", "status", "loss", "bal.acc", "worst.acc",
                "t90 per class (measured/theory)");
        for (OptimizerResult o : r.optimizers()) {
            var last = o.last();
            StringBuilder t90 = new StringBuilder();
            for (int c = 0; c < k; c++) {
                if (c > 0) t90.append("  ");
                t90.append(o.t90()[c] < 0 ? "-" : Long.toString(o.t90()[c])).append('/');
                double th = c < o.t90Theory().length ? o.t90Theory()[c] : Double.NaN;
                t90.append(Double.isNaN(th) ? "-" : String.format(Locale.ROOT, "%.0f", th));
            }
            out.printf(Locale.ROOT, "%-10s %-9s %10.4g %10.4f %10.4f  %s%n", o.optimizer(),
                    o.status().name().toLowerCase(Locale.ROOT),
                    last == null ? Double.NaN : last.loss(), last == null ? Double.NaN : last.balancedAccuracy(),
                    last == null ? Double.NaN : last.worstClassAccuracy(), t90);
            if (o.message() != null) out.println("           " + o.message());
        }
    }
}

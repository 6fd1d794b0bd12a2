package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiment.RunProvenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muonscope bench}: times each {@link BenchCase} and prints it against its target. Each case is measured
 * after warm-up, {@code --repeat} times; the table shows the best and the median sample, and "met" judges the
 * best one (the machine is shared and noisy: the best sample is the closest to what the code can do).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the engine's throughput against the targets of issue 2 (table, or --json).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--case", paramLabel = "NAME", description = "run only cases whose name starts with NAME (repeatable)")
    List<String> only = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", description = "samples per case (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--list", description = "list the cases and exit")
    boolean list;

    /** Every case, in table order. To add a group, concatenate its factory here. */
    static List<BenchCase> cases() {
        return Stream.of(TheoryBenchCases.all(), CnnBenchCases.all()).flatMap(List::stream).toList();
    }

    /** One case's samples. */
    record Result(BenchCase benchCase, double[] samples) {
        double best() {
            return benchCase.higherIsBetter() ? Arrays.stream(samples).max().orElse(Double.NaN)
                    : Arrays.stream(samples).min().orElse(Double.NaN);
        }

        double median() {
            double[] s = samples.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        }

        boolean met() {
            return benchCase.higherIsBetter() ? best() >= benchCase.target() : best() <= benchCase.target();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || repeat > 1000) throw new SpecException("repeat", "must be between 1 and 1000, got " + repeat);
        PrintWriter out = commandSpec.commandLine().getOut();
        List<BenchCase> chosen = cases().stream()
                .filter(c -> only.isEmpty() || only.stream().anyMatch(p -> c.name().startsWith(p.toLowerCase(Locale.ROOT))))
                .toList();
        if (chosen.isEmpty()) {
            throw new SpecException("case", "no case matches " + only + " (known: "
                    + String.join(" ", cases().stream().map(BenchCase::name).toList()) + ")");
        }
        if (list) {
            for (BenchCase c : chosen) out.printf(Locale.ROOT, "%-16s %s%n", c.name(), c.description());
            return MuonscopeCommand.EXIT_OK;
        }
        List<Result> results = new ArrayList<>();
        if (!json) header(out);
        for (BenchCase c : chosen) {
            for (int i = 0; i < c.warmups(); i++) c.measure();
            double[] samples = new double[repeat];
            for (int i = 0; i < repeat; i++) samples[i] = c.measure();
            Result r = new Result(c, samples);
            results.add(r);
            if (!json) row(out, r);
        }
        if (json) out.println(json(results));
        return MuonscopeCommand.EXIT_OK;
    }

    private static void header(PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %-56s %14s %14s %16s  %s%n", "case", "what", "best", "median", "target", "met");
    }

    private static void row(PrintWriter out, Result r) {
        BenchCase c = r.benchCase();
        out.printf(Locale.ROOT, "%-14s %-56s %14s %14s %16s  %s%n", c.name(), c.description(),
                fmt(r.best(), c.unit()), fmt(r.median(), c.unit()),
                (c.higherIsBetter() ? ">= " : "<= ") + fmt(c.target(), c.unit()), r.met() ? "yes" : "NO");
        out.flush();
    }

    private static String fmt(double v, String unit) {
        return (v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v)) + " " + unit;
    }

    static String json(List<Result> results) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        RunProvenance p = RunProvenance.capture(0, "muonscope bench");
        ObjectNode machine = root.putObject("machine");
        machine.put("java", p.javaVersion());
        machine.put("os", p.os());
        machine.put("arch", p.arch());
        machine.put("processors", p.processors());
        machine.put("ejml", p.ejmlVersion());
        machine.put("at", p.startedAt());
        ArrayNode cases = root.putArray("cases");
        for (Result r : results) {
            BenchCase c = r.benchCase();
            ObjectNode n = cases.addObject();
            n.put("name", c.name());
            n.put("description", c.description());
            n.put("unit", c.unit());
            n.put("best", r.best());
            n.put("median", r.median());
            n.put("target", c.target());
            n.put("comparison", c.higherIsBetter() ? ">=" : "<=");
            n.put("met", r.met());
            ArrayNode s = n.putArray("samples");
            for (double v : r.samples()) s.add(v);
        }
        return m.writeValueAsString(root);
    }
}

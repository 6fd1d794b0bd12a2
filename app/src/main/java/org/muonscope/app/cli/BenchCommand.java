package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.RunProvenance;
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

    @Option(names = "--min-seconds", paramLabel = "S", defaultValue = "1",
            description = "keep sampling a case until S seconds have passed (at most 200 samples; default ${DEFAULT-VALUE})")
    double minSeconds;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1",
            description = "warm each case up for S seconds (and at least its warm-up count) before sampling (default ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--clock", paramLabel = "wall|cpu", defaultValue = "wall",
            description = "wall: elapsed time; cpu: the measuring thread's CPU time for single-thread cases, so other "
                    + "processes on a shared machine do not count (default ${DEFAULT-VALUE})")
    String clock;

    @Option(names = "--list", description = "list the cases and exit")
    boolean list;

    @Option(names = "--torch", paramLabel = "SCRIPT",
            description = "PyTorch reference script (bench/torch_cnn.py): each CNN sample runs it right after the Java "
                    + "epoch and reports the ratio of the two images/s")
    Path torchScript;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "Python with torch for --torch (default ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--torch-images", paramLabel = "N", defaultValue = "20000",
            description = "training images of each PyTorch run (default ${DEFAULT-VALUE}; its images/s is steady well "
                    + "before a full epoch)")
    int torchImages;

    private static final int MAX_SAMPLES = 200;

    /** Every case, in table order. To add a group, concatenate its factory here. */
    static List<BenchCase> cases() {
        return cases(null);
    }

    static List<BenchCase> cases(CnnBenchCases.Torch torch) {
        return Stream.of(TheoryBenchCases.all(), GemmBenchCases.all(), CnnBenchCases.all(torch)).flatMap(List::stream)
                .toList();
    }

    /** One case's samples, with each sample's note. */
    record Result(BenchCase benchCase, double[] samples, boolean cpuClock, List<String> notes) {
        double best() {
            return benchCase.higherIsBetter() ? Arrays.stream(samples).max().orElse(Double.NaN)
                    : Arrays.stream(samples).min().orElse(Double.NaN);
        }

        double median() {
            double[] s = samples.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        }

        boolean hasTarget() {
            return !Double.isNaN(benchCase.target());
        }

        boolean met() {
            if (!hasTarget()) return true;
            return benchCase.higherIsBetter() ? best() >= benchCase.target() : best() <= benchCase.target();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || repeat > 1000) throw new SpecException("repeat", "must be between 1 and 1000, got " + repeat);
        String clk = clock.strip().toLowerCase(Locale.ROOT);
        if (!clk.equals("wall") && !clk.equals("cpu")) throw new SpecException("clock", "expected wall or cpu, got '" + clock + "'");
        boolean cpu = clk.equals("cpu");
        if (!(warmupSeconds >= 0) || warmupSeconds > 3600) {
            throw new SpecException("warmup-seconds", "must be between 0 and 3600, got " + warmupSeconds);
        }
        if (!(minSeconds >= 0) || minSeconds > 3600) throw new SpecException("min-seconds", "must be between 0 and 3600, got " + minSeconds);
        if (torchImages < 128 || torchImages > 60000) {
            throw new SpecException("torch-images", "must be between 128 and 60000, got " + torchImages);
        }
        if (torchScript != null && !java.nio.file.Files.isRegularFile(torchScript)) {
            throw new SpecException("torch", torchScript + " is not a file");
        }
        CnnBenchCases.Torch torch = torchScript == null ? null : new CnnBenchCases.Torch(python, torchScript, torchImages);
        PrintWriter out = commandSpec.commandLine().getOut();
        List<BenchCase> chosen = cases(torch).stream()
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
        if (!json) {
            if (cpu) out.println("clock: CPU time of the measuring thread for single-thread cases (marked cpu), wall otherwise");
            header(out);
        }
        for (BenchCase c : chosen) {
            // Warm up by count and by time: a 2 ms case needs dozens of runs before the JIT has compiled its loop.
            long warm = System.nanoTime();
            for (int i = 0; i < c.warmups() || (i < MAX_SAMPLES && System.nanoTime() - warm < warmupSeconds * 1e9); i++) {
                c.measure(cpu);
            }
            // Short cases (a few ms) are sampled for --min-seconds, so their best and median rest on many
            // samples instead of five draws from a noisy machine.
            List<Double> samples = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            long start = System.nanoTime();
            while (samples.size() < repeat || (samples.size() < MAX_SAMPLES && System.nanoTime() - start < minSeconds * 1e9)) {
                samples.add(c.measure(cpu));
                notes.add(c.note());
            }
            Result r = new Result(c, samples.stream().mapToDouble(Double::doubleValue).toArray(), cpu && c.supportsCpuClock(),
                    List.copyOf(notes));
            results.add(r);
            if (!json) row(out, r);
        }
        if (json) out.println(json(results));
        return MuonscopeCommand.EXIT_OK;
    }

    private static void header(PrintWriter out) {
        out.printf(Locale.ROOT, "%-20s %-56s %18s %18s %22s  %s%n", "case", "what", "best", "median", "target", "met");
    }

    private static void row(PrintWriter out, Result r) {
        BenchCase c = r.benchCase();
        out.printf(Locale.ROOT, "%-20s %-56s %18s %18s %22s  %s (%s)%n", c.name(), c.description(),
                fmt(r.best(), c.unit()), fmt(r.median(), c.unit()),
                r.hasTarget() ? (c.higherIsBetter() ? ">= " : "<= ") + fmt(c.target(), c.unit()) : "(info)",
                r.hasTarget() ? (r.met() ? "yes" : "NO") : "-", r.samples().length + " samples" + (r.cpuClock() ? ", cpu" : ""));
        for (int i = 0; i < r.notes().size(); i++) {
            if (!r.notes().get(i).isEmpty()) out.printf(Locale.ROOT, "    sample %d: %s%n", i + 1, r.notes().get(i));
        }
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
            n.put("clock", r.cpuClock() ? "cpu" : "wall");
            n.put("best", r.best());
            n.put("median", r.median());
            if (r.hasTarget()) {
                n.put("target", c.target());
                n.put("comparison", c.higherIsBetter() ? ">=" : "<=");
                n.put("met", r.met());
            } else {
                n.putNull("target");
            }
            ArrayNode s = n.putArray("samples");
            for (double v : r.samples()) s.add(v);
            if (r.notes().stream().anyMatch(t -> !t.isEmpty())) {
                ArrayNode notes = n.putArray("notes");
                r.notes().forEach(notes::add);
            }
        }
        return m.writeValueAsString(root);
    }
}

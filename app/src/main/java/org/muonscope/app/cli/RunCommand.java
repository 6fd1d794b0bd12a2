package org.muonscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;


/**
 * What every run command does the same way: the spec is the kind's defaults, or {@code --spec FILE.json}, with
 * every option the user gave laid over it (an option names its spec field in {@code descriptionKey}); the run goes
 * through {@link Experiments#run}; Ctrl-C cancels it and still writes what was measured; the folder is written by
 * the one results writer. Exit status: 0 when every optimizer completed or diverged (a divergence is a result,
 * noted on stderr), 1 when the run was cancelled or an optimizer failed, 2 for bad input before anything ran.
 */
abstract class RunCommand implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @picocli.CommandLine.Spec
    CommandSpec commandSpec;

    @Mixin
    RunOptions run;

    /** The kind of experiment this command runs. */
    abstract ExperimentKind kind();

    /** Changes a command makes from options that are not one spec field each (e.g. theory's {@code --priors}). */
    void extraChanges(Spec base, Map<String, JsonNode> changes) { }

    /** Prints the outcome table on stdout. */
    abstract void printSummary(RunResult result, PrintWriter out);

    /** Progress lines on stderr while the run goes (long runs only). */
    RunListener progress(PrintWriter err) {
        return RunListener.NONE;
    }

    /** Runs the spec; the CNN command loads its data first. */
    RunResult execute(Spec spec, RunListener listener, CancelToken cancel, RunContext context) {
        return Experiments.run(spec, listener, cancel, context.withExecutor(RunContext.pool()));
    }

    /** The context of this command's runs. */
    RunContext context() {
        return RunContext.of(commandLine());
    }

    /** Whether the user gave an option on the command line (an option's field always holds its default). */
    boolean given(String option) {
        return commandSpec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The defaults or {@code --spec}, with every given option laid over them. */
    Spec buildSpec() {
        Spec base = run.spec == null ? kind().defaults() : SpecCodec.read(run.spec, kind());
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (OptionSpec o : commandSpec.options()) {
            String field = o.descriptionKey();
            if (field == null || field.isEmpty() || !commandSpec.commandLine().getParseResult().hasMatchedOption(o)) continue;
            changes.put(field, MAPPER.valueToTree(o.getValue()));
        }
        if (!run.optimizers.isEmpty()) {
            ArrayNode list = NODES.arrayNode();
            for (OptimizerSettings s : run.optimizers) list.add(SpecCodec.optimizer(s));
            changes.put("optimizers", list);
        }
        extraChanges(base, changes);
        return changes.isEmpty() ? base : SpecCodec.with(base, changes);
    }

    @Override
    public Integer call() {
        PrintWriter err = commandSpec.commandLine().getErr();
        PrintWriter out = commandSpec.commandLine().getOut();
        Spec spec = buildSpec();
        RunResult result = runAndWrite(spec, err, run.out);
        printSummary(result, out);
        out.println("wrote " + run.out.toAbsolutePath().normalize());
        return exitCode(result, err);
    }

    /** Runs and writes the folder; Ctrl-C cancels at the next step and waits for the files to be written. */
    RunResult runAndWrite(Spec spec, PrintWriter err, java.nio.file.Path dir) {
        CancelToken cancel = new CancelToken();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result = execute(spec, progress(err), cancel, context());
            Experiments.write(result, dir);
            return result;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook cancelled the run and waits for the files
            }
        }
    }

    /** 0: finished (divergences noted); 1: cancelled or failed. */
    int exitCode(RunResult result, PrintWriter err) {
        String name = commandSpec.qualifiedName();
        boolean diverged = result.optimizers().stream().anyMatch(r -> r.status() == Status.DIVERGED);
        if (diverged) err.println(name + ": note: some optimizers diverged; see optimizers.csv");
        for (OptimizerResult r : result.optimizers()) {
            if (r.status() == Status.FAILED) err.println(name + ": error: " + r.label() + " " + r.message());
        }
        boolean bad = result.optimizers().stream().anyMatch(r -> r.status() == Status.CANCELLED || r.status() == Status.FAILED);
        return bad ? MuonscopeCommand.EXIT_FAILURE : MuonscopeCommand.EXIT_OK;
    }

    /** The command line as typed, quoted where needed so it can be pasted back into a shell (the provenance). */
    String commandLine() {
        return commandLine(commandSpec);
    }

    /** As {@link #commandLine()} for any command (the sweep command records it too). */
    static String commandLine(CommandSpec commandSpec) {
        return "muonscope " + commandSpec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.matches("[A-Za-z0-9_./:=,#+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    static JsonNode number(double v) {
        return NODES.numberNode(v);
    }

    static SpecException bad(String field, String message) {
        return new SpecException(field, message);
    }
}

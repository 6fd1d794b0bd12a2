package org.muonscope.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.muonscope.engine.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code muonscope} command: one subcommand per headless task.
 *
 * <p>Exit status: 0 done, 2 bad input (one line on stderr naming the offending option or field, never a stack
 * trace), 1 anything else (an unwritable folder, an internal error; also one line).
 */
@Command(name = "muonscope", mixinStandardHelpOptions = true, version = "muonscope 0.1.0",
        description = "A laboratory for how optimizers learn. Without a subcommand the window opens.")
public final class MuonscopeCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /**
     * Every subcommand, in the order {@code --help} lists them. To add one, append its constructor here; nothing
     * else needs to change (picocli reads the name and options from the class's annotations).
     */
    static List<Supplier<Object>> subcommands() {
        return List.of(
                TheoryCommand::new,
                OrthogonalizeCommand::new,
                BenchCommand::new,
                CnnCommand::new,
                PlotCommand::new,
                DlnCommand::new,
                RoutingCommand::new,
                SweepCommand::new,
                LessonCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs with the process's stdout and stderr. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, out, err);
    }

    /** Runs in-process with the given streams (tests and the window use this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command tree: subcommands, streams, and the one-line error handlers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MuonscopeCommand());
        for (Supplier<Object> s : subcommands()) cl.addSubcommand(s.get());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(errorLine(c, oneLine(ex.getMessage())));
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Exception t = ex;
            if (t instanceof SpecException || t instanceof org.muonscope.app.lessons.LessonException) {
                c.getErr().println(errorLine(c, oneLine(t.getMessage())));
                return EXIT_USAGE;
            }
            String what = t instanceof UncheckedIOException || t instanceof java.io.IOException
                    ? oneLine(t.getMessage())
                    : "internal error: " + t.getClass().getSimpleName() + ": " + oneLine(String.valueOf(t.getMessage()));
            c.getErr().println(errorLine(c, what));
            if (System.getenv("MUONSCOPE_DEBUG") != null) t.printStackTrace(c.getErr());
            return EXIT_FAILURE;
        });
        return cl;
    }

    private static String errorLine(CommandLine c, String message) {
        return c.getCommandSpec().qualifiedName() + ": error: " + message;
    }

    /** Picocli and JDK messages sometimes span lines; the contract is one line. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}

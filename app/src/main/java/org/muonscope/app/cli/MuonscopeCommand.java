package org.muonscope.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code muonscope} command: one subcommand per headless task. */
@Command(name = "muonscope", mixinStandardHelpOptions = true, version = "muonscope 0.1.0",
        description = "A laboratory for how optimizers learn.", subcommands = {CnnCommand.class})
public final class MuonscopeCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int run(String[] args) {
        return new CommandLine(new MuonscopeCommand()).execute(args);
    }
}

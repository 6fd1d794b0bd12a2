package org.muonscope.app;

/**
 * Entry point of {@code muonscope.jar}. A plain class (not a JavaFX Application) so the shaded jar starts
 * without a module path: with a subcommand it runs headless, with none it opens the window.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        if (args.length == 0) {
            MuonscopeApp.launchWindow(args);
        } else {
            System.exit(org.muonscope.app.cli.MuonscopeCommand.run(args));
        }
    }
}

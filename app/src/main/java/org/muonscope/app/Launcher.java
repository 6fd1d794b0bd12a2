package org.muonscope.app;

import java.io.PrintStream;
import org.muonscope.engine.linalg.Gemm;

/**
 * Entry point of {@code muonscope.jar}. A plain class (not a JavaFX Application) so the shaded jar starts
 * without a module path: with a subcommand it runs headless, with none it opens the window.
 */
public final class Launcher {
    /** The line that says the Vector API is missing, and how to turn it on. */
    static final String NO_VECTOR_API = "muonscope: note: the Vector API is off, so matrix products (the CNN, Newton-Schulz) "
            + "run about five times slower; start with 'java --add-modules jdk.incubator.vector -jar muonscope.jar' "
            + "(the muonscope launcher script does)";

    private Launcher() { }

    public static void main(String[] args) {
        warnWithoutVectorApi(Gemm.vectorAvailable(), System.err);
        if (args.length == 0) {
            MuonscopeApp.launchWindow(args);
        } else {
            System.exit(org.muonscope.app.cli.MuonscopeCommand.run(args));
        }
    }

    /** One line on {@code err} when the incubator module was not added at launch (the scalar GEMM runs instead). */
    static void warnWithoutVectorApi(boolean vectorApi, PrintStream err) {
        if (!vectorApi) err.println(NO_VECTOR_API);
    }
}

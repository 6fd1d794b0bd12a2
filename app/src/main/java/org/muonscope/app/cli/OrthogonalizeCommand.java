package org.muonscope.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.AtomicFiles;
import org.muonscope.engine.io.IoErrors;
import org.muonscope.engine.io.MatrixText;
import org.muonscope.engine.linalg.NewtonSchulz;
import org.muonscope.engine.linalg.Polar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muonscope orthogonalize}: the exact polar factor or Muon's Newton-Schulz iteration of a CSV matrix. */
@Command(name = "orthogonalize", mixinStandardHelpOptions = true,
        description = "Orthogonalize a matrix: the exact polar factor U V^T (svd) or K quintic Newton-Schulz steps "
                + "with Muon's coefficients (ns5 = ns:5). Plain comma-separated numbers in and out, one row per line.")
public final class OrthogonalizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", defaultValue = "svd", paramLabel = "svd|ns5|ns:K",
            description = "svd (exact U V^T), ns5, or ns:K for K Newton-Schulz steps (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--in", required = true, paramLabel = "G.csv", description = "input matrix")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "O.csv", description = "where to write the result")
    Path out;

    /** The Newton-Schulz step count of a method, or 0 for the exact polar factor. */
    static int nsSteps(String method) {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (m.equals("svd")) return 0;
        if (m.equals("ns5")) return 5;
        if (m.startsWith("ns:")) {
            try {
                int k = Integer.parseInt(m.substring(3));
                if (k >= 1 && k <= 100) return k;
            } catch (NumberFormatException ignored) {
                // reported below with the accepted forms
            }
        }
        throw new SpecException("method", "expected svd, ns5 or ns:K with K in 1..100, got '" + method + "'");
    }

    @Override
    public Integer call() {
        int steps = nsSteps(method);
        String text;
        try {
            text = Files.readString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException("in", "cannot read " + in + ": " + IoErrors.describe(e));
        }
        double[][] g = MatrixText.parse(text, "in", false);
        DMatrixRMaj m = new DMatrixRMaj(g);
        DMatrixRMaj o = new DMatrixRMaj(m.numRows, m.numCols);
        if (steps == 0) {
            Polar.polar(m, o);
        } else {
            NewtonSchulz.orthogonalize(m, steps, o);
        }
        double[][] rows = new double[o.numRows][o.numCols];
        for (int i = 0; i < o.numRows; i++) for (int j = 0; j < o.numCols; j++) rows[i][j] = o.get(i, j);
        AtomicFiles.write(out, MatrixText.format(rows));
        return MuonscopeCommand.EXIT_OK;
    }
}

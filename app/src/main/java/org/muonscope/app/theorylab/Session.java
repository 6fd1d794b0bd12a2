package org.muonscope.app.theorylab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.spec.TheorySpec;

/**
 * A whole Theory Lab session as JSON: the problem, the optimizers with their colors, and the view settings.
 * Presets in {@code assets/presets/theory-*.json} use the same format (view settings left out).
 *
 * @param priorPreset uniform, step, long-tail or custom (custom keeps {@code priors} as given)
 * @param mode        population, sample:N or batch:N:B
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(int format, String name, String description, int classes, String priorPreset, double ratio,
                      double[] priors, double mu, double sigma, int dim, int depth, int hidden, double init, int steps,
                      String mode, boolean rotated, double overlap, long seed, List<Optimizer> optimizers,
                      Boolean presenter, Boolean dark) {
    public static final int FORMAT = 1;

    /** One optimizer: its spec in the CLI syntax ({@code muon:lr=0.01,ns=5}), its color, whether it runs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Optimizer(String spec, String color, boolean enabled) { }

    /**
     * The engine spec this session runs, by the rules the lab applies when it opens the session (its enabled
     * optimizers; priors from the prior preset; {@link TheoryLabViewModel#spec}).
     *
     * @throws org.muonscope.engine.SpecException naming a bad field
     */
    public TheorySpec toSpec() {
        int k = priors != null ? priors.length : classes;
        TheoryLabViewModel.PriorPreset p = priorPreset == null ? TheoryLabViewModel.PriorPreset.CUSTOM
                : TheoryLabViewModel.PriorPreset.valueOf(priorPreset.toUpperCase(Locale.ROOT).replace('-', '_'));
        double[] pr = p == TheoryLabViewModel.PriorPreset.CUSTOM && priors != null ? Priors.normalize(priors)
                : TheoryLabViewModel.presetPriors(p, k, ratio > 0 ? ratio : 10, Priors.uniform(k));
        List<OptimizerSettings> opts = new ArrayList<>();
        for (Optimizer o : optimizers) if (o.enabled()) opts.add(OptimizerSettings.parse(o.spec()));
        return TheoryLabViewModel.spec(pr, mu, sigma, dim, depth, hidden > 0 ? hidden : dim, init, rotated, overlap,
                DataMode.parse(mode == null ? "population" : mode), steps, seed, opts);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public static Session parse(String json) throws IOException {
        return JSON.readValue(json, Session.class);
    }

    public static Session read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static Session read(InputStream in) throws IOException {
        return JSON.readValue(in, Session.class);
    }
}

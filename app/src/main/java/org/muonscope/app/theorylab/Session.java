package org.muonscope.app.theorylab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

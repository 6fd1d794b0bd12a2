package org.muonscope.engine.model.cnn;

import java.util.Locale;
import java.util.Random;
import org.muonscope.engine.SpecException;

/**
 * How weights start. {@code default}: PyTorch's default for Conv2d / Linear, weights and biases uniform in
 * {@code +-1/sqrt(fan_in)} (what the reference script trains); {@code kaiming}: weights
 * {@code N(0, 2/fan_in)}, biases 0; {@code gaussian:STD}: weights {@code N(0, STD^2)}, biases 0 (the
 * simplicity-bias paper uses 0.01).
 */
public record Init(String kind, double std) {
    public Init {
        if (!kind.equals("default") && !kind.equals("kaiming") && !kind.equals("gaussian")) {
            throw new SpecException("init", "unknown init '" + kind + "' (known: default kaiming gaussian:STD)");
        }
        if (kind.equals("gaussian") && !(std > 0 && Double.isFinite(std))) {
            throw new SpecException("init", "gaussian std must be a positive number, got " + std);
        }
    }

    public static Init parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("gaussian:")) {
            try {
                return new Init("gaussian", Double.parseDouble(t.substring(9)));
            } catch (NumberFormatException e) {
                throw new SpecException("init", "expected gaussian:STD, got '" + text + "'");
            }
        }
        return new Init(t, 0);
    }

    @Override
    public String toString() {
        return kind.equals("gaussian") ? "gaussian:" + std : kind;
    }

    /** Fills a weight (or bias, {@code isBias}) of the given fan-in. */
    void fill(double[] w, int fanIn, boolean isBias, Random rnd) {
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = 0; i < w.length; i++) {
            w[i] = switch (kind) {
                case "default" -> (2 * rnd.nextDouble() - 1) * bound;
                case "kaiming" -> isBias ? 0 : rnd.nextGaussian() * Math.sqrt(2.0 / fanIn);
                default -> isBias ? 0 : rnd.nextGaussian() * std;
            };
        }
    }
}

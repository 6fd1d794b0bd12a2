package org.muonscope.app.plots;

import java.awt.Color;
import java.util.Map;

/**
 * Colors: one hue per optimizer (Okabe-Ito, readable by most color-blind viewers), classes as shades of it.
 */
public final class Palette {
    private static final Map<String, String> KIND = Map.of(
            "gd", "#0072B2", "ngd", "#332288", "signgd", "#E69F00", "signum", "#B8860B",
            "specgd", "#D55E00", "muon", "#CC79A7", "adam", "#009E73", "shampoo", "#7F5A3A");

    private Palette() { }

    public static String hex(String kind) {
        return KIND.getOrDefault(kind, "#444444");
    }

    public static Color forKind(String kind) {
        return Color.decode(hex(kind));
    }

    public static Color parse(String hex) {
        return Color.decode(hex);
    }

    public static String toHex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * The shade of class {@code rank} (0 = the darkest, for the minority) among {@code k}: blended toward the
     * background so the hue, and hence the optimizer, stays recognizable.
     */
    public static Color shade(Color base, int rank, int k, Color background) {
        double t = k <= 1 ? 0 : 0.55 * rank / (k - 1);
        return blend(base, background, t);
    }

    public static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}

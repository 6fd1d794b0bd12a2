package org.muonscope.app.plots;

import java.awt.Color;
import java.util.Map;

/**
 * Colors: one hue per optimizer, classes as shades of it. The eight Okabe-Ito colors, readable by most
 * color-blind viewers, one per optimizer kind. GD and NGD, the pair most often compared, get blue and bluish
 * green (they were two blues); the warm hues go to the sign-based and spectral methods, and Adam gets black,
 * which {@link #onBackground} turns grey on the dark theme just as it darkens the yellow on the light one.
 */
public final class Palette {
    private static final Map<String, String> KIND = Map.of(
            "gd", "#0072B2", "ngd", "#009E73", "signgd", "#E69F00", "signum", "#F0E442",
            "specgd", "#D55E00", "muon", "#CC79A7", "adam", "#000000", "shampoo", "#56B4E9");

    /**
     * Lines need this contrast ratio (WCAG's definition) against the plot background: 2.2 keeps a 1.3 px line
     * visible without turning the yellow olive or the black white.
     */
    public static final double MIN_CONTRAST = 2.2;
    /** What a grey (achromatic) line needs: brighter (or darker) than the themes' faint grey guide lines. */
    public static final double GREY_CONTRAST = 7;

    private Palette() { }

    public static String hex(String kind) {
        return KIND.getOrDefault(kind, "#444444");
    }

    public static Color forKind(org.muonscope.engine.optim.OptimizerKind kind) {
        return forKind(kind.id());
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

    /**
     * {@code c} moved toward {@code foreground} in small steps until it reaches {@link #MIN_CONTRAST} against
     * {@code background}; colors that already contrast enough are returned unchanged.
     */
    public static Color onBackground(Color c, Color background, Color foreground) {
        // a grey line must also stand clear of the faint grey target and theory lines, so it goes further
        int spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue())) - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        double need = spread < 16 ? GREY_CONTRAST : MIN_CONTRAST;
        Color out = c;
        for (int i = 1; i <= 20 && contrast(out, background) < need; i++) out = blend(c, foreground, i * 0.05);
        return out;
    }

    /** WCAG contrast ratio of two colors, 1 (same luminance) to 21 (black on white). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
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

package org.muonscope.app.plots;

import org.muonscope.engine.optim.OptimizerKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.optim.OptimizerSettings;

/** Every optimizer's color stays visible and distinct from every other one, on both themes. */
class PaletteTest {
    /**
     * CIE76 distance two line colors must keep: about 20 units is where two thin lines stop being confusable at
     * a glance (a just noticeable difference is about 2.3); the Okabe-Ito set is designed well beyond that.
     */
    private static final double MIN_DELTA_E = 20;

    @Test
    void eachKindIsDistinctAndVisibleOnBothThemes() {
        for (boolean dark : new boolean[] {false, true}) {
            ChartStyle style = new ChartStyle(dark, 1, OptimizerKind.ids().stream().map(Palette::forKind).toList());
            List<String> kinds = OptimizerKind.ids();
            for (int i = 0; i < kinds.size(); i++) {
                Color a = style.slot(i);
                assertTrue(Palette.contrast(a, style.background()) >= Palette.MIN_CONTRAST,
                        kinds.get(i) + " on " + (dark ? "dark" : "light") + ": contrast " + Palette.contrast(a, style.background()));
                for (int j = 0; j < i; j++) {
                    double d = deltaE(a, style.slot(j));
                    assertTrue(d >= MIN_DELTA_E, kinds.get(i) + " vs " + kinds.get(j) + " on " + (dark ? "dark" : "light") + ": dE " + d);
                }
            }
        }
    }

    @Test
    void colorsThatContrastAlreadyAreLeftAlone() {
        Color blue = Palette.forKind("gd");
        assertEquals(blue, Palette.onBackground(blue, Color.WHITE, Color.BLACK));
        // black and white are the two ends of the scale
        assertEquals(21, Palette.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Palette.contrast(blue, blue), 1e-12);
    }

    @Test
    void theLightThemeDarkensYellowAndTheDarkThemeLightensBlack() {
        ChartStyle light = new ChartStyle(false, 1, List.of(Palette.forKind("signum")));
        ChartStyle dark = new ChartStyle(true, 1, List.of(Palette.forKind("adam")));
        assertTrue(Palette.luminance(light.slot(0)) < Palette.luminance(Palette.forKind("signum")));
        assertTrue(Palette.luminance(dark.slot(0)) > Palette.luminance(Palette.forKind("adam")));
        // Adam's grey must not be mistaken for the faint grey target lines
        assertTrue(Palette.luminance(dark.slot(0)) > 1.3 * Palette.luminance(dark.faint()),
                Palette.toHex(dark.slot(0)) + " vs faint " + Palette.toHex(dark.faint()));
    }

    /** CIE76 color difference via sRGB -> XYZ (D65) -> L*a*b*. */
    static double deltaE(Color x, Color y) {
        double[] a = lab(x), b = lab(y);
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static double[] lab(Color c) {
        double r = lin(c.getRed()), g = lin(c.getGreen()), bl = lin(c.getBlue());
        double X = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
        double Y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        double Z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        double fx = f(X), fy = f(Y), fz = f(Z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}

package org.muonscope.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.muonscope.engine.SpecException;

/**
 * Class imbalance by subsampling, exact and seeded (docs/theory.md section 4). With {@code n_c} the samples of
 * class {@code c} and {@code k} classes:
 * <ul>
 * <li>{@code step:R}: classes {@code 0 .. ceil(k/2)-1} keep all, the others keep {@code max(1, round(n_c / R))};
 * <li>{@code longtail:R}: class {@code c} keeps {@code max(1, round(n_c R^(-c/(k-1))))}.
 * </ul>
 * Which samples of a class survive is a seeded random choice; survivors keep their original order.
 */
public final class Imbalance {
    private Imbalance() { }

    /**
     * Checks the syntax {@code none}, {@code step:R} or {@code longtail:R} ({@code R >= 1}) without data.
     *
     * @throws SpecException naming {@code imbalance}
     */
    public static void validate(String spec) {
        apply(spec, null, 0);
    }

    /** Parses {@code none}, {@code step:R} or {@code longtail:R} and applies it ({@code none} returns d; null d: only checks). */
    public static Dataset apply(String spec, Dataset d, long seed) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none")) return d;
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        if (!kind.equals("step") && !kind.equals("longtail")) {
            throw new SpecException("imbalance", "expected none, step:R or longtail:R, got '" + spec + "'");
        }
        double r;
        try {
            r = Double.parseDouble(s.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new SpecException("imbalance", "expected " + kind + ":R with a number R >= 1, got '" + spec + "'");
        }
        if (!(r >= 1) || Double.isInfinite(r)) throw new SpecException("imbalance", "ratio must be >= 1, got " + r);
        if (d == null) return null;
        return subsample(d, kind.equals("step") ? stepCounts(d.classCounts(), r) : longTailCounts(d.classCounts(), r),
                d.name() + "-" + kind + r, seed);
    }

    public static int[] stepCounts(int[] n, double r) {
        int k = n.length;
        int[] keep = new int[k];
        for (int c = 0; c < k; c++) keep[c] = c < (k + 1) / 2 ? n[c] : Math.max(1, (int) Math.round(n[c] / r));
        return keep;
    }

    public static int[] longTailCounts(int[] n, double r) {
        int k = n.length;
        int[] keep = new int[k];
        for (int c = 0; c < k; c++) {
            double f = k == 1 ? 1 : Math.pow(r, -(double) c / (k - 1));
            keep[c] = Math.min(n[c], Math.max(1, (int) Math.round(n[c] * f)));
        }
        return keep;
    }

    /** Keeps exactly {@code keep[c]} samples of each class (a seeded choice), in their original order. */
    public static Dataset subsample(Dataset d, int[] keep, String name, long seed) {
        Random rnd = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < d.classes(); c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < d.size(); i++) byClass.get(d.labels()[i]).add(i);
        boolean[] chosen = new boolean[d.size()];
        int total = 0;
        for (int c = 0; c < d.classes(); c++) {
            List<Integer> idx = byClass.get(c);
            int want = Math.min(keep[c], idx.size());
            // partial Fisher-Yates: the first `want` entries become a uniform random subset
            for (int i = 0; i < want; i++) {
                int j = i + rnd.nextInt(idx.size() - i);
                Integer t = idx.get(i);
                idx.set(i, idx.get(j));
                idx.set(j, t);
                chosen[idx.get(i)] = true;
            }
            total += want;
        }
        int[] sel = new int[total];
        int at = 0;
        for (int i = 0; i < d.size(); i++) if (chosen[i]) sel[at++] = i;
        return d.select(name, sel);
    }
}

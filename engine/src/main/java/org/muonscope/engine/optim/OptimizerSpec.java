package org.muonscope.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;

/**
 * A named optimizer with its settings, as a user writes it: {@code muon:lr=0.02,beta=0.95,nesterov=true}.
 * Unset settings take the per-kind defaults below; a key that the kind does not use is an error, so a typo
 * never silently changes nothing.
 *
 * @param kind     one of {@link #KINDS}
 * @param lr       step size {@code eta}
 * @param beta     momentum: EMA {@code m = beta m + (1-beta) G} for signum and muon; heavy-ball
 *                 {@code m = beta m + G} (PyTorch SGD) for gd; 0 means none
 * @param ns       Newton-Schulz steps (muon)
 * @param nesterov Nesterov momentum (muon: on by default; gd with momentum: off by default)
 * @param exact    muon: exact polar factor (SVD) instead of Newton-Schulz
 * @param wd       decoupled weight decay {@code p <- p (1 - lr wd)} (muon, adam)
 * @param beta1    Adam first-moment decay
 * @param beta2    Adam second-moment decay
 * @param eps      Adam denominator epsilon; Shampoo preconditioner ridge
 * @param alr      muon: step size of the Adam fallback for vectors and the first/last layers
 * @param edges    muon: true sends the first and last layers to the Adam fallback (reference convention)
 * @param refresh  shampoo: recompute the preconditioner roots every this many steps (1: every step, exact)
 */
public record OptimizerSpec(String kind, double lr, double beta, int ns, boolean nesterov, boolean exact,
                            double wd, double beta1, double beta2, double eps, double alr, boolean edges, int refresh) {

    public static final List<String> KINDS =
            List.of("gd", "ngd", "signgd", "signum", "specgd", "muon", "adam", "shampoo");

    private static final Map<String, Set<String>> KEYS = Map.of(
            "gd", Set.of("lr", "beta", "nesterov"),
            "ngd", Set.of("lr"),
            "signgd", Set.of("lr"),
            "signum", Set.of("lr", "beta"),
            "specgd", Set.of("lr"),
            "muon", Set.of("lr", "beta", "ns", "nesterov", "exact", "wd", "alr", "edges"),
            "adam", Set.of("lr", "beta1", "beta2", "eps", "wd"),
            "shampoo", Set.of("lr", "eps", "refresh"));

    public OptimizerSpec {
        if (!KINDS.contains(kind)) {
            throw new SpecException("optimizer", "unknown optimizer '" + kind + "' (known: " + String.join(" ", KINDS) + ")");
        }
        positive(kind + ".lr", lr);
        if (!(beta >= 0 && beta < 1)) throw new SpecException(kind + ".beta", "must be in [0, 1), got " + beta);
        if (ns < 1 || ns > 100) throw new SpecException(kind + ".ns", "must be between 1 and 100, got " + ns);
        if (!(wd >= 0) || Double.isInfinite(wd)) throw new SpecException(kind + ".wd", "must be >= 0, got " + wd);
        if (!(beta1 >= 0 && beta1 < 1)) throw new SpecException(kind + ".beta1", "must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new SpecException(kind + ".beta2", "must be in [0, 1), got " + beta2);
        if (!(eps >= 0) || Double.isInfinite(eps)) throw new SpecException(kind + ".eps", "must be >= 0, got " + eps);
        positive(kind + ".alr", alr);
        if (refresh < 1) throw new SpecException(kind + ".refresh", "must be >= 1, got " + refresh);
    }

    /** Without {@code refresh} (1: Shampoo's roots every step). */
    public OptimizerSpec(String kind, double lr, double beta, int ns, boolean nesterov, boolean exact, double wd,
                         double beta1, double beta2, double eps, double alr, boolean edges) {
        this(kind, lr, beta, ns, nesterov, exact, wd, beta1, beta2, eps, alr, edges, 1);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new SpecException(field, "must be a positive number, got " + v);
    }

    /** The defaults of a kind. */
    public static OptimizerSpec defaults(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        double beta = switch (k) {
            case "signum" -> 0.9;
            case "muon" -> 0.95;
            default -> 0.0;
        };
        double eps = k.equals("shampoo") ? 1e-12 : 1e-8;
        // gd defaults to plain (heavy-ball) momentum like PyTorch SGD; Muon's reference defaults to Nesterov.
        boolean nesterov = !k.equals("gd");
        return new OptimizerSpec(k, 0.01, beta, 5, nesterov, false, 0.0, 0.9, 0.999, eps, 1e-3, true);
    }

    /**
     * Parses {@code NAME} or {@code NAME:key=val,key=val}. Booleans accept true/false/1/0.
     *
     * @throws SpecException naming the optimizer or the offending key
     */
    public static OptimizerSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String kind = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        OptimizerSpec s = defaults(kind);
        if (!KINDS.contains(kind)) {
            throw new SpecException("optimizer", "unknown optimizer '" + kind + "' (known: " + String.join(" ", KINDS) + ")");
        }
        if (colon < 0 || colon == t.length() - 1) return s;
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : t.substring(colon + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new SpecException(kind, "expected key=value, got '" + part.trim() + "'");
            kv.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        return s.with(kv);
    }

    /** A copy with the given settings changed; keys as in {@link #parse}. */
    public OptimizerSpec with(Map<String, String> settings) {
        double lr = this.lr, beta = this.beta, wd = this.wd, beta1 = this.beta1, beta2 = this.beta2, eps = this.eps,
                alr = this.alr;
        int ns = this.ns, refresh = this.refresh;
        boolean nesterov = this.nesterov, exact = this.exact, edges = this.edges;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            String field = kind + "." + key;
            if (!KEYS.get(kind).contains(key)) {
                throw new SpecException(field, "unknown key '" + key + "' for " + kind + " (known: "
                        + String.join(" ", KEYS.get(kind).stream().sorted().toList()) + ")");
            }
            String v = e.getValue();
            switch (key) {
                case "lr" -> lr = number(field, v);
                case "beta" -> beta = number(field, v);
                case "wd" -> wd = number(field, v);
                case "beta1" -> beta1 = number(field, v);
                case "beta2" -> beta2 = number(field, v);
                case "eps" -> eps = number(field, v);
                case "alr" -> alr = number(field, v);
                case "ns" -> ns = (int) integer(field, v);
                case "refresh" -> refresh = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, integer(field, v)));
                case "nesterov" -> nesterov = bool(field, v);
                case "exact" -> exact = bool(field, v);
                case "edges" -> edges = bool(field, v);
                default -> throw new SpecException(field, "unknown key");
            }
        }
        return new OptimizerSpec(kind, lr, beta, ns, nesterov, exact, wd, beta1, beta2, eps, alr, edges, refresh);
    }

    /** The settings that differ from the kind's defaults, in the {@link #parse} syntax. */
    public String toText() {
        OptimizerSpec d = defaults(kind);
        StringBuilder sb = new StringBuilder(kind);
        String sep = ":";
        for (String key : List.of("lr", "beta", "ns", "nesterov", "exact", "wd", "beta1", "beta2", "eps", "alr", "edges", "refresh")) {
            if (!KEYS.get(kind).contains(key)) continue;
            Object mine = value(key), theirs = d.value(key);
            if (!mine.equals(theirs)) {
                sb.append(sep).append(key).append('=').append(mine);
                sep = ",";
            }
        }
        return sb.toString();
    }

    private Object value(String key) {
        return switch (key) {
            case "lr" -> lr;
            case "beta" -> beta;
            case "ns" -> ns;
            case "nesterov" -> nesterov;
            case "exact" -> exact;
            case "wd" -> wd;
            case "beta1" -> beta1;
            case "beta2" -> beta2;
            case "eps" -> eps;
            case "alr" -> alr;
            case "edges" -> edges;
            case "refresh" -> refresh;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static double number(String field, String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException ex) {
            throw new SpecException(field, "expected a number, got '" + v + "'");
        }
    }

    private static long integer(String field, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ex) {
            throw new SpecException(field, "expected an integer, got '" + v + "'");
        }
    }

    private static boolean bool(String field, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new SpecException(field, "expected true or false, got '" + v + "'");
        };
    }
}

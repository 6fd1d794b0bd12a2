package org.muonscope.app.lessons;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.ExperimentKind;

/**
 * A text with numbers in braces, filled from runs: {@code {t90_measured of specgd, class 3}}. The grammar (README,
 * "Lessons"): {@code [max|min|mean|spread] FIELD [of LABEL] [, class N | classes A-B] [, step S] [, scene N]},
 * optionally two of them joined by a spaced {@code /}, {@code -}, {@code +} or {@code *}, and a trailing {@code %}
 * to show a fraction as a percentage. Classes, modes and indices count from 1, as the figures' legends do. Parsed
 * when the lesson opens, so a name that does not exist is refused then, not shown as a blank in front of a class.
 */
public final class Caption {
    /** What the parser needs to know about the scenes (0-based). */
    interface Scenes {
        int count();

        ExperimentKind kind(int scene);

        List<String> labels(int scene);

        /** How many entries a per-class field has in this scene, or -1 when only the data knows. */
        int classes(int scene);
    }

    /** One braced number. {@code index}, {@code from}, {@code to} are 0-based; -1 when not given. */
    record Ref(String agg, RunFields.Field field, String label, int index, int from, int to, long step, int scene) { }

    /** One braced expression: a number, or two joined by {@code op}. */
    record Expr(String text, Ref left, char op, Ref right, boolean percent) { }

    private final List<Object> parts;

    private Caption(List<Object> parts) {
        this.parts = parts;
    }

    List<Expr> expressions() {
        List<Expr> out = new ArrayList<>();
        for (Object p : parts) if (p instanceof Expr e) out.add(e);
        return out;
    }

    /**
     * Parses {@code text} of scene {@code scene}.
     *
     * @throws IllegalArgumentException naming the braces that are wrong and why
     */
    static Caption parse(String text, int scene, Scenes scenes) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) throw new IllegalArgumentException("a '{' at character " + (open + 1) + " is never closed");
            if (open > i) parts.add(text.substring(i, open));
            parts.add(expr(text.substring(open + 1, close).strip(), scene, scenes));
            i = close + 1;
        }
        if (text.indexOf('}') >= 0 && parts.stream().noneMatch(p -> p instanceof Expr)) {
            throw new IllegalArgumentException("a '}' without its '{'");
        }
        return new Caption(parts);
    }

    static Expr expr(String body, int scene, Scenes scenes) {
        boolean percent = body.endsWith("%");
        String b = percent ? body.substring(0, body.length() - 1).strip() : body;
        for (char op : new char[] {'/', '-', '+', '*'}) {
            int at = b.indexOf(" " + op + " ");
            if (at >= 0) {
                return new Expr(body, ref(b.substring(0, at).strip(), body, scene, scenes), op,
                        ref(b.substring(at + 3).strip(), body, scene, scenes), percent);
            }
        }
        return new Expr(body, ref(b, body, scene, scenes), (char) 0, null, percent);
    }

    private static final List<String> AGGREGATES = List.of("max", "min", "mean", "spread");

    private static Ref ref(String text, String whole, int scene, Scenes scenes) {
        String where = " in {" + whole + "}";
        String[] pieces = text.split(",");
        String[] head = pieces[0].strip().split("\\s+");
        int h = 0;
        String agg = head.length > 1 && AGGREGATES.contains(head[0]) ? head[h++] : null;
        if (h >= head.length || head[h].isEmpty()) throw new IllegalArgumentException("no field named" + where);
        String fieldName = head[h++];
        String label = null;
        if (h < head.length) {
            if (!head[h].equals("of") || h + 2 != head.length) {
                throw new IllegalArgumentException("expected 'FIELD of OPTIMIZER'" + where);
            }
            label = head[h + 1];
        }
        int index = -1, from = -1, to = -1, other = scene;
        long step = -1;
        for (int p = 1; p < pieces.length; p++) {
            String[] q = pieces[p].strip().split("\\s+");
            if (q.length != 2) throw new IllegalArgumentException("'" + pieces[p].strip() + "' is not 'class N', 'step S' or 'scene N'" + where);
            switch (q[0]) {
                case "class", "mode", "index" -> index = positive(q[1], q[0], where) - 1;
                case "classes", "modes", "indices" -> {
                    String[] r = q[1].split("-");
                    if (r.length != 2) throw new IllegalArgumentException("'" + q[0] + " " + q[1] + "' is not a range like 6-10" + where);
                    from = positive(r[0], q[0], where) - 1;
                    to = positive(r[1], q[0], where) - 1;
                    if (to < from) throw new IllegalArgumentException("the range " + q[1] + " is empty" + where);
                }
                case "step" -> step = step(q[1], where);
                case "scene" -> {
                    other = positive(q[1], "scene", where) - 1;
                    if (other >= scenes.count()) {
                        throw new IllegalArgumentException("there is no scene " + (other + 1) + " (the lesson has " + scenes.count() + ")" + where);
                    }
                }
                default -> throw new IllegalArgumentException("unknown qualifier '" + q[0]
                        + "' (known: class, classes, step, scene)" + where);
            }
        }
        ExperimentKind kind = scenes.kind(other);
        Map<String, RunFields.Field> fields = RunFields.of(kind);
        RunFields.Field field = fields.get(fieldName);
        if (field == null) {
            throw new IllegalArgumentException("unknown field '" + fieldName + "'" + where + " (a " + kind.id() + " run has: "
                    + String.join(" ", fields.keySet()) + ")");
        }
        List<String> labels = scenes.labels(other);
        if (label == null && !field.runInfo()) {
            throw new IllegalArgumentException("'" + fieldName + "' is measured per optimizer: add 'of' and one of "
                    + String.join(" ", labels) + where);
        }
        if (label != null && !labels.contains(label)) {
            throw new IllegalArgumentException("no optimizer '" + label + "'" + where + " (the scene runs: " + String.join(" ", labels) + ")");
        }
        if (field.vector()) {
            if (index < 0 && agg == null) {
                throw new IllegalArgumentException("'" + fieldName + "' has one number per class: name one ('class N') or take "
                        + "max, min, mean or spread" + where);
            }
            if (from >= 0 && agg == null) throw new IllegalArgumentException("a range needs max, min, mean or spread" + where);
            int k = scenes.classes(other);
            int top = Math.max(index, to);
            if (k > 0 && top >= k) throw new IllegalArgumentException("there is no class " + (top + 1) + " (the run has " + k + ")" + where);
        } else if (index >= 0 || from >= 0 || agg != null) {
            throw new IllegalArgumentException("'" + fieldName + "' is one number: it has no classes" + where);
        }
        if (step >= 0 && !field.perRecord()) {
            throw new IllegalArgumentException("'" + fieldName + "' is reported once per run: it has no step" + where);
        }
        return new Ref(agg, field, label, index, from, to, step, other);
    }

    private static int positive(String s, String what, String where) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(what + " must be a whole number from 1, got '" + s + "'" + where);
    }

    private static long step(String s, String where) {
        try {
            long v = Long.parseLong(s);
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("step must be a whole number from 0, got '" + s + "'" + where);
    }

    // ---- filling ----

    /** A number that could not be read from a run, and why. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    /**
     * The text with every number filled from {@code results} (scene index to its run; null while it runs: shown as
     * an ellipsis). A number the run does not hold shows as {@code ?}.
     */
    String fill(IntFunction<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                sb.append(s);
                continue;
            }
            Expr e = (Expr) p;
            try {
                sb.append(format(value(e, results), e.percent()));
            } catch (Missing m) {
                sb.append(m.getMessage() == null ? "\u2026" : "?");
            }
        }
        return sb.toString();
    }

    /** The value of an expression; {@link Missing} with a null message while a run it needs has not finished. */
    static double value(Expr e, IntFunction<RunResult> results) {
        double a = value(e.left(), results);
        if (e.op() == 0) return a;
        double b = value(e.right(), results);
        return switch (e.op()) {
            case '/' -> a / b;
            case '-' -> a - b;
            case '+' -> a + b;
            default -> a * b;
        };
    }

    static double value(Ref r, IntFunction<RunResult> results) {
        RunResult run = results.apply(r.scene());
        if (run == null) throw new Missing(null);
        Values v = values(r, run);
        Object x = v.get(r.field().name());
        if (x == null) throw new Missing("this run does not report " + r.field().name());
        if (x instanceof Double d) return d;
        if (!(x instanceof double[] a)) throw new Missing(r.field().name() + " is not a number");
        if (r.index() >= 0) {
            if (r.index() >= a.length) throw new Missing("there is no class " + (r.index() + 1) + " (the run has " + a.length + ")");
            return a[r.index()];
        }
        double[] part = a;
        if (r.from() >= 0) {
            if (r.to() >= a.length) throw new Missing("there is no class " + (r.to() + 1) + " (the run has " + a.length + ")");
            part = Arrays.copyOfRange(a, r.from(), r.to() + 1);
        }
        return aggregate(r.agg(), part);
    }

    private static Values values(Ref r, RunResult run) {
        if (r.label() == null) return run.info();
        OptimizerResult o = run.optimizer(r.label());
        if (o == null) throw new Missing("no optimizer " + r.label());
        String f = r.field().name();
        if (r.step() >= 0) {
            Record at = null;
            for (Record rec : o.records()) if (rec.step() <= r.step()) at = rec;
            if (at == null) throw new Missing("no record of " + r.label() + " at or before step " + r.step());
            return at.values();
        }
        if (o.summary().has(f)) return o.summary();
        if (o.last() != null && o.last().values().has(f)) return o.last().values();
        return run.info();
    }

    private static double aggregate(String agg, double[] a) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY, sum = 0;
        for (double v : a) {
            max = Math.max(max, v);
            min = Math.min(min, v);
            sum += v;
        }
        return switch (agg) {
            case "max" -> max;
            case "min" -> min;
            case "mean" -> sum / a.length;
            default -> max / min;
        };
    }

    /**
     * A number as a caption shows it: whole numbers whole, others to three significant digits, {@code never} for an
     * infinite time and {@code n/a} for a number that does not apply (NaN: a class that never reached 90%).
     */
    static String format(double v, boolean percent) {
        return format(v, percent, 3);
    }

    /** {@link #format(double, boolean)} to {@code digits} significant digits. */
    static String format(double v, boolean percent, int digits) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "never" : "-never";
        if (percent) return String.format(Locale.ROOT, "%." + (digits - 2) + "f%%", v * 100);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double m = Math.abs(v);
        if (m >= 1e6 || m < 1e-3) return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        if (m >= Math.pow(10, digits)) return String.format(Locale.ROOT, "%.0f", v);
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}

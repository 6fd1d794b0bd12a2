package org.muonscope.app.lessons;

import java.util.List;
import java.util.function.IntFunction;
import org.muonscope.engine.run.RunResult;

/**
 * A claim a scene's caption makes, written as {@code {A} < {B}} or {@code {A} >= 0.5}, checked against the engine's
 * numbers by {@code muonscope lesson NAME --check} and by the build, so a lesson cannot say what its runs do not show.
 */
public record Check(String text, Caption.Expr left, String op, Caption.Expr right, double constant) {
    private static final List<String> OPS = List.of("<=", ">=", "<", ">");

    /** The outcome: whether it holds, and the numbers it compared. */
    public record Outcome(Check check, boolean holds, String detail) { }

    /** @throws IllegalArgumentException naming what is wrong */
    static Check parse(String text, int scene, Caption.Scenes scenes) {
        String t = text.strip();
        if (!t.startsWith("{")) throw new IllegalArgumentException("a check starts with a braced number: '" + t + "'");
        int close = t.indexOf('}');
        if (close < 0) throw new IllegalArgumentException("a '{' is never closed in '" + t + "'");
        Caption.Expr left = Caption.expr(t.substring(1, close).strip(), scene, scenes);
        String rest = t.substring(close + 1).strip();
        String op = null;
        for (String o : OPS) {
            if (rest.startsWith(o)) {
                op = o;
                break;
            }
        }
        if (op == null) throw new IllegalArgumentException("a check compares with <, <=, > or >=: '" + t + "'");
        String rhs = rest.substring(op.length()).strip();
        if (rhs.startsWith("{") && rhs.endsWith("}")) {
            return new Check(t, left, op, Caption.expr(rhs.substring(1, rhs.length() - 1).strip(), scene, scenes), Double.NaN);
        }
        try {
            return new Check(t, left, op, null, Double.parseDouble(rhs));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the right side of '" + t + "' is neither a braced number nor a number");
        }
    }

    Outcome evaluate(IntFunction<RunResult> results) {
        double a, b;
        try {
            a = Caption.value(left, results);
            b = right == null ? constant : Caption.value(right, results);
        } catch (Caption.Missing m) {
            return new Outcome(this, false, m.getMessage() == null ? "a run it needs has not finished" : m.getMessage());
        }
        boolean holds = switch (op) {
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            default -> a >= b;
        };
        // more digits than a caption shows: a claim about a ratio near 1 must show how near
        return new Outcome(this, holds, Caption.format(a, false, 6) + " " + op + " " + Caption.format(b, false, 6));
    }
}

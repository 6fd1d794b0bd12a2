package org.muonscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The little CSV dialect of Muonscope's files: comma separated, {@code \n} line ends, a header line, numbers in
 * Java's shortest round-trip form ({@link Double#toString}, so reading gives back the exact double), an empty cell
 * for "no value", and RFC 4180 quotes only around text that needs them (messages with commas).
 */
public final class Csv {
    private Csv() { }

    /** A number cell; NaN becomes the empty cell. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "";
        // Integral values print without ".0" (step counts stay readable); -0.0 keeps its sign via toString.
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** A text cell, quoted when it holds a comma, quote or line break. */
    public static String text(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Splits one line into cells, honouring quotes.
     *
     * @throws IllegalArgumentException on an unterminated quote
     */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote");
        cells.add(cur.toString());
        return cells;
    }

    /** Parses a number cell; the empty cell is NaN. */
    public static double parseNum(String cell) {
        String t = cell.trim();
        if (t.isEmpty()) return Double.NaN;
        return Double.parseDouble(t);
    }
}

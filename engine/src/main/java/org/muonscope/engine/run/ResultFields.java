package org.muonscope.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Values being collected from the rows of a folder ({@link Results}): vectors and matrices grow as their entries arrive. */
final class ResultFields {
    private final Map<String, Object> map = new java.util.LinkedHashMap<>();

    void scalar(String f, double v) {
        map.put(f, v);
    }

    void text(String f, String v) {
        map.put(f, v);
    }

    @SuppressWarnings("unchecked")
    void element(String f, int i, double v) {
        List<Double> list = (List<Double>) map.computeIfAbsent(f, k -> new ArrayList<Double>());
        while (list.size() <= i) list.add(Double.NaN);
        list.set(i, v);
    }

    @SuppressWarnings("unchecked")
    void cell(String f, int r, int c, double v) {
        List<List<Double>> rows = (List<List<Double>>) map.computeIfAbsent(f, k -> new Grid());
        while (rows.size() <= r) rows.add(new ArrayList<>());
        List<Double> row = rows.get(r);
        while (row.size() <= c) row.add(Double.NaN);
        row.set(c, v);
    }

    /** The index of a named entry of a label list (group or layer names), added when new. */
    @SuppressWarnings("unchecked")
    int label(String f, String name) {
        List<String> names = (List<String>) map.computeIfAbsent(f, k -> new Names());
        int i = names.indexOf(name);
        if (i >= 0) return i;
        names.add(name);
        return names.size() - 1;
    }

    @SuppressWarnings("unchecked")
    Values build() {
        Values.Builder b = Values.builder();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Double d) b.put(e.getKey(), d);
            else if (v instanceof String s) b.put(e.getKey(), s);
            else if (v instanceof Names n) b.put(e.getKey(), n.toArray(new String[0]));
            else if (v instanceof Grid g) {
                double[][] m = new double[g.size()][];
                for (int i = 0; i < m.length; i++) m[i] = g.get(i).stream().mapToDouble(Double::doubleValue).toArray();
                b.put(e.getKey(), m);
            } else {
                b.put(e.getKey(), ((List<Double>) v).stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return b.build();
    }

    private static final class Grid extends ArrayList<List<Double>> { }

    private static final class Names extends ArrayList<String> { }
}

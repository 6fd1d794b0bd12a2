package org.muonscope.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.Spec;

/**
 * Expands a sweep into its cells, each a full spec built by {@link SpecCodec#with} and so validated by the kind's
 * record: the whole sweep is refused before anything runs when one cell is bad, naming the cell and the field.
 */
public final class Grid {
    /** The sweep key that gives each cell one optimizer (the spec field {@code optimizers} holds a list). */
    public static final String OPTIMIZER = "optimizer";
    /** Longer folder names are cut and end in a hash of the whole name (file systems allow 255 bytes). */
    private static final int MAX_ID = 160;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Grid() { }

    /** The keys a sweep of this kind may vary: the spec's fields and {@value #OPTIMIZER}, not its seed. */
    public static List<String> keys(ExperimentKind kind) {
        List<String> out = new ArrayList<>(SpecCodec.fields(kind));
        out.remove("seed");
        out.add(OPTIMIZER);
        return out;
    }

    /**
     * Checks a key for a sweep of this kind.
     *
     * @throws SpecException naming the key and listing the known ones
     */
    public static void checkKey(ExperimentKind kind, String key) {
        if (key.equals("seed")) throw new SpecException("vary", "seeds are not a --vary key: give --seeds A-B");
        if (!keys(kind).contains(key)) {
            throw new SpecException("vary", "unknown key '" + key + "' for a " + kind.id() + " sweep (known: "
                    + String.join(" ", keys(kind)) + ")");
        }
    }

    /**
     * Every cell, in order, each validated.
     *
     * @throws SpecException naming the cell and the field of the first bad cell, or a bad key
     */
    public static List<Cell> cells(SweepSpec sweep) {
        ExperimentKind kind = sweep.base().kind();
        boolean hasOptimizer = false, hasOptimizers = false;
        for (SweepSpec.Axis a : sweep.axes()) {
            checkKey(kind, a.key());
            hasOptimizer |= a.key().equals(OPTIMIZER);
            hasOptimizers |= a.key().equals("optimizers");
        }
        if (hasOptimizer && hasOptimizers) throw new SpecException("vary", "vary either optimizer or optimizers, not both");
        if (sweep.axes().stream().map(SweepSpec.Axis::key).distinct().count() != sweep.axes().size()) {
            throw new SpecException("vary", "a key is varied twice; give all its values in one --vary KEY=V1,V2,...");
        }
        List<Cell> out = new ArrayList<>(sweep.size());
        Map<String, Integer> ids = new HashMap<>();
        int[] at = new int[sweep.axes().size()];
        while (true) {
            for (long seed = sweep.firstSeed(); seed <= sweep.lastSeed(); seed++) {
                Cell c = cell(sweep, at, seed, out.size());
                Integer clash = ids.put(c.id(), c.index());
                if (clash != null) {
                    throw new SpecException("vary", "cells " + clash + " and " + c.index() + " get the same folder name " + c.id());
                }
                out.add(c);
            }
            int k = at.length - 1;
            while (k >= 0 && ++at[k] == sweep.axes().get(k).values().size()) at[k--] = 0;
            if (k < 0) return out;
        }
    }

    private static Cell cell(SweepSpec sweep, int[] at, long seed, int index) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        StringBuilder id = new StringBuilder();
        for (int k = 0; k < at.length; k++) {
            SweepSpec.Axis a = sweep.axes().get(k);
            JsonNode v = a.values().get(at[k]);
            String text = text(a.key(), v);
            texts.add(text);
            id.append(a.key()).append('=').append(text).append('-');
            if (a.key().equals(OPTIMIZER)) changes.put("optimizers", NODES.arrayNode().add(v));
            else changes.put(a.key(), v);
        }
        id.append("seed=").append(seed);
        changes.put("seed", NODES.numberNode(seed));
        String name = folderName(id.toString());
        Spec spec;
        try {
            spec = SpecCodec.with(sweep.base(), changes);
        } catch (SpecException e) {
            throw new SpecException("cell " + name, e.getMessage());
        }
        return new Cell(index, name, texts, seed, spec);
    }

    /** A value as the text that names it in folder names and in {@code sweep.csv}. */
    public static String text(String key, JsonNode v) {
        if (key.equals(OPTIMIZER) || (key.equals("optimizers") && !v.isArray())) return SpecCodec.optimizer(v, key).toText();
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) parts.add(key.equals("optimizers") ? SpecCodec.optimizer(e, key).toText() : text(key, e));
            return String.join(key.equals("optimizers") ? "+" : ",", parts);
        }
        if (v.isNull()) return "none";
        if (v.isIntegralNumber()) return v.asText();
        if (v.isNumber()) return Csv.num(v.doubleValue());
        return v.asText();
    }

    /** Keeps the characters a shell and every file system take as they are; cuts long names (with a hash). */
    static String folderName(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (char ch : id.toCharArray()) {
            boolean plain = ch < 128 && (Character.isLetterOrDigit(ch) || "._:=,+-".indexOf(ch) >= 0);
            sb.append(plain ? ch : '_');
        }
        String s = sb.toString();
        if (s.startsWith(".")) s = "_" + s.substring(1);
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_ID) return s;
        return s.substring(0, MAX_ID - 9) + "~" + String.format("%08x", id.hashCode());
    }
}

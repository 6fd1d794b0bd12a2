package org.muonscope.engine.run;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named numbers of a record, an optimizer's summary or a run: scalars, vectors, matrices and text, in insertion
 * order. Every kind of experiment reports through this one shape, so writers, readers, sweeps and captions handle
 * any kind by field name. Immutable; the arrays are shared, never modify them.
 */
public final class Values {
    public static final Values EMPTY = new Values(Map.of());

    private final Map<String, Object> fields;

    private Values(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** The raw value: a {@code Double}, {@code double[]}, {@code double[][]}, {@code String} or {@code String[]}. */
    public Object get(String name) {
        return fields.get(name);
    }

    /** A scalar; NaN when absent. */
    public double scalar(String name) {
        Object v = fields.get(name);
        if (v == null) return Double.NaN;
        if (v instanceof Double d) return d;
        throw new IllegalArgumentException(name + " is not a scalar");
    }

    /** A vector; null when absent. */
    public double[] vector(String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof double[]) return (double[]) v;
        throw new IllegalArgumentException(name + " is not a vector");
    }

    /** A matrix (rows); null when absent. */
    public double[][] matrix(String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof double[][]) return (double[][]) v;
        throw new IllegalArgumentException(name + " is not a matrix");
    }

    /** A text; null when absent. */
    public String text(String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof String) return (String) v;
        throw new IllegalArgumentException(name + " is not a text");
    }

    /** A list of texts; null when absent. */
    public String[] texts(String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof String[]) return (String[]) v;
        throw new IllegalArgumentException(name + " is not a list of texts");
    }

    /** A copy with more fields (later ones win). */
    public Values with(Values more) {
        Builder b = new Builder();
        b.fields.putAll(fields);
        b.fields.putAll(more.fields);
        return b.build();
    }

    @Override
    public String toString() {
        return "Values" + fields.keySet();
    }

    private static final byte SCALAR = 1, VECTOR = 2, MATRIX = 3, TEXT = 4, TEXTS = 5;

    /** Writes every field bit-exactly (checkpoints). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(fields.size());
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            out.writeUTF(e.getKey());
            Object v = e.getValue();
            if (v instanceof Double d) {
                out.writeByte(SCALAR);
                out.writeDouble(d);
            } else if (v instanceof double[] a) {
                out.writeByte(VECTOR);
                writeArray(out, a);
            } else if (v instanceof double[][] m) {
                out.writeByte(MATRIX);
                out.writeInt(m.length);
                for (double[] row : m) writeArray(out, row);
            } else if (v instanceof String s) {
                out.writeByte(TEXT);
                out.writeUTF(s);
            } else {
                String[] t = (String[]) v;
                out.writeByte(TEXTS);
                out.writeInt(t.length);
                for (String s : t) out.writeUTF(s);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static Values read(DataInput in) throws IOException {
        Builder b = new Builder();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte type = in.readByte();
            switch (type) {
                case SCALAR -> b.put(name, in.readDouble());
                case VECTOR -> b.put(name, readArray(in));
                case MATRIX -> {
                    double[][] m = new double[in.readInt()][];
                    for (int r = 0; r < m.length; r++) m[r] = readArray(in);
                    b.put(name, m);
                }
                case TEXT -> b.put(name, in.readUTF());
                case TEXTS -> {
                    String[] t = new String[in.readInt()];
                    for (int k = 0; k < t.length; k++) t[k] = in.readUTF();
                    b.put(name, t);
                }
                default -> throw new IOException("unknown value type " + type + " for " + name);
            }
        }
        return b.build();
    }

    private static void writeArray(DataOutput out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static double[] readArray(DataInput in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) a[i] = in.readDouble();
        return a;
    }

    /** Collects fields; null values are skipped (a field that does not apply is absent, not null). */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Builder put(String name, double v) {
            fields.put(name, v);
            return this;
        }

        public Builder put(String name, double[] v) {
            if (v != null) fields.put(name, v);
            return this;
        }

        public Builder put(String name, double[][] v) {
            if (v != null) fields.put(name, v);
            return this;
        }

        public Builder put(String name, String v) {
            if (v != null) fields.put(name, v);
            return this;
        }

        public Builder put(String name, String[] v) {
            if (v != null) fields.put(name, v);
            return this;
        }

        /** Puts a scalar only when it is not NaN (a metric that does not apply to this run). */
        public Builder putIfNumber(String name, double v) {
            if (!Double.isNaN(v)) fields.put(name, v);
            return this;
        }

        public Values build() {
            return new Values(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}

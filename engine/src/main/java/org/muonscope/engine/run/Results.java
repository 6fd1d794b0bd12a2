package org.muonscope.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.AtomicFiles;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.io.MatrixText;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.run.Column.Part;
import org.muonscope.engine.run.Table.Source;
import org.muonscope.engine.spec.Spec;

/**
 * The one writer and reader of results folders, for every kind: {@code spec.json}, {@code provenance.json} and the
 * CSV tables of the kind's {@link Layout}, each file written atomically. Reading gives back the {@link RunResult}
 * (records, statuses, summaries, info); a file or column a folder lacks (written before it existed) is skipped.
 */
public final class Results {
    private Results() { }

    /**
     * Writes every file of {@code result} into {@code dir} (created when missing).
     *
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public static void write(RunResult result, Layout layout, Path dir) {
        SpecCodec.write(result.spec(), dir.resolve("spec.json"));
        AtomicFiles.write(dir.resolve("provenance.json"), result.provenance().toJson());
        for (Table t : layout.tables()) {
            if (t.source() == Source.OPTIMIZER_MATRIX) {
                writeMatrices(result, t, dir);
            } else {
                Csv.Writer w = table(result, t);
                if (w != null) w.write(dir.resolve(t.file()));
            }
        }
    }

    /** One table's text, or null when it has no values and is not kept empty (tests and previews use this). */
    public static Csv.Writer table(RunResult result, Table t) {
        List<Item> items = items(result, t.source());
        List<Column> cols = new ArrayList<>();
        boolean anyValue = false;
        for (Column c : t.columns()) {
            if (!c.part().isValue()) {
                cols.add(c);
                continue;
            }
            boolean present = false;
            for (Item i : items) present |= i.lookup(c.field()) != null;
            if (present) {
                cols.add(c);
                anyValue = true;
            }
        }
        if (!anyValue && !t.keepEmpty()) return null;
        Csv.Writer w = Csv.writer(cols.stream().map(Column::header).toList());
        for (Item item : items) {
            int[] shape = shape(item, cols);
            for (int r = 0; r < shape.length; r++) {
                for (int c = 0; c < shape[r]; c++) w.row(cells(item, cols, r, c, result));
            }
        }
        return w;
    }

    /** Rows of an item: one row per matrix row with that row's length of cells, a vector's length, or a single row. */
    private static int[] shape(Item item, List<Column> cols) {
        for (Column c : cols) {
            if (c.part() == Part.CELL) {
                Object m = item.lookup(c.field());
                if (m == null) continue;
                double[][] mat = (double[][]) m;
                int[] out = new int[mat.length];
                for (int i = 0; i < mat.length; i++) out[i] = mat[i].length;
                return out;
            }
        }
        for (Column c : cols) {
            if (c.part() == Part.ELEMENT) {
                Object v = item.lookup(c.field());
                if (v == null) continue;
                int[] out = new int[((double[]) v).length];
                java.util.Arrays.fill(out, 1);
                return out;
            }
        }
        boolean valueColumns = cols.stream().anyMatch(c -> c.part().isValue());
        boolean hasValue = cols.stream().anyMatch(c -> c.part().isValue() && item.lookup(c.field()) != null);
        boolean indexed = cols.stream().anyMatch(c -> c.part() == Part.INDEX || c.part() == Part.ROW);
        // a table of keys alone (optimizers.csv) has a row per item; one with values, a row where the item has any
        return (hasValue || !valueColumns) && !indexed ? new int[] {1} : new int[0];
    }

    private static List<String> cells(Item item, List<Column> cols, int r, int c, RunResult result) {
        List<String> out = new ArrayList<>(cols.size());
        for (Column col : cols) {
            out.add(switch (col.part()) {
                case OPTIMIZER -> item.optimizer.label();
                case STEP -> Long.toString(item.record.step());
                case SLOT -> Integer.toString(item.optimizer.slot());
                case STATUS -> item.optimizer.status().name();
                case SETTING -> item.optimizer.settings().toText();
                case MESSAGE -> item.optimizer.message() == null ? "" : item.optimizer.message();
                case INDEX -> col.field() == null ? Integer.toString(r + col.base()) : label(result, col.field(), r);
                case ROW -> col.field() == null ? Integer.toString(r + col.base()) : label(result, col.field(), r);
                case COL -> Integer.toString(c + col.base());
                case SCALAR -> number(col, item.lookup(col.field()) instanceof Double d ? d : Double.NaN);
                case TEXT -> item.lookup(col.field()) instanceof String s ? s : "";
                case ELEMENT -> item.lookup(col.field()) instanceof double[] v && r < v.length ? number(col, v[r]) : "";
                case CELL -> item.lookup(col.field()) instanceof double[][] m && r < m.length && c < m[r].length
                        ? number(col, m[r][c]) : "";
            });
        }
        return out;
    }

    private static String label(RunResult result, String field, int i) {
        String[] names = result.info().texts(field);
        return names != null && i < names.length ? names[i] : Integer.toString(i);
    }

    private static String number(Column c, double v) {
        if (c.bool()) return Double.isNaN(v) ? "" : Boolean.toString(v != 0);
        return Csv.num(v);
    }

    private static void writeMatrices(RunResult result, Table t, Path dir) {
        String field = t.columns().get(0).field();
        for (OptimizerResult o : result.optimizers()) {
            double[][] m = o.summary().matrix(field);
            if (m != null) AtomicFiles.write(dir.resolve(String.format(t.file(), o.label())), MatrixText.format(m));
        }
    }

    /** A row source with its value lookup: a record's values, then its optimizer's summary, then the run's info. */
    private record Item(OptimizerResult optimizer, Record record, Values own, Values info) {
        Object lookup(String field) {
            if (field == null) return null;
            Object v = own.get(field);
            if (v == null && optimizer != null && record != null) v = optimizer.summary().get(field);
            return v != null ? v : info.get(field);
        }
    }

    private static List<Item> items(RunResult r, Source source) {
        List<Item> out = new ArrayList<>();
        switch (source) {
            case RECORDS -> {
                for (OptimizerResult o : r.optimizers()) for (Record rec : o.records()) out.add(new Item(o, rec, rec.values(), r.info()));
            }
            case LAST_RECORD -> {
                for (OptimizerResult o : r.optimizers()) if (o.last() != null) out.add(new Item(o, o.last(), o.last().values(), r.info()));
            }
            case OPTIMIZERS, OPTIMIZER_MATRIX -> {
                for (OptimizerResult o : r.optimizers()) out.add(new Item(o, null, o.summary(), r.info()));
            }
            case INFO -> out.add(new Item(null, null, r.info(), Values.EMPTY));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads a folder written by {@link #write} (or by the writers before it, whose files it shares).
     *
     * @throws IOException naming the file and line of the first problem
     */
    public static RunResult read(Path dir, Layout layout) throws IOException {
        Spec spec;
        try {
            spec = SpecCodec.read(dir.resolve("spec.json"));
        } catch (SpecException e) {
            throw new IOException(dir.resolve("spec.json") + ": " + e.getMessage(), e);
        }
        return read(dir, layout, spec);
    }

    /** As {@link #read(Path, Layout)} with the spec already read. */
    public static RunResult read(Path dir, Layout layout, Spec spec) throws IOException {
        Path provFile = dir.resolve("provenance.json");
        RunProvenance prov = Files.exists(provFile)
                ? RunProvenance.parse(Files.readString(provFile, StandardCharsets.UTF_8))
                : new RunProvenance(RunProvenance.UNKNOWN, RunProvenance.UNKNOWN, RunProvenance.UNKNOWN,
                RunProvenance.UNKNOWN, 0, RunProvenance.UNKNOWN, spec.seed(), "");
        Reading rd = new Reading(spec);
        for (Table t : layout.tables()) {
            if (t.source() == Source.OPTIMIZER_MATRIX) {
                rd.readMatrices(dir, t);
                continue;
            }
            Path file = dir.resolve(t.file());
            if (!Files.exists(file)) continue;
            rd.readTable(Csv.read(file), t);
        }
        return rd.result(prov);
    }

    /** The state of one folder being read. */
    private static final class Reading {
        final Spec spec;
        final List<String> labels;
        final Map<String, Integer> slotOf = new HashMap<>();
        final List<Map<Long, ResultFields>> records = new ArrayList<>();
        final List<ResultFields> summaries = new ArrayList<>();
        final List<String[]> statuses = new ArrayList<>();
        final ResultFields info = new ResultFields();

        Reading(Spec spec) {
            this.spec = spec;
            this.labels = spec.labels();
            for (int i = 0; i < labels.size(); i++) {
                slotOf.put(labels.get(i), i);
                records.add(new java.util.TreeMap<>());
                summaries.add(new ResultFields());
                statuses.add(null);
            }
        }

        /**
         * The slot of a label. Folders written before the one label rule name CNN optimizers by their settings text
         * ({@code adam:lr=0.001}): such a label takes the next slot no label has claimed, in order of appearance.
         */
        int slot(String label, Csv.Table t, CSVRecord row) throws IOException {
            Integer s = slotOf.get(label);
            if (s == null) {
                for (int i = 0; i < labels.size() && s == null; i++) if (!used.contains(i)) s = i;
                if (s == null) {
                    throw new IOException(t.file() + ":" + t.line(row) + ": optimizer '" + label + "' is not in spec.json ("
                            + String.join(" ", labels) + ")");
                }
                slotOf.put(label, s);
            }
            used.add(s);
            return s;
        }

        /** Slots some file has named. */
        private final java.util.Set<Integer> used = new java.util.HashSet<>();

        void readTable(Csv.Table t, Table decl) throws IOException {
            List<Column> cols = decl.columns().stream().filter(c -> t.has(c.header())).toList();
            for (CSVRecord row : t.rows()) {
                ResultFields target;
                int slot = -1;
                switch (decl.source()) {
                    case RECORDS, LAST_RECORD -> {
                        slot = slot(row.get("optimizer"), t, row);
                        long step = integer(t, row, "step");
                        target = records.get(slot).computeIfAbsent(step, k -> new ResultFields());
                    }
                    case OPTIMIZERS -> {
                        slot = slot(row.get("optimizer"), t, row);
                        target = summaries.get(slot);
                    }
                    default -> target = info;
                }
                int index = 0;
                int r = 0;
                int c = 0;
                for (Column col : cols) {
                    String cell = row.get(col.header());
                    switch (col.part()) {
                        case INDEX -> {
                            if (col.field() == null) {
                                index = (int) integer(t, row, col.header()) - col.base();
                            } else {
                                index = info.label(col.field(), cell);
                            }
                        }
                        case ROW -> r = col.field() == null ? (int) integer(t, row, col.header()) - col.base()
                                : info.label(col.field(), cell);
                        case COL -> c = (int) integer(t, row, col.header()) - col.base();
                        default -> { }
                    }
                }
                if (index < 0 || r < 0 || c < 0) throw new IOException(t.file() + ":" + t.line(row) + ": negative index");
                for (Column col : cols) {
                    String cell = row.get(col.header());
                    switch (col.part()) {
                        case STATUS -> statuses.set(slot, new String[] {cell, row.isMapped("message") ? row.get("message") : ""});
                        case SCALAR -> target.scalar(col.field(), number(t, row, col, cell));
                        case TEXT -> target.text(col.field(), cell);
                        case ELEMENT -> target.element(col.field(), index, number(t, row, col, cell));
                        case CELL -> target.cell(col.field(), r, c, number(t, row, col, cell));
                        default -> { }
                    }
                }
            }
        }

        void readMatrices(Path dir, Table t) throws IOException {
            String field = t.columns().get(0).field();
            for (int slot = 0; slot < labels.size(); slot++) {
                Path file = dir.resolve(String.format(t.file(), labels.get(slot)));
                if (!Files.exists(file)) continue;
                double[][] m;
                try {
                    m = MatrixText.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), true);
                } catch (SpecException e) {
                    throw new IOException(e.getMessage(), e);
                }
                for (int r = 0; r < m.length; r++) for (int c = 0; c < m[r].length; c++) summaries.get(slot).cell(field, r, c, m[r][c]);
            }
        }

        RunResult result(RunProvenance prov) throws IOException {
            List<OptimizerResult> out = new ArrayList<>();
            for (int slot = 0; slot < labels.size(); slot++) {
                List<Record> recs = new ArrayList<>();
                for (Map.Entry<Long, ResultFields> e : records.get(slot).entrySet()) {
                    recs.add(new Record(labels.get(slot), slot, e.getKey(), e.getValue().build()));
                }
                String[] st = statuses.get(slot);
                Status status = Status.COMPLETED;
                String message = null;
                if (st != null) {
                    try {
                        status = Status.valueOf(st[0].trim().toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("unknown status '" + st[0] + "' for " + labels.get(slot));
                    }
                    message = st[1].isEmpty() ? null : st[1];
                }
                out.add(new OptimizerResult(labels.get(slot), slot, spec.optimizers().get(slot), status, message, recs,
                        summaries.get(slot).build()));
            }
            return new RunResult(spec, prov, out, info.build());
        }
    }

    private static long integer(Csv.Table t, CSVRecord row, String column) throws IOException {
        String cell = row.get(column);
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            throw new IOException(t.file() + ":" + t.line(row) + ": column " + column + ": not an integer '" + cell + "'");
        }
    }

    private static double number(Csv.Table t, CSVRecord row, Column col, String cell) throws IOException {
        if (col.bool()) {
            String b = cell.strip();
            if (b.isEmpty()) return Double.NaN;
            if (b.equals("true")) return 1;
            if (b.equals("false")) return 0;
            throw new IOException(t.file() + ":" + t.line(row) + ": column " + col.header() + ": not true or false '" + cell + "'");
        }
        try {
            return Csv.parseNum(cell);
        } catch (NumberFormatException e) {
            throw new IOException(t.file() + ":" + t.line(row) + ": column " + col.header() + ": not a number '" + cell + "'");
        }
    }
}

package org.muonscope.engine.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.SpecException;

/**
 * A run's folder: {@code spec.json}, {@code provenance.json}, {@code trajectories.csv}, {@code metrics.csv},
 * {@code saturation.csv}, {@code weights-LABEL.csv} (the issue-2 contract), plus {@code singular-values.csv} and
 * {@code optimizers.csv} (status and message per optimizer) so that {@link #read} gives back the whole
 * {@link RunResult} and a figure can be redrawn from the folder alone. Columns are documented in the README.
 * Classes are numbered from 0 in every file.
 */
public final class ResultsIO {
    private ResultsIO() { }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static final String TRAJECTORIES_HEADER = "optimizer,step,class,diag,class_loss,class_accuracy";
    public static final String METRICS_HEADER = "optimizer,step,loss,balanced_loss,minority_loss,worst_class_loss,"
            + "balanced_accuracy,worst_class_accuracy,offdiag_ratio";
    public static final String SATURATION_HEADER = "optimizer,class,prior,w_star,t90_measured,t90_theory";
    public static final String SINGULAR_HEADER = "optimizer,step,index,value";
    public static final String OPTIMIZERS_HEADER = "optimizer,slot,status,setting,message";

    /** The weights file of one optimizer label. */
    public static String weightsFile(String label) {
        return "weights-" + label + ".csv";
    }

    /**
     * Writes every file of {@code result} into {@code dir} (created when missing), each atomically.
     *
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public static void write(RunResult result, Path dir) {
        TheorySpec spec = result.spec();
        SpecJson.write(spec, dir.resolve("spec.json"));
        AtomicFiles.write(dir.resolve("provenance.json"), provenanceJson(result.provenance()));
        StringBuilder traj = new StringBuilder(TRAJECTORIES_HEADER).append('\n');
        StringBuilder met = new StringBuilder(METRICS_HEADER).append('\n');
        StringBuilder sat = new StringBuilder(SATURATION_HEADER).append('\n');
        StringBuilder sv = new StringBuilder(SINGULAR_HEADER).append('\n');
        StringBuilder opt = new StringBuilder(OPTIMIZERS_HEADER).append('\n');
        for (OptimizerResult r : result.optimizers()) {
            String name = Csv.text(r.optimizer());
            for (Snapshot s : r.snapshots()) {
                for (int c = 0; c < s.diag().length; c++) {
                    traj.append(name).append(',').append(s.step()).append(',').append(c).append(',')
                            .append(Csv.num(s.diag()[c])).append(',').append(Csv.num(s.classLoss()[c])).append(',')
                            .append(Csv.num(s.classAccuracy()[c])).append('\n');
                }
                met.append(name).append(',').append(s.step());
                for (double v : new double[] {s.loss(), s.balancedLoss(), s.minorityLoss(), s.worstClassLoss(),
                        s.balancedAccuracy(), s.worstClassAccuracy(), s.offdiagRatio()}) {
                    met.append(',').append(Csv.num(v));
                }
                met.append('\n');
                double[] sing = s.singularValues() == null ? new double[0] : s.singularValues();
                for (int i = 0; i < sing.length; i++) {
                    sv.append(name).append(',').append(s.step()).append(',').append(i).append(',')
                            .append(Csv.num(sing[i])).append('\n');
                }
            }
            for (int c = 0; c < spec.classes(); c++) {
                long t = r.t90() != null && c < r.t90().length ? r.t90()[c] : -1;
                sat.append(name).append(',').append(c).append(',').append(Csv.num(spec.priors()[c])).append(',')
                        .append(Csv.num(at(r.wStar(), c))).append(',').append(t < 0 ? "" : Long.toString(t)).append(',')
                        .append(Csv.num(at(r.t90Theory(), c))).append('\n');
            }
            opt.append(name).append(',').append(r.slot()).append(',').append(r.status()).append(',')
                    .append(Csv.text(spec.optimizers().get(r.slot()).toText())).append(',')
                    .append(Csv.text(r.message())).append('\n');
            if (r.finalW() != null) AtomicFiles.write(dir.resolve(weightsFile(r.optimizer())), matrixCsv(r.finalW()));
        }
        AtomicFiles.write(dir.resolve("trajectories.csv"), traj.toString());
        AtomicFiles.write(dir.resolve("metrics.csv"), met.toString());
        AtomicFiles.write(dir.resolve("saturation.csv"), sat.toString());
        AtomicFiles.write(dir.resolve("singular-values.csv"), sv.toString());
        AtomicFiles.write(dir.resolve("optimizers.csv"), opt.toString());
    }

    /** A matrix as plain comma-separated rows, one per line (the {@code weights-*.csv} and orthogonalize format). */
    public static String matrixCsv(double[][] m) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) sb.append(',');
                sb.append(Double.toString(row[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Parses plain comma-separated numbers, one matrix row per line; blank lines are skipped.
     *
     * @param field the name errors carry (e.g. {@code in})
     * @throws SpecException naming {@code field}, the line and the column of the first bad cell
     */
    public static double[][] parseMatrix(String text, String field) {
        return parseMatrix(text, field, false);
    }

    /**
     * As {@link #parseMatrix(String, String)}; {@code nonFinite} admits NaN and infinities (a diverged optimizer's
     * final weights).
     */
    public static double[][] parseMatrix(String text, String field, boolean nonFinite) {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                String c = cells[j].strip();
                try {
                    row[j] = Double.parseDouble(c);
                } catch (NumberFormatException e) {
                    throw new SpecException(field, "line " + (i + 1) + ", column " + (j + 1) + ": not a number '" + c + "'");
                }
                if (!nonFinite && !Double.isFinite(row[j])) {
                    throw new SpecException(field, "line " + (i + 1) + ", column " + (j + 1) + ": not a finite number '" + c + "'");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new SpecException(field, "line " + (i + 1) + " has " + row.length + " values, the first row has " + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new SpecException(field, "no numbers found");
        return rows.toArray(new double[0][]);
    }

    private static double at(double[] a, int i) {
        return a != null && i < a.length ? a[i] : Double.NaN;
    }

    /** {@code provenance.json} as every results folder (theory, cnn, dln, routing) writes it. */
    public static String provenanceJson(RunProvenance p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("muonscope_version", p.muonscopeVersion());
        n.put("java_version", p.javaVersion());
        n.put("os", p.os());
        n.put("arch", p.arch());
        n.put("processors", p.processors());
        n.put("started_at", p.startedAt());
        n.put("seed", p.seed());
        n.put("command", p.command());
        n.put("ejml_version", p.ejmlVersion());
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flat object always serializes", e);
        }
    }

    static RunProvenance parseProvenance(String json) throws IOException {
        JsonNode n = MAPPER.readTree(json);
        if (n == null || !n.isObject()) throw new IOException("provenance.json: expected a JSON object");
        return new RunProvenance(n.path("muonscope_version").asText(RunProvenance.UNKNOWN),
                n.path("java_version").asText(RunProvenance.UNKNOWN), n.path("os").asText(RunProvenance.UNKNOWN),
                n.path("arch").asText(RunProvenance.UNKNOWN), n.path("processors").asInt(0),
                n.path("started_at").asText(RunProvenance.UNKNOWN), n.path("seed").asLong(0),
                n.path("command").asText(""), n.path("ejml_version").asText(RunProvenance.UNKNOWN));
    }

    /**
     * Reads a folder written by {@link #write}. {@code singular-values.csv} and {@code optimizers.csv} are optional
     * (empty singular values; status COMPLETED) so a folder trimmed to the issue-2 files still loads.
     *
     * @throws IOException naming the file and line of the first problem
     */
    public static RunResult read(Path dir) throws IOException {
        TheorySpec spec;
        try {
            spec = SpecJson.parse(Files.readString(dir.resolve("spec.json"), StandardCharsets.UTF_8)).spec();
        } catch (SpecException e) {
            throw new IOException(dir.resolve("spec.json") + ": " + e.getMessage(), e);
        }
        RunProvenance prov = parseProvenance(Files.readString(dir.resolve("provenance.json"), StandardCharsets.UTF_8));
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        int k = spec.classes();
        Map<String, Map<Long, SnapBuilder>> snaps = new LinkedHashMap<>();
        for (String l : labels) snaps.put(l, new LinkedHashMap<>());

        for (Row row : rows(dir.resolve("metrics.csv"), METRICS_HEADER)) {
            SnapBuilder b = builder(snaps, row, k);
            for (int i = 0; i < 7; i++) b.aggregate[i] = row.num(2 + i);
        }
        for (Row row : rows(dir.resolve("trajectories.csv"), TRAJECTORIES_HEADER)) {
            SnapBuilder b = builder(snaps, row, k);
            int c = row.classIndex(2, k);
            b.diag[c] = row.num(3);
            b.classLoss[c] = row.num(4);
            b.classAccuracy[c] = row.num(5);
        }
        Path svFile = dir.resolve("singular-values.csv");
        if (Files.exists(svFile)) {
            for (Row row : rows(svFile, SINGULAR_HEADER)) {
                SnapBuilder b = builder(snaps, row, k);
                int i = (int) row.integer(2);
                if (i != b.singular.size()) throw row.error("singular value index " + i + " out of order");
                b.singular.add(row.num(3));
            }
        }
        Map<String, String[]> status = new HashMap<>();
        Path optFile = dir.resolve("optimizers.csv");
        if (Files.exists(optFile)) {
            for (Row row : rows(optFile, OPTIMIZERS_HEADER)) status.put(row.cell(0), new String[] {row.cell(2), row.cell(4)});
        }
        Map<String, long[]> t90 = new HashMap<>();
        Map<String, double[][]> theory = new HashMap<>();
        for (String l : labels) {
            long[] t = new long[k];
            Arrays.fill(t, -1);
            t90.put(l, t);
            double[][] th = new double[2][k];
            for (double[] a : th) Arrays.fill(a, Double.NaN);
            theory.put(l, th);
        }
        for (Row row : rows(dir.resolve("saturation.csv"), SATURATION_HEADER)) {
            String l = row.label(labels);
            int c = row.classIndex(1, k);
            theory.get(l)[0][c] = row.num(3);
            t90.get(l)[c] = row.cell(4).isBlank() ? -1 : row.integer(4);
            theory.get(l)[1][c] = row.num(5);
        }
        List<OptimizerResult> results = new ArrayList<>();
        for (int slot = 0; slot < labels.size(); slot++) {
            String l = labels.get(slot);
            List<Snapshot> list = new ArrayList<>();
            for (SnapBuilder b : snaps.get(l).values()) list.add(b.build(l, slot));
            String[] st = status.getOrDefault(l, new String[] {"COMPLETED", ""});
            OptimizerResult.Status s;
            try {
                s = OptimizerResult.Status.valueOf(st[0]);
            } catch (IllegalArgumentException e) {
                throw new IOException(optFile + ": unknown status '" + st[0] + "' for " + l);
            }
            Path wFile = dir.resolve(weightsFile(l));
            double[][] w = null;
            if (Files.exists(wFile)) {
                try {
                    w = parseMatrix(Files.readString(wFile, StandardCharsets.UTF_8), wFile.getFileName().toString(), true);
                } catch (SpecException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            results.add(new OptimizerResult(l, slot, s, st[1].isEmpty() ? null : st[1], List.copyOf(list), t90.get(l), w,
                    theory.get(l)[0], theory.get(l)[1]));
        }
        return new RunResult(spec, List.copyOf(results), prov);
    }

    private static SnapBuilder builder(Map<String, Map<Long, SnapBuilder>> snaps, Row row, int k) throws IOException {
        String l = row.label(new ArrayList<>(snaps.keySet()));
        long step = row.integer(1);
        return snaps.get(l).computeIfAbsent(step, s -> new SnapBuilder(s, k));
    }

    private static final class SnapBuilder {
        final long step;
        final double[] diag, classLoss, classAccuracy, aggregate = new double[7];
        final List<Double> singular = new ArrayList<>();

        SnapBuilder(long step, int k) {
            this.step = step;
            diag = nan(k);
            classLoss = nan(k);
            classAccuracy = nan(k);
            Arrays.fill(aggregate, Double.NaN);
        }

        Snapshot build(String label, int slot) {
            double[] a = aggregate;
            return new Snapshot(label, slot, step, diag, classLoss, classAccuracy, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                    singular.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private static double[] nan(int k) {
            double[] v = new double[k];
            Arrays.fill(v, Double.NaN);
            return v;
        }
    }

    private static List<Row> rows(Path file, String header) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": missing", e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IOException(file + ":1: expected the header '" + header + "'");
        }
        int width = header.split(",").length;
        List<Row> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> cells;
            try {
                cells = Csv.split(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
            Row r = new Row(file, i + 1, cells);
            if (cells.size() != width) throw r.error("expected " + width + " cells, got " + cells.size());
            out.add(r);
        }
        return out;
    }

    private record Row(Path file, int line, List<String> cells) {
        String cell(int i) {
            return cells.get(i);
        }

        double num(int i) throws IOException {
            try {
                return Csv.parseNum(cells.get(i));
            } catch (NumberFormatException e) {
                throw error("column " + (i + 1) + ": not a number '" + cells.get(i) + "'");
            }
        }

        long integer(int i) throws IOException {
            try {
                return Long.parseLong(cells.get(i).strip());
            } catch (NumberFormatException e) {
                throw error("column " + (i + 1) + ": not an integer '" + cells.get(i) + "'");
            }
        }

        int classIndex(int i, int k) throws IOException {
            long c = integer(i);
            if (c < 0 || c >= k) throw error("class " + c + " outside 0.." + (k - 1));
            return (int) c;
        }

        String label(List<String> labels) throws IOException {
            String l = cells.get(0);
            if (!labels.contains(l)) throw error("optimizer '" + l + "' is not in spec.json (" + String.join(" ", labels) + ")");
            return l;
        }

        IOException error(String msg) {
            return new IOException(file + ":" + line + ": " + msg);
        }
    }
}

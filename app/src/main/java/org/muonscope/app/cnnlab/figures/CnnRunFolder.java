package org.muonscope.app.cnnlab.figures;

import org.muonscope.engine.optim.OptimizerKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunInfo;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.experiment.Csv;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * Reads a CNN run folder as {@code muonscope cnn} writes it ({@code metrics.csv}, {@code class_accuracy.csv},
 * optionally {@code group_accuracy.csv} and {@code confusion.csv}, {@code spec.json}) into one {@link CnnRunData} per optimizer. A folder
 * the CNN Lab made also has {@code lab-run.json}, whose class names and counts mark the minority classes.
 */
public final class CnnRunFolder {
    private CnnRunFolder() { }

    /** True when {@code dir} looks like a CNN run (a {@code metrics.csv} with the CNN columns). */
    public static boolean isCnnRun(Path dir) {
        Path m = dir.resolve("metrics.csv");
        if (!Files.isRegularFile(m) || !Files.isRegularFile(dir.resolve("class_accuracy.csv"))) return false;
        try (var lines = Files.lines(m)) {
            return lines.findFirst().map(h -> h.startsWith("optimizer,step,epoch,images,seconds,train_loss,test_accuracy")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    public static List<CnnRunData> read(Path dir) throws IOException {
        if (!isCnnRun(dir)) throw new SpecException("run", dir + " has no CNN metrics.csv / class_accuracy.csv");
        ObjectMapper json = new ObjectMapper();
        JsonNode spec = Files.isRegularFile(dir.resolve("spec.json")) ? json.readTree(dir.resolve("spec.json").toFile()) : null;
        String experiment = experimentLabel(spec);
        RunInfo info = null;
        if (Files.isRegularFile(dir.resolve("lab-run.json"))) {
            JsonNode lab = json.readTree(dir.resolve("lab-run.json").toFile());
            if (lab.hasNonNull("info")) info = json.treeToValue(lab.get("info"), RunInfo.class);
        }
        Map<String, Map<Long, double[]>> classAcc = new HashMap<>();
        for (List<String> row : rows(dir.resolve("class_accuracy.csv"))) {
            Map<Long, double[]> byStep = classAcc.computeIfAbsent(row.get(0), k -> new TreeMap<>());
            long step = Long.parseLong(row.get(1));
            int c = Integer.parseInt(row.get(2));
            double[] a = byStep.get(step);
            if (a == null || a.length <= c) {
                double[] b = new double[c + 1];
                java.util.Arrays.fill(b, Double.NaN);
                if (a != null) System.arraycopy(a, 0, b, 0, a.length);
                byStep.put(step, a = b);
            }
            a[c] = Csv.parseNum(row.get(3));
        }
        Map<String, Map<Long, List<Double>>> groupAcc = new HashMap<>();
        List<String> groupNames = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("group_accuracy.csv"))) {
            for (List<String> row : rows(dir.resolve("group_accuracy.csv"))) {
                if (!groupNames.contains(row.get(2))) groupNames.add(row.get(2));
                groupAcc.computeIfAbsent(row.get(0), k -> new TreeMap<>()).computeIfAbsent(Long.parseLong(row.get(1)), k -> new ArrayList<>())
                        .add(Csv.parseNum(row.get(3)));
            }
        }
        Map<String, Map<Long, int[][]>> confusion = confusion(dir.resolve("confusion.csv"));
        List<String> header = Csv.split(Files.readAllLines(dir.resolve("metrics.csv")).get(0));
        Map<String, List<EvalPoint>> byOptimizer = new LinkedHashMap<>();
        for (List<String> row : rows(dir.resolve("metrics.csv"))) {
            String opt = row.get(0);
            long step = Long.parseLong(row.get(1));
            double[] cls = classAcc.getOrDefault(opt, Map.of()).getOrDefault(step, new double[0]);
            List<Double> g = groupAcc.getOrDefault(opt, Map.of()).getOrDefault(step, List.of());
            byOptimizer.computeIfAbsent(opt, k -> new ArrayList<>()).add(new EvalPoint(step, (int) num(header, row, "epoch"),
                    (long) num(header, row, "images"), num(header, row, "seconds"), num(header, row, "train_loss"),
                    num(header, row, "test_accuracy"), num(header, row, "balanced_accuracy"), num(header, row, "worst_class_accuracy"),
                    cls, num(header, row, "clean_accuracy"), num(header, row, "spurious_accuracy"),
                    g.stream().mapToDouble(Double::doubleValue).toArray(), num(header, row, "worst_group_accuracy"),
                    confusion.getOrDefault(opt, Map.of()).get(step)));
        }
        if (info == null && groupNames.isEmpty() && Files.isRegularFile(dir.resolve("classes.csv"))) {
            List<List<String>> counts = rows(dir.resolve("classes.csv"));
            List<String> names = new ArrayList<>();
            int[] n = new int[counts.size()];
            for (int c = 0; c < n.length; c++) {
                names.add(counts.get(c).get(0));
                n[c] = Integer.parseInt(counts.get(c).get(1));
            }
            info = new RunInfo(names, n, List.of(), 0);
        }
        List<String> optTexts = new ArrayList<>();
        if (spec != null) spec.path("optimizers").forEach(n -> optTexts.add(n.asText()));
        List<CnnRunData> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<EvalPoint>> e : byOptimizer.entrySet()) {
            String kind = kindOf(e.getKey(), i < optTexts.size() ? optTexts.get(i) : null);
            RunInfo ri = info;
            if (ri == null && !groupNames.isEmpty()) ri = new RunInfo(List.of("0", "1"), new int[] {1, 1}, groupNames, 0);
            out.add(new CnnRunData(e.getKey(), kind, experiment, ri, e.getValue()));
            i++;
        }
        return out;
    }

    private static String kindOf(String label, String specText) {
        if (specText != null) {
            try {
                return OptimizerSettings.parse(specText).kind().id();
            } catch (SpecException ignored) {
                // fall through to the label
            }
        }
        String l = label.toLowerCase(java.util.Locale.ROOT);
        for (String k : OptimizerKind.ids()) if (l.startsWith(k)) return k;
        return l.startsWith("sgd") ? "gd" : "gd";
    }

    static String experimentLabel(JsonNode spec) {
        if (spec == null) return "";
        String imb = spec.path("imbalance").asText("none");
        if (!imb.equals("none")) return imb.replace("step:", "step R=").replace("longtail:", "long-tail R=");
        double pixel = spec.path("spurious_pixel").asDouble(0);
        if (pixel > 0) return "pixel I=" + Csv.num(pixel);
        if (spec.hasNonNull("colored")) return "colored " + Csv.num(spec.get("colored").asDouble());
        return "plain";
    }

    private static double num(List<String> header, List<String> row, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= row.size()) return Double.NaN;
        return Csv.parseNum(row.get(i));
    }

    /**
     * {@code confusion.csv} ({@code optimizer,step,true,predicted,count}) as square matrices per optimizer and step;
     * empty when the file is absent (folders written before the engine recorded it).
     */
    private static Map<String, Map<Long, int[][]>> confusion(Path csv) throws IOException {
        Map<String, Map<Long, int[][]>> out = new HashMap<>();
        if (!Files.isRegularFile(csv)) return out;
        Map<String, Map<Long, List<int[]>>> cells = new HashMap<>();
        for (List<String> row : rows(csv)) {
            cells.computeIfAbsent(row.get(0), k -> new HashMap<>()).computeIfAbsent(Long.parseLong(row.get(1)), k -> new ArrayList<>())
                    .add(new int[] {Integer.parseInt(row.get(2)), Integer.parseInt(row.get(3)), Integer.parseInt(row.get(4))});
        }
        cells.forEach((opt, bySteps) -> bySteps.forEach((step, list) -> {
            int k = 0;
            for (int[] c : list) k = Math.max(k, Math.max(c[0], c[1]) + 1);
            int[][] m = new int[k][k];
            for (int[] c : list) m[c[0]][c[1]] += c[2];
            out.computeIfAbsent(opt, x -> new HashMap<>()).put(step, m);
        }));
        return out;
    }

    private static List<List<String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<List<String>> out = new ArrayList<>();
        for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) if (!l.isBlank()) out.add(Csv.split(l));
        return out;
    }
}

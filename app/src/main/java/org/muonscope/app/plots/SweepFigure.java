package org.muonscope.app.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.Csv;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.SweepTable;

/**
 * A sweep's summary figure: one headline number of {@code sweep.csv} against the first varied value that is not
 * the optimizer, one line per optimizer (and per value of any other varied field), the mean over seeds with a band
 * from the lowest to the highest seed. Numeric values ({@code 0.5}) and numbered ones ({@code step:5}) make a number
 * axis, others a category axis. Cells that failed or have not run are left out.
 */
public final class SweepFigure {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?)$");

    /** One drawn point: a line's mean over seeds at {@code x}, its range and how many seeds it has. */
    public record Point(String line, double x, String xText, double mean, double min, double max, int n) { }

    private final String name;
    private final String xKey;
    private final boolean numeric;
    private final List<Point> points;

    private SweepFigure(String name, String xKey, boolean numeric, List<Point> points) {
        this.name = name;
        this.xKey = xKey;
        this.numeric = numeric;
        this.points = List.copyOf(points);
    }

    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve("sweep.json")) && Files.isRegularFile(dir.resolve(SweepTable.FILE));
    }

    /** The figures a sweep folder has: its headline columns, in {@code sweep.csv} order. */
    public static List<String> names(Path dir) throws IOException {
        Csv.Table t = Csv.read(dir.resolve(SweepTable.FILE));
        int from = t.header().indexOf("status") + 1, to = t.header().indexOf("message");
        return List.copyOf(t.header().subList(from, to));
    }

    /** @throws SpecException naming the figure (with the ones the sweep has) or a sweep with nothing to put on x */
    public static SweepFigure read(Path dir, String name) throws IOException {
        SweepSpec sweep = SweepCodec.read(dir.resolve("sweep.json"));
        Csv.Table t = Csv.read(dir.resolve(SweepTable.FILE));
        if (!names(dir).contains(name)) {
            throw new SpecException("figure", "'" + name + "' is not a number of this sweep (it has: " + String.join(" ", names(dir)) + ")");
        }
        List<String> keys = sweep.axes().stream().map(SweepSpec.Axis::key).filter(k -> !k.equals(Grid.OPTIMIZER)).toList();
        if (keys.isEmpty()) throw new SpecException("run", "this sweep varies only the optimizer and seeds: no value to put on the x axis");
        String xKey = keys.get(0);
        String lineKey = t.has("optimizer") ? "optimizer" : null;
        boolean numeric = t.rows().stream().allMatch(r -> NUMBERED.matcher(r.get(xKey)).matches());
        List<String> xs = t.rows().stream().map(r -> r.get(xKey)).distinct().toList();
        // a field varied over one value is the same for every line: naming it would only crowd the legend
        List<String> others = keys.subList(1, keys.size()).stream()
                .filter(k -> t.rows().stream().map(r -> r.get(k)).distinct().count() > 1).toList();
        Map<String, Map<Double, List<Double>>> byLine = new LinkedHashMap<>();
        Map<Double, String> xText = new TreeMap<>();
        for (CSVRecord r : t.rows()) {
            String status = r.get("status");
            StringBuilder line = new StringBuilder(lineKey == null ? "" : r.get(lineKey));
            for (String k : others) line.append(line.length() == 0 ? "" : ", ").append(k).append('=').append(r.get(k));
            double x = numeric ? number(r.get(xKey)) : xs.indexOf(r.get(xKey));
            xText.put(x, r.get(xKey));
            List<Double> ys = byLine.computeIfAbsent(line.toString(), k -> new TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>());
            double y = Csv.parseNum(r.get(name));
            if ((status.equals("COMPLETED") || status.equals("DIVERGED")) && Double.isFinite(y)) ys.add(y);
        }
        List<Point> points = new ArrayList<>();
        byLine.forEach((line, m) -> m.forEach((x, ys) -> {
            if (ys.isEmpty()) return;
            double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double y : ys) {
                sum += y;
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            points.add(new Point(line.isEmpty() ? name : line, x, xText.get(x), sum / ys.size(), lo, hi, ys.size()));
        }));
        return new SweepFigure(name, xKey, numeric, points);
    }

    private static double number(String text) {
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) throw new IllegalStateException(text);
        return Double.parseDouble(m.group(2));
    }

    public String name() {
        return name;
    }

    public List<Point> points() {
        return points;
    }

    /** The figure's data: {@code line,x,value,mean,min,max,seeds}. */
    public String csv() {
        Csv.Writer w = Csv.writer(List.of("line", xKey, "x", "mean", "min", "max", "seeds"));
        for (Point p : points) {
            w.row(List.of(p.line(), p.xText(), Csv.num(p.x()), Csv.num(p.mean()), Csv.num(p.min()), Csv.num(p.max()),
                    Integer.toString(p.n())));
        }
        return w.text();
    }

    public JFreeChart chart(boolean dark, double fontScale) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
        for (Point p : points) lines.computeIfAbsent(p.line(), YIntervalSeries::new).add(p.x(), p.mean(), p.min(), p.max());
        lines.values().forEach(data::addSeries);
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        List<Color> colors = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : lines.keySet()) {
            String kind = line.split("[:#,]")[0].trim();
            int rank = seen.merge(kind, 1, Integer::sum) - 1;
            colors.add(Palette.forKind(kind.equals("sgd") ? "gd" : kind));
            if (rank > 0) colors.set(colors.size() - 1, Palette.shade(colors.get(colors.size() - 1), rank, rank + 1, Color.WHITE));
        }
        ChartStyle style = new ChartStyle(dark, fontScale, colors);
        for (int i = 0; i < colors.size(); i++) {
            r.setSeriesPaint(i, style.slot(i));
            r.setSeriesFillPaint(i, style.slot(i));
            r.setSeriesStroke(i, style.stroke(2f));
        }
        ValueAxis x;
        if (numeric) {
            NumberAxis n = new NumberAxis(xKey);
            n.setAutoRangeIncludesZero(false);
            x = n;
        } else {
            x = new SymbolAxis(xKey, points.stream().map(Point::xText).distinct().toArray(String[]::new));
        }
        NumberAxis y = new NumberAxis(name.replace('_', ' '));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(name.replace('_', ' ') + " against " + xKey + " (mean over seeds, band: min to max)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style.apply(chart);
        return chart;
    }

    /** Writes one figure, or with {@code all} every one as {@code OUT/NAME.EXT}, each with its CSV beside it. */
    public static List<Path> write(Path dir, String name, PlotExporter.Format format, int width, int height, boolean dark,
                                   double fontScale, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String n : name.equals("all") ? names(dir) : List.of(name)) {
            SweepFigure f = read(dir, n);
            if (name.equals("all") && f.points().isEmpty()) continue;
            Path file = name.equals("all") ? out.resolve(n + format.extension()) : out;
            PlotExporter.write(f.chart(dark, fontScale), format, width, height, file);
            String stem = file.getFileName().toString();
            stem = stem.endsWith(format.extension()) ? stem.substring(0, stem.length() - format.extension().length())
                    : stem.replaceFirst("\\.[^.]*$", "");
            Path csv = file.resolveSibling(stem + ".csv");
            PlotExporter.writeAtomically(csv, f.csv());
            written.add(file);
            written.add(csv);
        }
        return written;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweepFigure[%s vs %s, %d points]", name, xKey, points.size());
    }
}

package org.muonscope.engine.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Muonscope's CSV files, through Apache Commons CSV: comma separated, {@code \n} line ends, a header line, quotes
 * only where a cell needs them (RFC 4180). Numbers are written in Java's shortest round-trip form
 * ({@link Double#toString}), so reading gives back the exact double; integral values print without {@code .0}
 * and "no value" (NaN) is the empty cell.
 */
public final class Csv {
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private Csv() { }

    /** A number cell; NaN becomes the empty cell. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "";
        // Integral values print without ".0" (step counts stay readable); -0.0 keeps its sign via toString.
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Parses a number cell; the empty cell is NaN. */
    public static double parseNum(String cell) {
        String t = cell.trim();
        if (t.isEmpty()) return Double.NaN;
        return Double.parseDouble(t);
    }

    /** Starts a table with this header. */
    public static Writer writer(List<String> header) {
        return new Writer(header);
    }

    /** Collects rows and writes them in one go (atomically). */
    public static final class Writer {
        private final StringBuilder text = new StringBuilder();
        private final CSVPrinter printer;
        private final int width;
        private int rows;

        private Writer(List<String> header) {
            try {
                printer = new CSVPrinter(text, WRITE);
                printer.printRecord(header);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder never fails
            }
            width = header.size();
        }

        public Writer row(List<String> cells) {
            if (cells.size() != width) throw new IllegalArgumentException("a row of " + cells.size() + " cells under a header of " + width);
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
            return this;
        }

        public int rows() {
            return rows;
        }

        public String text() {
            return text.toString();
        }

        /** Writes the table to {@code file} with {@link AtomicFiles}. */
        public void write(Path file) {
            AtomicFiles.write(file, text());
        }
    }

    /** A table read back: its header and its rows; cells are looked up by column name. */
    public record Table(Path file, List<String> header, List<CSVRecord> rows) {
        public boolean has(String column) {
            return header.contains(column);
        }

        /** The row's line number in the file (for messages). */
        public long line(CSVRecord r) {
            return r.getRecordNumber() + 1;
        }
    }

    /**
     * Reads a table with a header line.
     *
     * @throws IOException naming the file (and line) of the first problem, or saying it is missing
     */
    public static Table read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, READ)) {
            List<CSVRecord> rows = new ArrayList<>();
            Map<String, Integer> header = p.getHeaderMap();
            for (CSVRecord rec : p) {
                if (rec.size() != header.size()) {
                    throw new IOException(file + ":" + (rec.getRecordNumber() + 1) + ": expected " + header.size()
                            + " cells, got " + rec.size());
                }
                rows.add(rec);
            }
            return new Table(file, List.copyOf(p.getHeaderNames()), rows);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": missing", e);
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IOException(file + ": not a valid CSV table (" + e.getMessage() + ")", e);
        }
    }
}

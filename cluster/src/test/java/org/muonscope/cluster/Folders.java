package org.muonscope.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.muonscope.engine.io.Csv;

/** What two runs of one sweep must share, file by file: every CSV cell but the wall clock, every other file byte by byte. */
final class Folders {
    /** Wall-clock columns of a CNN folder: the only values two runs of one spec may differ in. */
    private static final Set<String> TIMING = Set.of("seconds", "images_per_second");

    private Folders() { }

    /**
     * Every file under {@code dir} by relative path: CSV files as their rows without the timing columns (sorted, so
     * {@code sweep.csv} compares as rows), others as text; {@code provenance.json} (when and where) left out.
     */
    static Map<String, String> content(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("provenance.json")) continue;
                String rel = dir.relativize(p).toString();
                if (!name.endsWith(".csv") || name.startsWith("weights-")) {
                    out.put(rel, Files.readString(p));
                    continue;
                }
                Csv.Table t = Csv.read(p);
                List<String> rows = new ArrayList<>();
                for (CSVRecord r : t.rows()) {
                    StringBuilder sb = new StringBuilder();
                    for (String h : t.header()) if (!TIMING.contains(h)) sb.append(h).append('=').append(r.get(h)).append(',');
                    rows.add(sb.toString());
                }
                rows.sort(null);
                out.put(rel, String.join("\n", rows));
            }
        }
        return out;
    }
}

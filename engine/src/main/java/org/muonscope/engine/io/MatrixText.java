package org.muonscope.engine.io;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.SpecException;

/**
 * A matrix as plain comma-separated numbers, one row per line, no header: the {@code weights-*.csv} files of theory
 * runs and the input and output of {@code muonscope orthogonalize}. Numbers in {@link Double#toString} form, so
 * reading gives back the exact doubles.
 */
public final class MatrixText {
    private MatrixText() { }

    public static String format(double[][] m) {
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
     * Parses the rows; blank lines are skipped.
     *
     * @param field     the name errors carry (e.g. {@code in})
     * @param nonFinite admit NaN and infinities (a diverged optimizer's final weights)
     * @throws SpecException naming {@code field}, the line and the column of the first bad cell
     */
    public static double[][] parse(String text, String field, boolean nonFinite) {
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
}

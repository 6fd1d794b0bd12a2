package org.muonscope.engine.run;

import java.util.List;

/**
 * How one kind's results lie in its folder: its CSV tables. {@code spec.json} and {@code provenance.json} are
 * common to every kind; the one writer and reader ({@link Results}) handle the rest from this declaration.
 *
 * @param marker a file only this kind's folders hold, to recognize folders whose {@code spec.json} predates the
 *               {@code kind} field
 */
public record Layout(String marker, List<Table> tables) {
    public Layout {
        tables = List.copyOf(tables);
    }
}

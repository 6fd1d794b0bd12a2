package org.muonscope.app.lessons;

import java.util.LinkedHashMap;
import java.util.Map;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.Column;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.spec.ExperimentKind;

/**
 * The numbers a caption may name: every number field a kind's results folder holds (its {@link
 * org.muonscope.engine.run.Layout}), with its shape. A caption can then name nothing a run does not report, and the
 * names are the CSV headers' fields a reader already knows.
 */
final class RunFields {
    /** A field's shape and whether it is measured per record (so a caption may ask for it at a step). */
    record Field(String name, boolean vector, boolean perRecord, boolean runInfo) { }

    private RunFields() { }

    static Map<String, Field> of(ExperimentKind kind) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Table t : Experiments.layout(kind).tables()) {
            boolean perRecord = t.source() == Table.Source.RECORDS || t.source() == Table.Source.LAST_RECORD;
            for (Column c : t.columns()) {
                if (c.part() != Column.Part.SCALAR && c.part() != Column.Part.ELEMENT) continue;
                Field f = out.get(c.field());
                Field mine = new Field(c.field(), c.part() == Column.Part.ELEMENT, perRecord, t.source() == Table.Source.INFO);
                out.put(c.field(), f == null ? mine
                        : new Field(c.field(), f.vector(), f.perRecord() || perRecord, f.runInfo() && mine.runInfo()));
            }
        }
        return out;
    }
}

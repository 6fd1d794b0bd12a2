package org.muonscope.app.theorylab;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.plots.RunData;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.optim.OptimizerSettings;

/** Optimizer x class: prior, {@code w*}, measured and theory {@code t90}, and their ratio. */
final class SaturationTable extends TableView<SaturationTable.Row> {
    record Row(String optimizer, int cls, double prior, double wStar, long measured, long theory) { }

    SaturationTable() {
        setId("saturation-table");
        setPrefHeight(220);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        getColumns().add(col("optimizer", r -> r.optimizer()));
        getColumns().add(col("class", r -> Integer.toString(r.cls() + 1)));
        getColumns().add(col("prior", r -> String.format(Locale.ROOT, "%.3f", r.prior())));
        getColumns().add(col("w*", r -> String.format(Locale.ROOT, "%.4f", r.wStar())));
        getColumns().add(col("t90 measured", r -> r.measured() < 0 ? "not reached" : Long.toString(r.measured())));
        getColumns().add(col("t90 theory", r -> r.theory() < 0 ? "-" : r.theory() == Long.MAX_VALUE ? "never" : Long.toString(r.theory())));
        getColumns().add(col("measured / theory", r -> r.measured() < 0 || r.theory() <= 0 || r.theory() == Long.MAX_VALUE ? "-"
                : String.format(Locale.ROOT, "%.3f", (double) r.measured() / r.theory())));
    }

    private static TableColumn<Row, String> col(String title, java.util.function.Function<Row, String> f) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    void show(RunData data) {
        TheorySpec s = data.spec();
        double[] w = TheoryFormulas.wStar(s);
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = s.optimizers().get(slot.index());
            for (int c = 0; c < s.classes(); c++) {
                rows.add(new Row(slot.label(), c, s.priors()[c], w[c], slot.t90(c, w[c]), TheoryFormulas.t90(s, o, c)));
            }
        }
        // called with every redraw while a run streams in; the t90s rarely change, and replacing equal rows re-styles
        // and re-lays out every cell on the FX thread
        if (!rows.equals(getItems())) getItems().setAll(rows);
    }
}

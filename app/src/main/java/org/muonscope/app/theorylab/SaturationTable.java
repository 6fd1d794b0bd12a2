package org.muonscope.app.theorylab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.plots.RunData;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.TheorySpec;

/**
 * Optimizer x class: prior, {@code w*}, measured and theory {@code t90}, and their ratio.
 *
 * <p>Rows stay while the optimizers and classes do; their values are properties. While a run streams in only the
 * measured {@code t90}s change, and a re-run after a setting change changes values, not rows: replacing the rows
 * would re-style and re-lay out every cell on the FX thread, which measured up to 16 ms of one frame on the stress
 * preset (70 rows); a changed value redraws its own cell.
 */
final class SaturationTable extends TableView<SaturationTable.Row> {
    /** One optimizer and class, and its values as they arrive (measured {@code t90} -1: not reached). */
    static final class Row {
        private final String optimizer;
        private final int cls;
        private final ObjectProperty<Values> values = new SimpleObjectProperty<>(this, "values");

        Row(String optimizer, int cls, Values v) {
            this.optimizer = optimizer;
            this.cls = cls;
            values.set(v);
        }

        Values values() { return values.get(); }

        /** A cell's text, following the row's values. */
        ObservableValue<String> text(Function<Values, String> f) {
            return Bindings.createStringBinding(() -> f.apply(values.get()), values);
        }

        boolean sameSlot(String optimizer, int cls) {
            return this.optimizer.equals(optimizer) && this.cls == cls;
        }
    }

    /** A row's numbers; {@code theory} -1 where there is no closed form, {@code Long.MAX_VALUE} for never. */
    record Values(double prior, double wStar, long measured, long theory) { }

    SaturationTable() {
        setId("saturation-table");
        setPrefHeight(220);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        getColumns().add(col("optimizer", r -> new ReadOnlyObjectWrapper<>(r.optimizer)));
        getColumns().add(col("class", r -> new ReadOnlyObjectWrapper<>(Integer.toString(r.cls + 1))));
        getColumns().add(col("prior", r -> r.text(v -> String.format(Locale.ROOT, "%.3f", v.prior()))));
        getColumns().add(col("w*", r -> r.text(v -> String.format(Locale.ROOT, "%.4f", v.wStar()))));
        getColumns().add(col("t90 measured", r -> r.text(v -> v.measured() < 0 ? "not reached" : Long.toString(v.measured()))));
        getColumns().add(col("t90 theory", r -> r.text(v -> v.theory() < 0 ? "-" : v.theory() == Long.MAX_VALUE ? "never"
                : Long.toString(v.theory()))));
        getColumns().add(col("measured / theory", r -> r.text(v -> v.measured() < 0 || v.theory() <= 0 || v.theory() == Long.MAX_VALUE
                ? "-" : String.format(Locale.ROOT, "%.3f", (double) v.measured() / v.theory()))));
    }

    private static TableColumn<Row, String> col(String title, Function<Row, ObservableValue<String>> f) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> f.apply(d.getValue()));
        c.setSortable(false);
        return c;
    }

    /** Called with every redraw while its tab shows: new rows only when the optimizers or classes differ. */
    void show(RunData data) {
        TheorySpec s = data.spec();
        double[] w = TheoryFormulas.wStar(s);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        boolean same = getItems().size() == data.slots().size() * s.classes();
        for (RunData.Slot slot : data.slots()) {
            OptimizerSettings o = s.optimizers().get(slot.index());
            for (int c = 0; c < s.classes(); c++, i++) {
                Values v = new Values(s.priors()[c], w[c], slot.t90(c, w[c]), TheoryFormulas.t90(s, o, c));
                rows.add(new Row(slot.label(), c, v));
                if (same && !getItems().get(i).sameSlot(slot.label(), c)) same = false;
            }
        }
        if (!same) {
            getItems().setAll(rows);
            return;
        }
        for (int k = 0; k < rows.size(); k++) {
            Row r = getItems().get(k);
            if (!r.values().equals(rows.get(k).values())) r.values.set(rows.get(k).values());
        }
    }
}

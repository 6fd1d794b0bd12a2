package org.muonscope.app.theorylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.muonscope.app.common.TheoryFormulas;
import org.muonscope.app.plots.RunData;
import org.muonscope.app.plots.TheoryPoint;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.spec.TheorySpec;
import org.muonscope.engine.theory.DataMode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The saturation table keeps its rows while a run streams in and while re-runs change the numbers (only cells
 * change), and replaces them when the optimizers or classes change.
 */
@ExtendWith(ApplicationExtension.class)
class SaturationTableTest {
    private SaturationTable table;

    @Start
    void start(Stage stage) {
        table = new SaturationTable();
        stage.setScene(new Scene(table, 700, 300));
        stage.show();
    }

    private static TheorySpec spec(double... priors) {
        return new TheorySpec(priors, 3, 1, priors.length, 1, priors.length, 0, false, 0, DataMode.POPULATION, 300, 1, 1,
                List.of(OptimizerSettings.parse("gd:lr=0.01"), OptimizerSettings.parse("specgd:lr=0.001")));
    }

    /** A snapshot of slot {@code slot} at {@code step} whose diagonal is {@code diag}. */
    private static TheoryPoint point(int slot, long step, double... diag) {
        int k = diag.length;
        return new TheoryPoint(slot == 0 ? "gd" : "specgd", slot, step, diag, new double[k], new double[k], 0, 0, 0, 0, 0, 0, 0,
                new double[0], false);
    }

    private String cell(int row, int column) {
        return table.getColumns().get(column).getCellObservableValue(row).getValue().toString();
    }

    @Test
    void rowsStayWhileMeasuredT90sArriveAndAreReplacedForAnotherSpec(FxRobot robot) {
        TheorySpec s = spec(0.7, 0.2, 0.1);
        double[] w = TheoryFormulas.wStar(s);
        RunData data = new RunData(s, List.of("gd", "specgd"));
        robot.interact(() -> {
            data.add(point(0, 10, 0, 0, 0));
            table.show(data);
        });
        assertEquals(6, table.getItems().size(), "2 optimizers x 3 classes");
        assertEquals("not reached", cell(0, 4));
        assertEquals("-", cell(0, 6));
        SaturationTable.Row first = table.getItems().get(0);

        // gd's class 1 passes 0.9 w* at step 40: that row's cells change, the rows stay
        robot.interact(() -> {
            data.add(point(0, 40, 0.95 * w[0], 0, 0));
            table.show(data);
        });
        assertSame(first, table.getItems().get(0));
        assertEquals(40, first.values().measured());
        assertEquals("40", cell(0, 4));
        long theory = first.values().theory();
        String ratio = theory > 0 && theory != Long.MAX_VALUE ? String.format(java.util.Locale.ROOT, "%.3f", 40.0 / theory) : "-";
        assertEquals(ratio, cell(0, 6));
        assertEquals("not reached", cell(1, 4), "class 2 not yet");

        // other priors, the same optimizers and classes: the same rows, the new numbers
        RunData other = new RunData(spec(0.5, 0.3, 0.2), List.of("gd", "specgd"));
        robot.interact(() -> table.show(other));
        assertSame(first, table.getItems().get(0));
        assertEquals("0.500", cell(0, 2));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", TheoryFormulas.wStar(other.spec())[0]), cell(0, 3));
        assertEquals("not reached", cell(0, 4));

        // four classes: other rows
        RunData four = new RunData(spec(0.4, 0.3, 0.2, 0.1), List.of("gd", "specgd"));
        robot.interact(() -> table.show(four));
        assertEquals(8, table.getItems().size());
        assertNotSame(first, table.getItems().get(0));
        assertEquals("4", cell(3, 1));
    }
}

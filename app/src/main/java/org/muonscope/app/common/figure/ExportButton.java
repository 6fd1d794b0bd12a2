package org.muonscope.app.common.figure;

import java.util.function.Consumer;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;

/**
 * The export button of a lab whose figures zoom: the button itself exports the figures as shown (each keeps its
 * zoom), its menu offers both choices by name. What a figure shows is data ranges, so an export at another size
 * shows the same part of the data.
 */
public final class ExportButton {
    private ExportButton() { }

    /** @param export called with true for "as shown", false for the whole figures */
    public static SplitMenuButton create(String text, Consumer<Boolean> export) {
        SplitMenuButton b = new SplitMenuButton();
        b.setText(text);
        b.setOnAction(e -> export.accept(true));
        MenuItem asShown = new MenuItem("As shown (keep each figure's zoom)…");
        asShown.setOnAction(e -> export.accept(true));
        MenuItem whole = new MenuItem("Whole figures…");
        whole.setOnAction(e -> export.accept(false));
        b.getItems().addAll(asShown, whole);
        return b;
    }
}

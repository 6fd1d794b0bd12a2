package org.muonscope.app.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A short notice in the top right corner of the window (ControlsFX {@link Notifications}; the bottom holds the labs'
 * export and animation bars) for what happens while the user looks
 * elsewhere: a long training finished or failed, an optimizer diverged. It fades after a few seconds and never asks
 * for a click. Call on the FX thread.
 */
public final class Notices {
    public enum Level { INFO, WARNING, ERROR }

    /** Style class of a notice's text, for tests to find it. */
    public static final String STYLE = "muonscope-notice";

    private Notices() { }

    /** Shows a notice over the window of {@code anchor}; nothing when the anchor is not in a shown window. */
    public static void show(Node anchor, String title, String text, Level level) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null || !anchor.getScene().getWindow().isShowing()) {
            return;
        }
        Notifications n = Notifications.create().owner(anchor.getScene().getWindow()).title(title).text(text)
                .position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(level == Level.INFO ? 5 : 9)).styleClass(STYLE);
        switch (level) {
            case INFO -> n.showInformation();
            case WARNING -> n.showWarning();
            case ERROR -> n.showError();
        }
    }
}

package org.muonscope.app.theorylab;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a path; tests replace it to export into a temporary folder without a dialog. */
public interface PathPicker {
    /** @return null when cancelled */
    Path save(String title, String suggestedName, String extension);

    Path open(String title, String extension);

    Path directory(String title);

    static PathPicker dialogs(java.util.function.Supplier<Window> owner) {
        return new PathPicker() {
            @Override
            public Path save(String title, String suggestedName, String extension) {
                FileChooser f = new FileChooser();
                f.setTitle(title);
                f.setInitialFileName(suggestedName);
                f.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, "*" + extension));
                File file = f.showSaveDialog(owner.get());
                return file == null ? null : file.toPath();
            }

            @Override
            public Path open(String title, String extension) {
                FileChooser f = new FileChooser();
                f.setTitle(title);
                f.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension, "*" + extension));
                File file = f.showOpenDialog(owner.get());
                return file == null ? null : file.toPath();
            }

            @Override
            public Path directory(String title) {
                DirectoryChooser d = new DirectoryChooser();
                d.setTitle(title);
                File file = d.showDialog(owner.get());
                return file == null ? null : file.toPath();
            }
        };
    }
}

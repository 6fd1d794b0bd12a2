package org.muonscope.app.theorylab;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import org.muonscope.app.plots.Figures;
import org.muonscope.app.plots.PlotExporter;

/** The Theory Lab's toolbar: presets, session files, the export menu, presenter and dark toggles. */
final class TheoryLabToolbar {
    private TheoryLabToolbar() { }

    static ToolBar create(TheoryLabView view) {
        TheoryLabViewModel vm = view.viewModel();
        ComboBox<String> presets = new ComboBox<>();
        presets.setPromptText("Presets");
        presets.setId("presets");
        presets.getItems().setAll(Presets.NAMES);
        presets.setOnAction(e -> {
            String n = presets.getValue();
            if (n != null) view.loadPreset(n);
        });
        Button open = new Button("Open...");
        open.setOnAction(e -> {
            Path p = view.picker().open("Open session", ".json");
            if (p != null) view.files().openSession(p);
        });
        Button save = new Button("Save...");
        save.setOnAction(e -> {
            Path p = view.picker().save("Save session", "session.json", ".json");
            if (p != null) view.files().saveSession(p);
        });
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        // a zoomed figure exports as shown or whole; the bundle is always whole (it must regenerate from session.json)
        ToggleGroup range = new ToggleGroup();
        RadioMenuItem asShown = new RadioMenuItem("Figures as shown (keep the zoom)");
        asShown.setId("export-as-shown");
        RadioMenuItem whole = new RadioMenuItem("Whole figures");
        whole.setId("export-whole");
        asShown.setToggleGroup(range);
        whole.setToggleGroup(range);
        asShown.setSelected(view.files().exportAsShownProperty().get());
        whole.setSelected(!asShown.isSelected());
        view.files().exportAsShownProperty().bind(asShown.selectedProperty());
        export.getItems().addAll(asShown, whole, new SeparatorMenuItem());
        for (String n : Figures.NAMES) {
            Menu m = new Menu(view.figureTitle(n));
            for (PlotExporter.Format fmt : PlotExporter.Format.values()) {
                MenuItem i = new MenuItem(fmt == PlotExporter.Format.PNG2X ? "PNG 2x" : fmt.name());
                i.setOnAction(e -> {
                    Path p = view.picker().save("Export " + n, n + fmt.extension(), fmt.extension().substring(fmt.extension().lastIndexOf('.')));
                    if (p != null) view.files().exportFigure(n, fmt, p);
                });
                m.getItems().add(i);
            }
            MenuItem csv = new MenuItem("CSV (data)");
            csv.setOnAction(e -> {
                Path p = view.picker().save("Export " + n + " data", n + ".csv", ".csv");
                if (p != null) view.files().exportCsv(n, p);
            });
            MenuItem copy = new MenuItem("Copy to clipboard");
            copy.setOnAction(e -> view.files().copyToClipboard(n));
            m.getItems().addAll(csv, copy);
            export.getItems().add(m);
        }
        MenuItem bundle = new MenuItem("Figure bundle (all plots, data, spec, provenance)...");
        bundle.setId("export-bundle");
        bundle.setOnAction(e -> {
            Path p = view.picker().directory("Export figure bundle into");
            if (p != null) view.files().exportBundle(p);
        });
        export.getItems().add(bundle);
        ToggleButton presenter = new ToggleButton("Presenter");
        presenter.setId("presenter");
        presenter.selectedProperty().bindBidirectional(vm.presenterProperty());
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("dark");
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        return new ToolBar(presets, open, save, export, TheoryLabView.spacer(), presenter, dark);
    }
}

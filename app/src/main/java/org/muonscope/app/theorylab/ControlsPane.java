package org.muonscope.app.theorylab;

import javafx.scene.control.ToggleButton;

import org.muonscope.app.common.SettingsSheet;

import org.muonscope.engine.optim.OptimizerKind;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.muonscope.app.common.Fields;
import org.muonscope.app.plots.Palette;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.optim.OptimizerSettings;

/** The left column: the problem, the model, the run and the optimizers to compare. */
final class ControlsPane extends ScrollPane {
    final PriorsEditor priorsEditor;
    final TextField priorsText = new TextField();
    final Slider snr = new Slider(-1, 2, 1);
    final Spinner<Integer> classes;
    final VBox optimizerRows = new VBox(6);
    private final TheoryLabViewModel vm;

    ControlsPane(TheoryLabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("controls");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(380);
        setMinWidth(280);

        classes = Fields.spinner(vm.classes, 2, 20, 1);
        classes.setId("classes");
        ComboBox<TheoryLabViewModel.PriorPreset> preset = new ComboBox<>();
        preset.getItems().setAll(TheoryLabViewModel.PriorPreset.values());
        preset.valueProperty().bindBidirectional(vm.priorPreset);
        preset.setId("prior-preset");
        TextField ratio = Fields.number(vm.ratio, 1, 1000);
        priorsEditor = new PriorsEditor(vm.priors, vm::setPrior);
        priorsEditor.setId("priors-editor");
        priorsText.setId("priors-text");
        priorsText.setText(Priors.format(vm.priors.get()));
        priorsText.setTooltip(new Tooltip("Type priors (any positive numbers, normalized), Enter to apply"));
        vm.priors.addListener((o, a, b) -> { if (!priorsText.isFocused()) priorsText.setText(Priors.format(b)); });
        priorsText.setOnAction(e -> {
            try {
                vm.setPriors(Priors.parse(priorsText.getText()));
                priorsText.getStyleClass().remove("invalid");
            } catch (NumberFormatException ex) {
                if (!priorsText.getStyleClass().contains("invalid")) priorsText.getStyleClass().add("invalid");
            }
        });
        GridPane problem = grid();
        row(problem, 0, "classes k", classes);
        row(problem, 1, "priors", preset);
        row(problem, 2, "ratio R", ratio);
        VBox priorsBox = new VBox(4, problem, priorsEditor, priorsText);

        snr.setId("snr");
        snr.setMajorTickUnit(1);
        snr.setShowTickLabels(true);
        snr.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double v) { return Fields.format(Math.pow(10, v)); }
            @Override public Double fromString(String s) { return Math.log10(Double.parseDouble(s)); }
        });
        snr.setValue(Math.log10(vm.snr()));
        Label snrLabel = new Label();
        Runnable snrText = () -> snrLabel.setText("SNR " + Fields.format(vm.snr()));
        snrText.run();
        snr.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(Math.log10(vm.snr()) - b.doubleValue()) > 1e-9) vm.setSnr(Math.pow(10, b.doubleValue()));
        });
        vm.mu.addListener((o, a, b) -> { snr.setValue(Math.log10(vm.snr())); snrText.run(); });
        vm.sigma.addListener((o, a, b) -> { snr.setValue(Math.log10(vm.snr())); snrText.run(); });
        GridPane signal = grid();
        row(signal, 0, snrLabel, snr);
        row(signal, 1, "mu", Fields.number(vm.mu, 1e-6, 1e6));
        row(signal, 2, "sigma", Fields.number(vm.sigma, 1e-6, 1e6));
        row(signal, 3, "dimension d", Fields.spinner(vm.dim, 2, 200, 1));
        CheckBox rotated = new CheckBox("rotated basis");
        rotated.selectedProperty().bindBidirectional(vm.rotated);
        row(signal, 4, "basis", rotated);
        row(signal, 5, "mean overlap", Fields.number(vm.overlap, 0, 0.99));

        GridPane model = grid();
        Spinner<Integer> depth = Fields.spinner(vm.depth, 1, 6, 1);
        depth.setId("depth");
        row(model, 0, "depth L", depth);
        Spinner<Integer> hidden = Fields.spinner(vm.hidden, 2, 200, 1);
        hidden.disableProperty().bind(vm.depth.isEqualTo(1));
        row(model, 1, "hidden width", hidden);
        row(model, 2, "init scale", Fields.number(vm.init, 0, 10));

        GridPane run = grid();
        Spinner<Integer> steps = Fields.spinner(vm.steps, 10, 100000, 100);
        steps.setId("steps");
        row(run, 0, "steps", steps);
        ComboBox<DataMode.Kind> mode = new ComboBox<>();
        mode.getItems().setAll(DataMode.Kind.values());
        mode.valueProperty().bindBidirectional(vm.modeKind);
        row(run, 1, "data", mode);
        Spinner<Integer> samples = Fields.spinner(vm.samples, 1, 1000000, 100);
        samples.disableProperty().bind(vm.modeKind.isEqualTo(DataMode.Kind.POPULATION));
        Spinner<Integer> batch = Fields.spinner(vm.batch, 1, 100000, 8);
        batch.disableProperty().bind(vm.modeKind.isNotEqualTo(DataMode.Kind.BATCH));
        row(run, 2, "samples n", samples);
        row(run, 3, "batch b", batch);
        row(run, 4, "seed", Fields.integer(vm.seed));

        Button add = new Button("+ optimizer");
        add.setOnAction(e -> vm.optimizers.add(new OptimizerRow(OptimizerKind.of("adam").defaults(), null, true)));
        vm.optimizers.addListener((javafx.collections.ListChangeListener<OptimizerRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) { rebuildRows(); return; }
            }
        });
        rebuildRows();
        VBox opts = new VBox(8, optimizerRows, add);

        VBox all = new VBox(6,
                titled("Classes and priors", priorsBox),
                titled("Signal", signal),
                titled("Model", model),
                titled("Run", run),
                titled("Optimizers", opts));
        all.setPadding(new Insets(6));
        setContent(all);
    }

    void setTheme(boolean dark, double fontScale) {
        priorsEditor.setColors(dark ? Color.web("#7FA6E0") : Color.web("#5B7DB1"),
                dark ? Color.web("#E6E6E6") : Color.web("#222222"), fontScale);
        priorsEditor.setPrefHeight(130 * fontScale);
        setPrefWidth(380 * Math.max(1, fontScale * 0.85));
    }

    private void rebuildRows() {
        optimizerRows.getChildren().clear();
        for (OptimizerRow r : vm.optimizers) optimizerRows.getChildren().add(rowFor(r));
    }

    private VBox rowFor(OptimizerRow r) {
        CheckBox on = new CheckBox();
        on.selectedProperty().bindBidirectional(r.enabledProperty());
        ColorPicker color = new ColorPicker(Color.web(r.colorProperty().get()));
        color.getStyleClass().add("button");
        color.setPrefWidth(44);
        color.valueProperty().addListener((o, a, b) -> r.colorProperty().set(Palette.toHex(new java.awt.Color(
                (float) b.getRed(), (float) b.getGreen(), (float) b.getBlue()))));
        r.colorProperty().addListener((o, a, b) -> color.setValue(Color.web(b)));
        ComboBox<OptimizerKind> kind = new ComboBox<>();
        kind.getItems().setAll(OptimizerKind.values());
        kind.setValue(r.kind());
        kind.valueProperty().addListener((o, a, b) -> {
            if (b != null) r.changeKind(b);
        });
        TextField lr = Fields.number(r.lrProperty(), 1e-9, 100);
        lr.setPrefColumnCount(5);
        lr.setTooltip(new Tooltip("step size eta"));
        // every other setting of the kind, typed, from the engine's settings record
        SettingsSheet sheet = new SettingsSheet(r.settingsProperty());
        sheet.setPadding(new Insets(0, 0, 0, 26));
        ToggleButton more = new ToggleButton("\u2699");
        more.setTooltip(new Tooltip("all settings of this optimizer"));
        sheet.visibleProperty().bind(more.selectedProperty());
        sheet.managedProperty().bind(more.selectedProperty());
        Button remove = new Button("x");
        remove.setTooltip(new Tooltip("remove"));
        remove.setOnAction(e -> vm.optimizers.remove(r));
        kind.setPrefWidth(100);
        kind.setMinWidth(90);
        Label eta = new Label("eta");
        eta.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox line = new HBox(4, on, color, kind, eta, lr, more, remove);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(kind, Priority.SOMETIMES);
        VBox box = new VBox(3, line, sheet);
        box.getStyleClass().add("optimizer-row");
        return box;
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setExpanded(true);
        t.setAnimated(false);
        return t;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(5);
        return g;
    }

    private static void row(GridPane g, int r, String label, javafx.scene.Node node) {
        row(g, r, new Label(label), node);
    }

    private static void row(GridPane g, int r, Label label, javafx.scene.Node node) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        g.add(label, 0, r);
        g.add(node, 1, r);
        GridPane.setHgrow(node, Priority.ALWAYS);
    }
}

package org.muonscope.app.cnnlab.view;

import org.muonscope.app.common.SettingsSheet;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.muonscope.app.cnnlab.CnnPreset;
import org.muonscope.app.cnnlab.DatasetChoice;
import org.muonscope.app.cnnlab.Experiment;
import org.muonscope.app.cnnlab.ExperimentPickerViewModel;
import org.muonscope.app.cnnlab.LabRunSpec;
import org.muonscope.app.cnnlab.OptimizerChoice;
import org.muonscope.engine.SpecException;

/** The left column: preset, dataset, experiment, schedule, optimizers and the button that queues the runs. */
public final class PickerPane extends VBox {
    public PickerPane(ExperimentPickerViewModel picker, List<CnnPreset> presets, Consumer<CnnPreset> onPreset,
                      Consumer<List<LabRunSpec>> onQueue) {
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(330);

        ComboBox<CnnPreset> preset = new ComboBox<>();
        preset.setId("cnn-preset");
        preset.getItems().setAll(presets);
        preset.setPromptText("preset…");
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setOnAction(e -> {
            CnnPreset p = preset.getValue();
            if (p == null) return;
            picker.apply(p);
            onPreset.accept(p);
        });
        preset.setTooltip(new Tooltip("Settings of the papers' experiments, from assets/presets"));

        ComboBox<DatasetChoice> data = new ComboBox<>(picker.datasets());
        data.setId("cnn-dataset");
        data.valueProperty().bindBidirectional(picker.datasetProperty());
        data.setConverter(new StringConverter<>() {
            @Override public String toString(DatasetChoice d) { return d == null ? "" : d.label(); }
            @Override public DatasetChoice fromString(String s) { return null; }
        });
        data.setMaxWidth(Double.MAX_VALUE);
        Button mnist = new Button("MNIST…");
        mnist.setTooltip(new javafx.scene.control.Tooltip("A folder of MNIST-format IDX files (MNIST, Fashion-MNIST, KMNIST …)"));
        mnist.setOnAction(e -> choose(picker, DatasetChoice.Kind.MNIST_DIR, "Folder with MNIST-format IDX files"));
        Button cifar = new Button("CIFAR-10…");
        cifar.setTooltip(new javafx.scene.control.Tooltip("The folder of the CIFAR-10 binary version (data_batch_1..5.bin, test_batch.bin)"));
        cifar.setOnAction(e -> choose(picker, DatasetChoice.Kind.CIFAR_DIR, "Folder with the CIFAR-10 binary batches"));
        Button cifar100 = new Button("CIFAR-100…");
        cifar100.setTooltip(new javafx.scene.control.Tooltip("The folder of the CIFAR-100 binary version (train.bin, test.bin); its 100 fine labels are the classes"));
        cifar100.setOnAction(e -> choose(picker, DatasetChoice.Kind.CIFAR100_DIR, "Folder with the CIFAR-100 binary train.bin and test.bin"));

        ComboBox<Experiment.Kind> kind = new ComboBox<>();
        kind.setId("cnn-experiment");
        kind.getItems().setAll(Experiment.Kind.values());
        kind.valueProperty().bindBidirectional(picker.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        TextField value = new TextField();
        value.setId("cnn-value");
        value.textProperty().bindBidirectional(picker.valueTextProperty());
        value.disableProperty().bind(picker.kindProperty().isEqualTo(Experiment.Kind.PLAIN));
        Label symbol = new Label();
        symbol.textProperty().bind(Bindings.createStringBinding(() -> picker.kindProperty().get().symbol(), picker.kindProperty()));

        ComboBox<String> model = new ComboBox<>();
        model.getItems().setAll(LabRunSpec.MODELS);
        model.valueProperty().bindBidirectional(picker.modelProperty());
        ComboBox<String> init = new ComboBox<>();
        init.setId("cnn-init");
        init.getItems().setAll(LabRunSpec.INITS);
        init.valueProperty().bindBidirectional(picker.initProperty());
        Label initLabel = new Label("init");
        initLabel.setTooltip(new Tooltip("default: PyTorch's uniform +-1/sqrt(fan_in); gaussian:0.01: weights N(0, 0.01^2), "
                + "biases 0, as in the simplicity-bias paper; kaiming: N(0, 2/fan_in)"));
        GridPane sched = new GridPane();
        sched.setHgap(6);
        sched.setVgap(4);
        sched.addRow(0, new Label("model"), model);
        sched.addRow(1, initLabel, init);
        sched.addRow(2, new Label("epochs"), spinner("cnn-epochs", 1, 100, picker.epochsProperty()));
        sched.addRow(3, new Label("batch"), spinner("cnn-batch", 1, 4096, picker.batchProperty()));
        sched.addRow(4, new Label("eval every (steps)"), spinner("cnn-eval", 1, 100000, picker.evalEveryProperty()));
        sched.addRow(5, new Label("threads"), spinner("cnn-threads", 1, 64, picker.threadsProperty()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) picker.seedProperty().get());
        seed.setEditable(true);
        seed.valueProperty().addListener((o, a, b) -> picker.seedProperty().set(b));
        picker.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        sched.addRow(6, new Label("seed"), seed);
        Spinner<Integer> trainLimit = spinner("cnn-train-limit", 0, 10_000_000, picker.trainLimitProperty());
        Spinner<Integer> testLimit = spinner("cnn-test-limit", 0, 10_000_000, picker.testLimitProperty());
        trainLimit.setPrefWidth(85);
        testLimit.setPrefWidth(85);
        Label limits = new Label("train / test images");
        limits.setTooltip(new Tooltip("Use only the first N training / test images (after the transform); 0 = all"));
        sched.addRow(7, limits, new HBox(4, trainLimit, testLimit));
        Label allNote = new Label("0 = all images");
        allNote.setStyle("-fx-font-size: 10px; -fx-text-fill: #666;");
        sched.add(allNote, 1, 8);

        VBox opts = new VBox(3);
        for (OptimizerChoice c : picker.optimizers()) {
            CheckBox box = new CheckBox(c.label());
            box.setId("cnn-opt-" + c.label());
            box.setMinWidth(72);
            box.selectedProperty().bindBidirectional(c.selectedProperty());
            TextField text = new TextField();
            text.textProperty().bindBidirectional(c.textProperty());
            text.setTooltip(new Tooltip("NAME:key=value,… as in muonscope cnn --optimizer"));
            HBox.setHgrow(text, Priority.ALWAYS);
            Button settings = new Button("\u2699");
            settings.setTooltip(new Tooltip("all settings of this optimizer"));
            settings.setOnAction(e -> showSettings(settings, c));
            opts.getChildren().add(new HBox(4, box, text, settings));
        }

        Button queue = new Button("Queue runs");
        queue.setId("cnn-queue-runs");
        queue.setDefaultButton(true);
        queue.setMaxWidth(Double.MAX_VALUE);
        queue.setOnAction(e -> {
            try {
                onQueue.accept(picker.specs());
            } catch (SpecException ex) {
                // The view model has put the message in errorProperty, shown below.
            }
        });
        Label error = new Label();
        error.setId("cnn-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(picker.errorProperty());

        getChildren().addAll(section("Preset"), preset, section("Data"), data, new HBox(4, mnist, cifar, cifar100),
                section("Experiment"), kind, new HBox(6, symbol, value), section("Model and schedule"), sched,
                section("Optimizers (one run each)"), opts, queue, error);

        // Reload the preview shortly after the data or experiment stops changing.
        PauseTransition wait = new PauseTransition(Duration.millis(300));
        wait.setOnFinished(e -> picker.refreshPreview());
        picker.datasetProperty().addListener(o -> wait.playFromStart());
        picker.kindProperty().addListener(o -> wait.playFromStart());
        picker.valueTextProperty().addListener(o -> wait.playFromStart());
        picker.seedProperty().addListener(o -> wait.playFromStart());
    }

    private void choose(ExperimentPickerViewModel picker, DatasetChoice.Kind kind, String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) picker.addFolder(new DatasetChoice(kind, f.toPath()));
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, a, b) -> p.set(b));
        p.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return l;
    }

    /**
     * Every setting of a ticked optimizer in a pop-over (the engine's settings record, typed), kept in step with the
     * text: editing either changes both; text that does not parse leaves the sheet where it was.
     */
    private static void showSettings(Button anchor, OptimizerChoice c) {
        javafx.beans.property.ObjectProperty<org.muonscope.engine.optim.OptimizerSettings> record =
                new javafx.beans.property.SimpleObjectProperty<>();
        try {
            record.set(c.spec());
        } catch (SpecException ex) {
            return; // the queue button reports the parse error
        }
        record.addListener((o, a, b) -> c.textProperty().set(b.toText()));
        SettingsSheet sheet = new SettingsSheet(record);
        sheet.setPrefWidth(340);
        sheet.setPadding(new javafx.geometry.Insets(8));
        org.controlsfx.control.PopOver pop = new org.controlsfx.control.PopOver(sheet);
        pop.setTitle(c.label() + " settings");
        pop.setHeaderAlwaysVisible(true);
        pop.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_TOP);
        pop.show(anchor);
    }
}

package org.muonscope.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Setting;

/**
 * Every setting of one optimizer, typed, from the engine's settings record (ControlsFX {@link PropertySheet}: a
 * number field per number, a check box per flag, the setting's meaning as its tooltip). A value the optimizer
 * refuses ({@code muon.beta must be in [0, 1)}) is not taken; the line under the sheet says why.
 */
public final class SettingsSheet extends VBox {
    private final ObjectProperty<OptimizerSettings> settings;
    private final PropertySheet sheet = new PropertySheet();
    private final Label error = new Label();

    public SettingsSheet(ObjectProperty<OptimizerSettings> settings) {
        this.settings = settings;
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.getStyleClass().add("settings-sheet");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        getChildren().addAll(sheet, error);
        settings.addListener((o, a, b) -> {
            if (a == null || b == null || a.kind() != b.kind()) rebuild();
        });
        rebuild();
    }

    /** The last refusal, empty when the settings took. */
    public String error() {
        return error.getText();
    }

    /** Sets one setting as the sheet's editor does (tests, keyboard shortcuts). */
    public void set(String key, Object value) {
        try {
            settings.set(settings.get().with(key, value));
            error.setText("");
        } catch (SpecException e) {
            error.setText(e.getMessage());
        }
    }

    private void rebuild() {
        OptimizerSettings s = settings.get();
        List<PropertySheet.Item> items = new ArrayList<>();
        if (s != null) for (Setting setting : s.kind().settings()) items.add(new Item(setting));
        sheet.getItems().setAll(FXCollections.observableArrayList(items));
    }

    /** One setting as a property-sheet row; reads and writes the settings record by name. */
    private final class Item implements PropertySheet.Item {
        private final Setting setting;

        Item(Setting setting) {
            this.setting = setting;
        }

        @Override
        public Class<?> getType() {
            Class<?> t = setting.type();
            return t == double.class ? Double.class : t == int.class ? Integer.class : t == boolean.class ? Boolean.class : t;
        }

        @Override
        public String getCategory() {
            return settings.get().kind().id();
        }

        @Override
        public String getName() {
            return setting.name();
        }

        @Override
        public String getDescription() {
            return setting.description() + " (default " + setting.defaultValue() + ")";
        }

        @Override
        public Object getValue() {
            return settings.get().values().get(setting.name());
        }

        @Override
        public void setValue(Object value) {
            if (value == null || value.equals(getValue())) return;
            set(setting.name(), value);
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }
}

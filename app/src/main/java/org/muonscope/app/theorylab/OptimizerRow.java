package org.muonscope.app.theorylab;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.muonscope.app.plots.Palette;
import org.muonscope.engine.optim.OptimizerKind;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * One optimizer to compare: whether it runs, its color, and its whole settings record (every setting of its kind,
 * so a saved session loses none). The step size has a property of its own for the row's quick field; the other
 * settings are edited in the row's {@link org.muonscope.app.common.SettingsSheet}.
 */
public final class OptimizerRow {
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty color = new SimpleStringProperty();
    private final ObjectProperty<OptimizerSettings> settings = new SimpleObjectProperty<>();
    private final DoubleProperty lr = new SimpleDoubleProperty();

    public OptimizerRow(OptimizerSettings spec, String hexColor, boolean on) {
        settings.set(spec);
        lr.set(spec.lr());
        // the quick field and the record stay in step both ways; a refused value leaves the record as it was
        lr.addListener((o, a, b) -> {
            if (b.doubleValue() == settings.get().lr()) return;
            try {
                settings.set(settings.get().with("lr", b.doubleValue()));
            } catch (org.muonscope.engine.SpecException e) {
                lr.set(settings.get().lr());
            }
        });
        settings.addListener((o, a, b) -> {
            if (b.lr() != lr.get()) lr.set(b.lr());
        });
        color.set(hexColor == null ? Palette.hex(spec.kind().id()) : hexColor);
        enabled.set(on);
    }

    public static OptimizerRow of(String text) {
        return new OptimizerRow(OptimizerSettings.parse(text), null, true);
    }

    /** Replaces the settings (e.g. another kind, which starts from that kind's defaults). */
    public void set(OptimizerSettings s) {
        settings.set(s);
    }

    /** Changes the kind, keeping the step size; the other settings take the new kind's defaults. */
    public void changeKind(OptimizerKind kind) {
        if (kind == settings.get().kind()) return;
        settings.set(kind.defaults().with("lr", lr.get()));
        color.set(Palette.hex(kind.id()));
    }

    /** The engine's settings record. */
    public OptimizerSettings toSpec() {
        return settings.get();
    }

    public OptimizerKind kind() {
        return settings.get().kind();
    }

    public Observable[] observables() {
        return new Observable[] {enabled, color, settings};
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public StringProperty colorProperty() { return color; }
    public ObjectProperty<OptimizerSettings> settingsProperty() { return settings; }
    public DoubleProperty lrProperty() { return lr; }
}

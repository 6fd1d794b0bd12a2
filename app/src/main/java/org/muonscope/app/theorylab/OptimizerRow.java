package org.muonscope.app.theorylab;

import org.muonscope.engine.optim.OptimizerKind;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.muonscope.app.plots.Palette;
import org.muonscope.engine.optim.OptimizerSettings;

/** One optimizer to compare, as the controls edit it: kind, color, step size and the settings of its kind. */
public final class OptimizerRow {
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty kind = new SimpleStringProperty();
    private final StringProperty color = new SimpleStringProperty();
    private final DoubleProperty lr = new SimpleDoubleProperty();
    private final DoubleProperty beta = new SimpleDoubleProperty();
    private final IntegerProperty ns = new SimpleIntegerProperty();
    private final BooleanProperty nesterov = new SimpleBooleanProperty();
    private final BooleanProperty exact = new SimpleBooleanProperty();

    /** The row's whole settings; the properties above edit the common ones on top of it, so none is lost. */
    private OptimizerSettings base;

    public OptimizerRow(OptimizerSettings spec, String hexColor, boolean on) {
        set(spec);
        color.set(hexColor == null ? Palette.hex(spec.kind().id()) : hexColor);
        enabled.set(on);
    }

    public static OptimizerRow of(String text) {
        OptimizerSettings s = OptimizerSettings.parse(text);
        return new OptimizerRow(s, null, true);
    }

    /** Replaces the kind and settings (e.g. when the user picks another kind; settings reset to its defaults). */
    public void set(OptimizerSettings s) {
        base = s;
        Map<String, Object> v = s.values();
        Map<String, Object> d = OptimizerKind.MUON.defaults().values();
        kind.set(s.kind().id());
        lr.set(s.lr());
        beta.set(((Number) v.getOrDefault("beta", d.get("beta"))).doubleValue());
        ns.set(((Number) v.getOrDefault("ns", d.get("ns"))).intValue());
        nesterov.set((Boolean) v.getOrDefault("nesterov", d.get("nesterov")));
        exact.set((Boolean) v.getOrDefault("exact", d.get("exact")));
    }

    /** The engine spec; throws {@link org.muonscope.engine.SpecException} naming a bad setting. */
    public OptimizerSettings toSpec() {
        OptimizerKind k = OptimizerKind.of(kind.get());
        OptimizerSettings start = base.kind() == k ? base : k.defaults();
        Map<String, Object> edits = new LinkedHashMap<>();
        edits.put("lr", lr.get());
        edits.put("beta", beta.get());
        edits.put("ns", ns.get());
        edits.put("nesterov", nesterov.get());
        edits.put("exact", exact.get());
        edits.keySet().retainAll(start.values().keySet());
        return start.with(edits);
    }

    public Observable[] observables() {
        return new Observable[] {enabled, kind, color, lr, beta, ns, nesterov, exact};
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public StringProperty kindProperty() { return kind; }
    public StringProperty colorProperty() { return color; }
    public DoubleProperty lrProperty() { return lr; }
    public DoubleProperty betaProperty() { return beta; }
    public IntegerProperty nsProperty() { return ns; }
    public BooleanProperty nesterovProperty() { return nesterov; }
    public BooleanProperty exactProperty() { return exact; }
}

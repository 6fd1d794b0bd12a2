package org.muonscope.app.theorylab;

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
import org.muonscope.engine.optim.OptimizerSpec;

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

    public OptimizerRow(OptimizerSpec spec, String hexColor, boolean on) {
        set(spec);
        color.set(hexColor == null ? Palette.hex(spec.kind()) : hexColor);
        enabled.set(on);
    }

    public static OptimizerRow of(String text) {
        OptimizerSpec s = OptimizerSpec.parse(text);
        return new OptimizerRow(s, null, true);
    }

    /** Replaces the kind and settings (e.g. when the user picks another kind; settings reset to its defaults). */
    public void set(OptimizerSpec s) {
        kind.set(s.kind());
        lr.set(s.lr());
        beta.set(s.beta());
        ns.set(s.ns());
        nesterov.set(s.nesterov());
        exact.set(s.exact());
    }

    /** The engine spec; throws {@link org.muonscope.engine.SpecException} naming a bad setting. */
    public OptimizerSpec toSpec() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("lr", Double.toString(lr.get()));
        switch (kind.get()) {
            case "muon" -> {
                kv.put("beta", Double.toString(beta.get()));
                kv.put("ns", Integer.toString(ns.get()));
                kv.put("nesterov", Boolean.toString(nesterov.get()));
                kv.put("exact", Boolean.toString(exact.get()));
            }
            case "signum" -> kv.put("beta", Double.toString(beta.get()));
            case "gd" -> kv.put("beta", Double.toString(beta.get()));
            default -> { }
        }
        return OptimizerSpec.defaults(kind.get()).with(kv);
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

package org.muonscope.app.cnnlab;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.muonscope.engine.optim.OptimizerSettings;

/** One optimizer the user can tick, with its settings as editable text ({@code muon:lr=0.02,beta=0.95}). */
public final class OptimizerChoice {
    private final String label;
    private final StringProperty text;
    private final BooleanProperty selected;

    public OptimizerChoice(String label, String text, boolean selected) {
        this.label = label;
        this.text = new SimpleStringProperty(this, "text", text);
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    /**
     * The papers' three (SGD with momentum, Adam, Muon) ticked, with the settings of the engine's speed and accuracy
     * targets, and the other optimizers available but unticked.
     */
    public static List<OptimizerChoice> defaults() {
        return List.of(
                new OptimizerChoice("SGD", "gd:lr=0.05,beta=0.9", true),
                new OptimizerChoice("Adam", "adam:lr=0.001", true),
                new OptimizerChoice("Muon", "muon:lr=0.02,beta=0.95,nesterov=true", true),
                new OptimizerChoice("GD", "gd:lr=0.05", false),
                new OptimizerChoice("Signum", "signum:lr=0.001", false),
                new OptimizerChoice("SpecGD", "specgd:lr=0.02", false),
                // roots every 100 steps as distributed Shampoo does (decision 0505): per step it is impractical here
                new OptimizerChoice("Shampoo", "shampoo:lr=0.01,eps=1e-4,refresh=100", false));
    }

    public String label() { return label; }

    public StringProperty textProperty() { return text; }

    public BooleanProperty selectedProperty() { return selected; }

    /** @throws org.muonscope.engine.SpecException when the text does not parse */
    public OptimizerSettings spec() {
        return OptimizerSettings.parse(text.get());
    }

    @Override
    public String toString() { return label; }
}

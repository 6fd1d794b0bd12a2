package org.muonscope.app.common;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Small two-way editors for numeric properties. A typed value is committed on Enter or when the field
 * loses focus; a value that does not parse is marked and left uncommitted rather than silently changed.
 */
public final class Fields {
    private Fields() { }

    public static TextField number(DoubleProperty p, double min, double max) {
        TextField f = new TextField(format(p.get()));
        f.setPrefColumnCount(6);
        Runnable commit = () -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                if (!(v >= min && v <= max)) throw new NumberFormatException();
                f.getStyleClass().remove("invalid");
                if (v != p.get()) p.set(v);
            } catch (NumberFormatException e) {
                if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, a, focused) -> { if (!focused) commit.run(); });
        p.addListener((o, a, b) -> {
            f.setText(format(b.doubleValue()));
            f.getStyleClass().remove("invalid");
        });
        return f;
    }

    public static TextField integer(LongProperty p) {
        TextField f = new TextField(Long.toString(p.get()));
        f.setPrefColumnCount(6);
        f.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("-?\\d*") ? c : null));
        Runnable commit = () -> {
            try {
                long v = Long.parseLong(f.getText().trim());
                if (v != p.get()) p.set(v);
            } catch (NumberFormatException e) {
                f.setText(Long.toString(p.get()));
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, a, focused) -> { if (!focused) commit.run(); });
        p.addListener((o, a, b) -> f.setText(Long.toString(b.longValue())));
        return f;
    }

    public static Spinner<Integer> spinner(IntegerProperty p, int min, int max, int step) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory vf =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.max(min, Math.min(max, p.get())), step);
        s.setValueFactory(vf);
        s.setEditable(true);
        s.setPrefWidth(100);
        vf.valueProperty().addListener((o, a, b) -> { if (b != null && b != p.get()) p.set(b); });
        p.addListener((o, a, b) -> { if (vf.getValue() != b.intValue()) vf.setValue(b.intValue()); });
        s.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) s.increment(0);
        });
        return s;
    }

    public static String format(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}

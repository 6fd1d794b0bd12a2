package org.muonscope.engine.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.muonscope.engine.SpecException;

/**
 * The generic half of {@link OptimizerSettings}: names, values, text and construction derived from the settings
 * records' components, so adding a setting is adding a record component (and its validation), nothing else.
 */
final class SettingsCodec {
    private SettingsCodec() { }

    /** What each key means; a kind-specific entry ({@code gd.beta}) wins over the shared one. */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("lr", "step size eta"),
            Map.entry("beta", "momentum: m = beta m + (1 - beta) g; 0 = none"),
            Map.entry("gd.beta", "heavy-ball momentum (PyTorch SGD): b = beta b + g; 0 = plain GD"),
            Map.entry("nesterov", "Nesterov look-ahead of the momentum"),
            Map.entry("ns", "Newton-Schulz iterations"),
            Map.entry("exact", "exact polar factor (SVD) instead of Newton-Schulz"),
            Map.entry("wd", "decoupled weight decay: p = p (1 - lr wd)"),
            Map.entry("alr", "step size of the Adam fallback (vectors, first and last layers)"),
            Map.entry("edges", "first and last layers take the Adam fallback (reference convention)"),
            Map.entry("beta1", "Adam first-moment decay"),
            Map.entry("beta2", "Adam second-moment decay"),
            Map.entry("eps", "Adam denominator epsilon"),
            Map.entry("muon.beta1", "first-moment decay of the Adam fallback"),
            Map.entry("muon.beta2", "second-moment decay of the Adam fallback"),
            Map.entry("muon.eps", "epsilon of the Adam fallback"),
            Map.entry("shampoo.eps", "ridge added to both preconditioner statistics"),
            Map.entry("refresh", "recompute the preconditioner roots every this many steps"));

    private record Shape(RecordComponent[] components, Constructor<?> constructor) { }

    private static final Map<OptimizerKind, Shape> SHAPES = new EnumMap<>(OptimizerKind.class);

    private static synchronized Shape shape(OptimizerKind kind) {
        return SHAPES.computeIfAbsent(kind, k -> {
            Class<?> type = k.defaults().getClass();
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) types[i] = rc[i].getType();
            try {
                return new Shape(rc, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor", e);
            }
        });
    }

    static List<Setting> settings(OptimizerKind kind) {
        List<Setting> out = new ArrayList<>();
        Map<String, Object> defaults = values(kind.defaults());
        for (RecordComponent c : shape(kind).components()) {
            String name = c.getName();
            String d = DESCRIPTIONS.getOrDefault(kind.id() + "." + name, DESCRIPTIONS.getOrDefault(name, name));
            out.add(new Setting(name, c.getType(), defaults.get(name), d));
        }
        return List.copyOf(out);
    }

    static Map<String, Object> values(OptimizerSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : shape(s.kind()).components()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(s));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Builds a record from every value by name; {@code given} are the keys the user named (checked first). */
    static OptimizerSettings create(OptimizerKind kind, Map<String, Object> all, Set<String> given) {
        Shape shape = shape(kind);
        for (String key : given) {
            boolean known = false;
            for (RecordComponent c : shape.components()) known |= c.getName().equals(key);
            if (!known) {
                throw new SpecException(kind.id() + "." + key, "unknown key '" + key + "' for " + kind.id() + " (known: "
                        + String.join(" ", keys(kind).stream().sorted().toList()) + ")");
            }
        }
        Object[] args = new Object[shape.components().length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = shape.components()[i];
            args[i] = convert(kind.id() + "." + c.getName(), c.getType(), all.get(c.getName()));
        }
        try {
            return (OptimizerSettings) shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> keys(OptimizerKind kind) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : shape(kind).components()) out.add(c.getName());
        return out;
    }

    static String toText(OptimizerSettings s) {
        Map<String, Object> mine = values(s);
        Map<String, Object> theirs = values(s.kind().defaults());
        StringBuilder sb = new StringBuilder(s.kind().id());
        String sep = ":";
        for (Map.Entry<String, Object> e : mine.entrySet()) {
            if (!e.getValue().equals(theirs.get(e.getKey()))) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = ",";
            }
        }
        return sb.toString();
    }

    static OptimizerSettings parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        OptimizerKind kind = OptimizerKind.of(colon < 0 ? t : t.substring(0, colon));
        if (colon < 0 || colon == t.length() - 1) return kind.defaults();
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : t.substring(colon + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new SpecException(kind.id(), "expected key=value, got '" + part.trim() + "'");
            kv.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        return kind.defaults().with(kv);
    }

    private static Object convert(String field, Class<?> type, Object v) {
        if (type == double.class) {
            if (v instanceof Number n) return n.doubleValue();
            try {
                double d = Double.parseDouble(String.valueOf(v).trim());
                if (Double.isNaN(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException ex) {
                throw new SpecException(field, "expected a number, got '" + v + "'");
            }
        }
        if (type == int.class) {
            long l;
            if (v instanceof Number n) {
                if (n.doubleValue() != Math.rint(n.doubleValue())) throw new SpecException(field, "expected an integer, got " + v);
                l = n.longValue();
            } else {
                try {
                    l = Long.parseLong(String.valueOf(v).trim());
                } catch (NumberFormatException ex) {
                    throw new SpecException(field, "expected an integer, got '" + v + "'");
                }
            }
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) throw new SpecException(field, "out of range: " + l);
            return (int) l;
        }
        if (type == boolean.class) {
            if (v instanceof Boolean b) return b;
            return switch (String.valueOf(v).trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "on", "yes" -> true;
                case "false", "0", "off", "no" -> false;
                default -> throw new SpecException(field, "expected true or false, got '" + v + "'");
            };
        }
        throw new IllegalStateException("unsupported setting type " + type);
    }
}

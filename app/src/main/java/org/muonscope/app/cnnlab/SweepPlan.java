package org.muonscope.app.cnnlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepSpec;

/**
 * The CNN Lab's sweep as the engine's {@link SweepSpec}: the lab's current setup as the base, the experiment's field
 * over the typed values (first, outermost), {@code optimizer} over the ticked optimizers, and the seeds. The values
 * are parsed and every cell validated by the engine itself ({@link SweepCodec#axis}, {@link Grid#cells}), exactly
 * as {@code muonscope sweep --vary} would, so the panel refuses what the command refuses, with the same line.
 */
public final class SweepPlan {
    private SweepPlan() { }

    /** The spec field an experiment varies: {@code imbalance}, {@code spuriousPixel}, {@code colored}; null for plain. */
    public static String key(Experiment.Kind kind) {
        return switch (kind) {
            case STEP_IMBALANCE, LONGTAIL_IMBALANCE -> "imbalance";
            case SPURIOUS_PIXEL -> "spuriousPixel";
            case COLORED -> "colored";
            case PLAIN -> null;
        };
    }

    /**
     * The sweep.
     *
     * @param values       the experiment's values as typed ({@code 1, 5, 20}: ratios for an imbalance, which become
     *                     {@code step:1, step:5, step:20}); ignored for plain
     * @param seeds        {@code A-B} or {@code A}
     * @param perOptimizer the lab's setup, one spec per ticked optimizer ({@link ExperimentPickerViewModel#specs})
     * @throws SpecException naming the field of the first bad value, seed range or optimizer
     */
    public static SweepSpec build(Experiment.Kind kind, String values, String seeds, List<LabRunSpec> perOptimizer) {
        if (perOptimizer.isEmpty()) throw new SpecException("optimizer", "tick at least one optimizer");
        // the varied field's value in the base is the plain one: every cell sets its own, and sweep.json reads as typed
        CnnSpec base = EngineBackend.toEngine(perOptimizer.get(0).withExperiment(Experiment.PLAIN));
        List<SweepSpec.Axis> axes = new ArrayList<>();
        if (kind != Experiment.Kind.PLAIN) {
            String prefix = kind == Experiment.Kind.STEP_IMBALANCE ? "step:" : kind == Experiment.Kind.LONGTAIL_IMBALANCE ? "longtail:" : "";
            List<String> texts = new ArrayList<>();
            for (String t : tokens(values)) texts.add(prefix + plain(t));
            if (texts.isEmpty()) throw new SpecException(key(kind), "give at least one value of " + kind.symbol());
            axes.add(SweepCodec.axis(ExperimentKind.CNN, key(kind) + "=" + String.join(",", texts)));
        }
        List<JsonNode> optimizers = new ArrayList<>();
        for (LabRunSpec s : perOptimizer) optimizers.add(SpecCodec.optimizer(s.optimizer()));
        axes.add(new SweepSpec.Axis(Grid.OPTIMIZER, optimizers));
        long[] range = SweepCodec.seeds(seeds == null ? "" : seeds);
        return new SweepSpec(base, axes, range[0], range[1]);
    }

    /**
     * The sweep's folder under the lab's sweeps folder. Named by what stays fixed (the base without the varied field,
     * the optimizers and the seed), so the same sweep, or one with more values or seeds, lands in the same folder
     * and the engine skips the cells it finished before; a different model, data or schedule gets a folder of its own.
     */
    public static Path folder(Path sweeps, SweepSpec sweep) {
        ObjectNode fixed = SpecCodec.toTree(sweep.base());
        for (SweepSpec.Axis a : sweep.axes()) fixed.remove(a.key().equals(Grid.OPTIMIZER) ? "optimizers" : a.key());
        fixed.remove("seed");
        String varied = sweep.axes().stream().map(SweepSpec.Axis::key).filter(k -> !k.equals(Grid.OPTIMIZER)).findFirst().orElse("plain");
        CnnSpec base = (CnnSpec) sweep.base();
        return sweeps.resolve(String.format(Locale.ROOT, "%s-%s-%08x", varied, base.model(), fixed.toString().hashCode()));
    }

    /** {@code 20.0} as {@code 20}, so a typed value names the same cell as the command line's; anything else as typed. */
    private static String plain(String t) {
        try {
            return Experiment.num(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return t;
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String t : text.split("[,;\\s]+")) if (!t.isBlank()) out.add(t.trim());
        return out;
    }
}

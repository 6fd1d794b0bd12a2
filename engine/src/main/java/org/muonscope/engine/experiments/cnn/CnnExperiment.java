package org.muonscope.engine.experiments.cnn;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.Models;
import org.muonscope.engine.model.cnn.Network;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Experiment;
import org.muonscope.engine.run.LaneDriver;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/**
 * CNN training: the spec's network once per optimizer, one after the other on the calling thread, each from the same
 * seeded weights over the same seeded batches, with a GEMM team of {@code threads} (Newton-Schulz inside the
 * optimizer finds it through {@link Gemm#current()}).
 */
public final class CnnExperiment implements Experiment<CnnSpec> {
    @Override
    public RunResult run(CnnSpec spec, RunListener listener, CancelToken cancel, RunContext context) {
        return run(spec, CnnData.load(spec), listener, cancel, context);
    }

    /** With the data already loaded and transformed ({@link CnnData#prepare}): the lab and the bench keep it. */
    public RunResult run(CnnSpec spec, TrainTest data, RunListener l, CancelToken c, RunContext context) {
        RunListener listener = l == null ? RunListener.NONE : l;
        CancelToken cancel = c == null ? CancelToken.none() : c;
        RunProvenance provenance = RunProvenance.capture(spec.seed(), context.command());
        List<String> labels = spec.labels();
        List<OptimizerResult> results = new ArrayList<>();
        try (GemmThreads threads = GemmThreads.of(spec.threads())) {
            Gemm gemm = Gemm.on(threads);
            for (int slot = 0; slot < labels.size(); slot++) {
                int s = slot;
                if (cancel.isCancelled()) {
                    results.add(LaneDriver.notStarted(labels.get(s), s, spec.optimizers().get(s), listener));
                    continue;
                }
                OptimizerResult[] r = new OptimizerResult[1];
                gemm.runScoped(() -> r[0] = new LaneDriver(new CnnLane(spec, data, gemm, s, labels.get(s),
                        context.checkpoints(), listener), labels.get(s), s, spec.optimizers().get(s), listener, cancel).run());
                results.add(r[0]);
            }
        }
        Values.Builder info = Values.builder().put(CnnFields.DATA_SOURCE, data.source());
        int[] counts = data.train().classCounts();
        double[] perClass = new double[counts.length];
        for (int i = 0; i < perClass.length; i++) perClass[i] = counts[i];
        info.put(CnnFields.CLASS_COUNTS, perClass);
        if (data.test().groupNames() != null) info.put(CnnFields.GROUPS, data.test().groupNames().toArray(new String[0]));
        info.put(CnnFields.LAYERS, layers(spec, data).toArray(new String[0]));
        RunResult result = new RunResult(spec, provenance, results, info.build());
        listener.onRunEnded(result);
        return result;
    }

    /**
     * The names of the weight matrices whose spectra a run of {@code spec} on {@code data} records, in the order of
     * its {@link CnnFields#SINGULAR_VALUES} rows (the lab shows them before the first evaluation). Builds the network
     * once, without training it.
     */
    public static List<String> layers(CnnSpec spec, TrainTest data) {
        try (GemmThreads one = GemmThreads.of(1)) {
            Network net = Models.create(spec.model(), Gemm.on(one), data.train().shape(), data.train().classes());
            return List.of(LayerSpectra.names(LayerSpectra.matrices(net.params())));
        }
    }

    @Override
    public Layout layout() {
        return CnnFields.LAYOUT;
    }
}

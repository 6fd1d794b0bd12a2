package org.muonscope.engine.simplicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.muonscope.engine.experiment.OptimizerLabels;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSpec;
import org.muonscope.engine.optim.Optimizers;

/**
 * Runs a {@link RoutingSpec}: every optimizer from the same codes, the same initial weights and the same
 * sequence of batches, recording the error on seen and unseen pairs, the whole 7 x 7 error grid and the
 * spectrum and effective rank of the shared hidden layer.
 */
public final class RoutingExperiment {
    private RoutingExperiment() {
    }

    /**
     * One record. Errors as in {@link RoutingNet#errorGrid()}: {@code seenError} is the mean over the 14 trained
     * pairs, {@code unseenError} over the 35 others; {@code batchLoss} is the loss of the batch about to be used.
     */
    public record Point(long step, double batchLoss, double seenError, double unseenError, double effectiveRank,
                        double[] hiddenSpectrum, double[][] errorGrid) { }

    /** One optimizer's run; {@code message} is null when it completed, else why it stopped. */
    public record Trace(String label, OptimizerSpec optimizer, List<Point> points, String message) {
        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    public record Result(RoutingSpec spec, List<Trace> traces) { }

    public static Result run(RoutingSpec spec) {
        return run(spec, PointListener.none(), () -> false);
    }

    public static Result run(RoutingSpec spec, PointListener<Point> listener, BooleanSupplier cancelled) {
        RoutingTask task = RoutingTask.create(Seeds.stream(spec.seed(), "routing-codes"));
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        List<Trace> traces = new ArrayList<>();
        for (int slot = 0; slot < spec.optimizers().size(); slot++) {
            if (cancelled.getAsBoolean()) break;
            traces.add(runOne(spec, task, slot, labels.get(slot), listener, cancelled));
        }
        return new Result(spec, List.copyOf(traces));
    }

    private static Trace runOne(RoutingSpec spec, RoutingTask task, int slot, String label,
                                PointListener<Point> listener, BooleanSupplier cancelled) {
        OptimizerSpec os = spec.optimizers().get(slot);
        RoutingNet net = new RoutingNet(task, spec.width(), spec.init(), Seeds.stream(spec.seed(), "routing-init"));
        Random batches = Seeds.stream(spec.seed(), "routing-batches");
        Optimizer opt = Optimizers.create(os, net.params());
        ScheduledStep stepper = new ScheduledStep(opt, spec.schedule(), spec.steps());
        List<Point> points = new ArrayList<>();
        String message = null;
        for (long t = 0; ; t++) {
            List<RoutingTask.Sample> batch = spec.fullBatch() ? task.fullBatch() : task.sampleBatch(batches);
            double loss = net.gradient(batch);
            if (!Double.isFinite(loss)) {
                message = "diverged at step " + t + " (loss " + loss + "); try a smaller lr";
                break;
            }
            if (t == 0 || t == spec.steps() || t % spec.every() == 0) {
                Point p = measure(net, t, loss);
                points.add(p);
                listener.onPoint(slot, label, p);
            }
            if (t == spec.steps()) break;
            if (cancelled.getAsBoolean()) {
                message = "cancelled at step " + t;
                break;
            }
            stepper.step(net.params());
        }
        return new Trace(label, os, List.copyOf(points), message);
    }

    /** The record of the network's current state. */
    public static Point measure(RoutingNet net, long step, double batchLoss) {
        RoutingTask task = net.task();
        double[][] grid = net.errorGrid();
        double seen = 0;
        double unseen = 0;
        int nSeen = 0;
        int nUnseen = 0;
        for (int j = 0; j < task.domains(); j++) {
            for (int o = 0; o < task.domains(); o++) {
                if (task.trained(j, o)) {
                    seen += grid[j][o];
                    nSeen++;
                } else {
                    unseen += grid[j][o];
                    nUnseen++;
                }
            }
        }
        double[] sv = Spectra.singularValues(net.hiddenLayer());
        return new Point(step, batchLoss, seen / nSeen, unseen / nUnseen, Spectra.effectiveRank(sv), sv, grid);
    }
}

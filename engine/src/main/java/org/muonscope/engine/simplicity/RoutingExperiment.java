package org.muonscope.engine.simplicity;

import org.muonscope.engine.random.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.muonscope.engine.experiment.OptimizerLabels;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.OptimizerSettings;
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
    public record Trace(String label, OptimizerSettings optimizer, List<Point> points, String message) {
        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    public record Result(RoutingSpec spec, List<Trace> traces) { }

    public static Result run(RoutingSpec spec) {
        return run(spec, PointListener.none(), () -> false);
    }

    /**
     * Trains every optimizer in lockstep, one step each in turn, so a listener sees them side by side as they go.
     * Each has its own network, batch stream and optimizer, so the numbers are those of running it alone.
     */
    public static Result run(RoutingSpec spec, PointListener<Point> listener, BooleanSupplier cancelled) {
        RoutingTask task = RoutingTask.create(Seeds.of(spec.seed()).random("routing-codes"));
        List<String> labels = OptimizerLabels.of(spec.optimizers());
        List<Lane> lanes = new ArrayList<>();
        for (int slot = 0; slot < spec.optimizers().size(); slot++) lanes.add(new Lane(spec, task, slot, labels.get(slot)));
        for (long t = 0; t <= spec.steps(); t++) {
            boolean any = false;
            for (Lane lane : lanes) {
                if (lane.message == null && !lane.done) {
                    lane.advance(t, listener);
                    any |= lane.message == null && !lane.done;
                }
            }
            if (!any) break;
            if (cancelled.getAsBoolean()) {
                for (Lane lane : lanes) if (lane.message == null && !lane.done) lane.message = "cancelled at step " + t;
                break;
            }
        }
        List<Trace> traces = new ArrayList<>();
        for (Lane lane : lanes) traces.add(new Trace(lane.label, lane.os, List.copyOf(lane.points), lane.message));
        return new Result(spec, List.copyOf(traces));
    }

    /** One optimizer's training state. */
    private static final class Lane {
        final RoutingSpec spec;
        final RoutingTask task;
        final int slot;
        final String label;
        final OptimizerSettings os;
        final RoutingNet net;
        final Random batches;
        final Optimizer optimizer;
        final List<Point> points = new ArrayList<>();
        String message;
        boolean done;

        Lane(RoutingSpec spec, RoutingTask task, int slot, String label) {
            this.spec = spec;
            this.task = task;
            this.slot = slot;
            this.label = label;
            this.os = spec.optimizers().get(slot);
            this.net = new RoutingNet(task, spec.width(), spec.init(), Seeds.of(spec.seed()).random("routing-init"));
            this.batches = Seeds.of(spec.seed()).random("routing-batches");
            this.optimizer = Optimizers.create(os, net.params(), spec.schedule(), spec.steps());
        }

        /** Records step {@code t} when due, then takes the step (none after the last). */
        void advance(long t, PointListener<Point> listener) {
            List<RoutingTask.Sample> batch = spec.fullBatch() ? task.fullBatch() : task.sampleBatch(batches);
            double loss = net.gradient(batch);
            if (!Double.isFinite(loss)) {
                message = "diverged at step " + t + " (loss " + loss + "); try a smaller lr";
                return;
            }
            if (t == 0 || t == spec.steps() || t % spec.every() == 0) {
                Point p = measure(net, t, loss);
                points.add(p);
                listener.onPoint(slot, label, p);
            }
            if (t == spec.steps()) {
                done = true;
                return;
            }
            optimizer.step(net.params());
        }
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

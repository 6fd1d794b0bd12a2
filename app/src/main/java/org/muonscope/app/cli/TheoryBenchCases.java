package org.muonscope.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;
import org.muonscope.engine.spec.TheorySpec;

/**
 * The engine figures of issue 2, all in population mode: the linear model at {@code k = d = 10}, the deep model
 * at {@code L = 3, k = 10, d = h = 100}, and the default lab scenario with seven optimizers.
 */
final class TheoryBenchCases {
    private TheoryBenchCases() { }

    static List<BenchCase> all() {
        double[] ten = geometric(10);
        return List.of(
                throughput("linear-gd", "linear k=d=10, 2000 steps, metrics every 100",
                        spec(ten, 10, 1, 0.0, 2000, 100, "gd:lr=0.01"), 1_000_000),
                throughput("linear-specgd", "linear k=d=10, 2000 steps, metrics every 100",
                        spec(ten, 10, 1, 0.0, 2000, 100, "specgd:lr=0.001"), 150_000),
                throughput("linear-muon", "linear k=d=10, 2000 steps, metrics every 100",
                        spec(ten, 10, 1, 0.0, 2000, 100, "muon:lr=0.001"), 100_000),
                throughput("deep-specgd", "deep L=3 k=10 d=h=100, 300 steps, metrics every 10",
                        spec(ten, 100, 3, 1e-3, 300, 10, "specgd:lr=0.001"), 500),
                throughput("deep-muon", "deep L=3 k=10 d=h=100, 300 steps, metrics every 10",
                        spec(ten, 100, 3, 1e-3, 300, 10, "muon:lr=0.001"), 500),
                new LabScenario(),
                // Informational: the same linear loops with metrics only at steps 0 and 2000, to show how much of
                // a figure above is the optimizer step and how much the per-snapshot metrics.
                throughput("linear-gd-steps", "as linear-gd, metrics only at steps 0 and 2000",
                        spec(ten, 10, 1, 0.0, 2000, 2000, "gd:lr=0.01"), Double.NaN),
                throughput("linear-specgd-steps", "as linear-specgd, metrics only at steps 0 and 2000",
                        spec(ten, 10, 1, 0.0, 2000, 2000, "specgd:lr=0.001"), Double.NaN),
                throughput("linear-muon-steps", "as linear-muon, metrics only at steps 0 and 2000",
                        spec(ten, 10, 1, 0.0, 2000, 2000, "muon:lr=0.001"), Double.NaN));
    }

    private static double[] geometric(int k) {
        // Imbalanced like the lab (a geometric tail), so the metrics see distinct classes, not a symmetric problem.
        double[] p = new double[k];
        for (int c = 0; c < k; c++) p[c] = Math.pow(0.8, c);
        return p;
    }

    static TheorySpec spec(double[] priors, int dim, int depth, double init, int steps, int every, String... optimizers) {
        return new TheorySpec(priors.clone(), 3.0, 1.0, dim, depth, dim, init, false, 0.0, DataMode.POPULATION, steps,
                every, 1L, List.of(optimizers).stream().map(OptimizerSettings::parse).toList());
    }

    static BenchCase throughput(String name, String description, TheorySpec spec, double target) {
        return new StepThroughput(name, description, spec, target);
    }

    /**
     * Steps per second of one optimizer's loop, metrics included, in the calling thread. The clock runs from the
     * step-0 snapshot to the end, so the one-off setup (mixture, Monte Carlo draws, model init) is left out.
     */
    private record StepThroughput(String name, String description, TheorySpec spec, double target) implements BenchCase {
        @Override
        public String unit() {
            return "steps/s";
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double measure() {
            return measure(false);
        }

        @Override
        public boolean supportsCpuClock() {
            return true;
        }

        @Override
        public double measure(boolean cpuClock) {
            AtomicLong start = new AtomicLong();
            AtomicLong end = new AtomicLong();
            // without an executor the run calls the listener on this thread, so the thread's CPU clock covers exactly the loop.
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            boolean cpu = cpuClock && mx.isCurrentThreadCpuTimeSupported();
            RunListener timer = new RunListener() {
                @Override
                public void onRecord(Record s) {
                    if (s.step() == 0) start.set(cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime());
                }

                @Override
                public void onOptimizerEnded(OptimizerResult r) {
                    end.set(cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime());
                }
            };
            RunResult r = Experiments.run(spec, timer, CancelToken.none(), RunContext.of("bench " + name));
            OptimizerResult o = r.optimizers().get(0);
            if (o.status() != Status.COMPLETED) throw new IllegalStateException(name + ": " + o.message());
            return spec.steps() / ((end.get() - start.get()) * 1e-9);
        }
    }

    /** The window's default scenario: k = 3, seven optimizers on the shared pool, 2000 steps, metrics every step. */
    private static final class LabScenario implements BenchCase {
        private final TheorySpec spec = spec(new double[] {0.7, 0.2, 0.1}, 3, 1, 0.0, 2000, 1,
                "gd:lr=0.1", "ngd:lr=0.01", "signgd:lr=0.001", "specgd:lr=0.001", "muon:lr=0.001", "adam:lr=0.001",
                "shampoo:lr=0.001");

        @Override
        public String name() {
            return "lab-default";
        }

        @Override
        public String description() {
            return "k=3, 7 optimizers in parallel, 2000 steps, metrics every step";
        }

        @Override
        public String unit() {
            return "ms";
        }

        @Override
        public double target() {
            return 200;
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public double measure() {
            long t0 = System.nanoTime();
            RunResult r = Experiments.run(spec, null, null, RunContext.of("bench lab-default").withExecutor(RunContext.pool()));
            long t1 = System.nanoTime();
            for (OptimizerResult o : r.optimizers()) {
                if (o.status() != Status.COMPLETED) throw new IllegalStateException(o.label() + ": " + o.message());
            }
            return (t1 - t0) * 1e-6;
        }
    }
}

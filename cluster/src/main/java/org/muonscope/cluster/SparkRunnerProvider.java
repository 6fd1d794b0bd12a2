package org.muonscope.cluster;

import org.muonscope.engine.sweep.SweepRunner;
import org.muonscope.engine.sweep.SweepRunnerProvider;

/** The Spark runner for the command line's {@code --master} (found through {@link java.util.ServiceLoader}). */
public final class SparkRunnerProvider implements SweepRunnerProvider {
    @Override
    public boolean accepts(String master) {
        return master.startsWith("local") || master.startsWith("spark://") || master.equals("yarn") || master.startsWith("k8s://");
    }

    @Override
    public SweepRunner open(String master) {
        return SparkRunner.open(master);
    }
}

package org.muonscope.engine.experiments.routing;

import org.muonscope.engine.linalg.Spectra;

import org.muonscope.engine.spec.RoutingSpec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.optim.OptimizerSettings;

/**
 * The paper's Figure 2 contrast at the project defaults ({@link RoutingSpec#defaults()}), over the first
 * five seeds. Only what held in every seed tried is asserted per seed; GD's generalization is seed-dependent (it
 * failed in 4 of 10 seeds measured, see README "Simplicity Lab"), so it is asserted as a count.
 */
class RoutingContrastTest {

    private static RoutingRun.Point last(String opt, int steps, long seed) {
        RoutingSpec spec = RoutingSpec.defaults().withSeed(seed).withSteps(steps, steps)
                .withOptimizers(List.of(OptimizerSettings.parse(opt)));
        return RoutingRun.run(spec).traces().get(0).last();
    }

    @Test
    void specGdMemorizesInEverySeedWhileGdKeepsTheHiddenLayerLowRank() {
        int gdGeneralized = 0;
        List<String> log = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            RoutingRun.Point gd = last("gd:lr=2", 2600, seed);
            RoutingRun.Point spec = last("specgd:lr=0.01", 800, seed);
            log.add(String.format("seed %d: gd seen %.2e unseen %.3f erank %.2f | specgd seen %.2e unseen %.3f erank %.2f",
                    seed, gd.seenError(), gd.unseenError(), gd.effectiveRank(), spec.seenError(), spec.unseenError(),
                    spec.effectiveRank()));
            // both fit the trained pairs (measured: gd <= 4e-4 at step 2600, specgd ~3e-4, its oscillation floor)
            assertTrue(gd.seenError() < 5e-3, log.toString());
            assertTrue(spec.seenError() < 5e-3, log.toString());
            // SpecGD memorizes: unseen error far from 0 (measured 0.5-0.8 in seeds 1-5) and a high-rank W_h
            assertTrue(spec.unseenError() > 0.3, log.toString());
            assertTrue(spec.effectiveRank() > 12, log.toString());
            // GD's W_h: at most 5 singular values above 10% of the largest (4 = shared structure), effective
            // rank well below SpecGD's (measured 6.4-7.8 against 15-16.3)
            assertTrue(Spectra.thresholdRank(gd.hiddenSpectrum(), 0.1) <= 5, log.toString());
            assertTrue(gd.effectiveRank() < spec.effectiveRank() - 4, log.toString());
            if (gd.unseenError() < 0.01) gdGeneralized++;
        }
        // measured: 4 of these 5 seeds (seed 5 learns a fifth hidden mode and ends at unseen error ~0.53)
        assertTrue(gdGeneralized >= 3, "GD generalized in " + gdGeneralized + " of 5 seeds: " + log);
    }

    @Test
    void muonsMomentumIsWhatFindsTheSharedStructure() {
        // measured over seeds 1-10 at 1500 steps: Muon (beta 0.95) unseen 0.004-0.007 (its oscillation floor) in
        // every seed; the same Muon without momentum 0.15-0.77, like SpecGD. Muon first fits the seen pairs (step
        // ~200, unseen ~0.45) and then drifts to the shared solution (unseen < 0.015 by step ~700 in seed 1).
        // Asserted at step 1000 for seeds 1-3.
        for (long seed = 1; seed <= 3; seed++) {
            RoutingRun.Point muon = last("muon:lr=0.01", 1000, seed);
            RoutingRun.Point noMomentum = last("muon:lr=0.01,beta=0", 1000, seed);
            assertTrue(muon.unseenError() < 0.02 && muon.seenError() < 0.02, "seed " + seed + ": muon " + muon.unseenError());
            assertTrue(noMomentum.unseenError() > 0.3 && noMomentum.seenError() < 5e-3, "seed " + seed + ": no momentum " + noMomentum.unseenError());
        }
    }
}

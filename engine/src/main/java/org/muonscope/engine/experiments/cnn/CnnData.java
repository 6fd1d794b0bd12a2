package org.muonscope.engine.experiments.cnn;

import org.muonscope.engine.spec.CnnSpec;

import org.muonscope.engine.random.Seeds;

import org.muonscope.engine.data.ColoredDigits;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.data.Dataset;
import org.muonscope.engine.data.Imbalance;
import org.muonscope.engine.data.SpuriousPixel;
import org.muonscope.engine.data.TrainTest;

/**
 * Turns a spec's data settings into the sets a run trains and evaluates on, in a fixed order: the limits
 * (first N samples), then imbalance (on the fine labels), then colored digits, then the spurious pixel. Each
 * transform draws from its own seed derived from the run's seed.
 */
public final class CnnData {
    private CnnData() { }

    public static TrainTest load(CnnSpec spec) {
        return prepare(spec, DataSources.load(spec.data()));
    }

    public static TrainTest prepare(CnnSpec spec, TrainTest raw) {
        Dataset train = spec.trainLimit() > 0 ? raw.train().head(spec.trainLimit()) : raw.train();
        Dataset test = spec.testLimit() > 0 ? raw.test().head(spec.testLimit()) : raw.test();
        train = Imbalance.apply(spec.imbalance(), train, Seeds.of(spec.seed()).cnnTransform("imbalance"));
        TrainTest t = new TrainTest(raw.source(), train, test);
        if (spec.hasColors()) t = ColoredDigits.apply(t, spec.colored(), Seeds.of(spec.seed()).cnnTransform("colors"));
        if (spec.spuriousPixel() > 0) t = SpuriousPixel.forData(t.train(), spec.spuriousPixel(), Seeds.of(spec.seed()).cnnTransform("pixel")).apply(t);
        return t;
    }
}

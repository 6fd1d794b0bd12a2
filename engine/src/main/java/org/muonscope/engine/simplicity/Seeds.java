package org.muonscope.engine.simplicity;

import java.util.Random;
import java.util.SplittableRandom;

/** Named random streams from one master seed, so the task, the init and the batches never share draws. */
final class Seeds {
    private Seeds() {
    }

    static Random stream(long master, String name) {
        long mixed = new SplittableRandom(master ^ (0x9E3779B97F4A7C15L * (name.hashCode() + 0x51L))).nextLong();
        return new Random(mixed);
    }
}

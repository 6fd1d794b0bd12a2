package org.muonscope.engine.optim;

import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.GemmThreads;

/**
 * One step of a {@link Chain} on a big parameter, on a thread team: each maximal run of
 * {@link ElementwiseTransform} stages (with the gradient copy before the first stage and {@code w += u} after
 * the last) goes through the parameter once, in cache-sized blocks, the blocks shared out over the team; any
 * other stage (Newton-Schulz, Shampoo) runs on the whole update in between. Every element sees exactly the
 * operations of {@link ChainOptimizer}'s plain loop, in the same order, so the result is bit-identical to it
 * for any team size; what changes is that a CNN's million-element dense layer is read from memory once per run
 * of stages instead of once per stage, on every core.
 */
final class BlockedStep implements GemmThreads.RangeBody {
    /** Elements per block: the update, gradient, parameter and two moments of a block stay in L1. */
    private static final int BLOCK = 1024;

    private final GemmThreads.Ranges ranges = new GemmThreads.Ranges(this);
    private Chain chain;
    private TransformState state;
    private double[] g;
    private double[] u;
    private double[] w;
    private int from;
    private int to;
    private boolean copy;
    private boolean add;

    /** Runs the chain on {@code u = g}, then {@code w += u}. */
    void run(GemmThreads team, Chain c, TransformState st, DMatrixRMaj grad, DMatrixRMaj upd, DMatrixRMaj value) {
        chain = c;
        state = st;
        g = grad.data;
        u = upd.data;
        w = value.data;
        int n = upd.getNumElements();
        int stages = c.size();
        try {
            int s = 0;
            while (true) {
                int e = s;
                while (e < stages && c.stage(e) instanceof ElementwiseTransform) e++;
                for (int i = s; i < e; i++) ((ElementwiseTransform) c.stage(i)).begin(c.stageState(st, i));
                from = s;
                to = e;
                copy = s == 0;
                add = e == stages;
                if (copy || add || e > s) ranges.run(team, n);
                if (e == stages) break;
                c.stage(e).update(upd, c.stageState(st, e), value);
                s = e + 1;
            }
        } finally {
            chain = null;
            state = null;
            g = u = w = null;
        }
    }

    @Override
    public void run(int lo, int hi) {
        for (int b = lo; b < hi; b += BLOCK) {
            int end = Math.min(hi, b + BLOCK);
            if (copy) System.arraycopy(g, b, u, b, end - b);
            for (int i = from; i < to; i++) {
                ((ElementwiseTransform) chain.stage(i)).apply(u, chain.stageState(state, i), w, b, end);
            }
            if (add) {
                for (int j = b; j < end; j++) w[j] += u[j];
            }
        }
    }
}

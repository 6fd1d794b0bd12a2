package org.muonscope.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.muonscope.engine.linalg.Gemm;

/**
 * The one {@link Optimizer} implementation: each parameter has a transform chain (chosen by {@link Optimizers}
 * from the spec and the parameter's {@link Role}) and its state; a step copies the gradient into an update
 * buffer, runs the chain, and adds the result to the value. Nothing is allocated per step.
 *
 * <p>Inside a {@link Gemm#runScoped} scope (a CNN run), parameters of at least {@link #BLOCKED_MIN} elements take
 * {@link BlockedStep}: the same arithmetic per element, on the scope's team, in cache-sized blocks.
 */
final class ChainOptimizer implements Optimizer {
    private static final int FORMAT = 0x4D53_4F31; // "MSO1": guards against loading a foreign stream
    /** Smaller parameters are not worth a team call. */
    static final int BLOCKED_MIN = 1 << 14;

    private final BlockedStep blocked = new BlockedStep();

    private final OptimizerSettings spec;
    private final String[] names;
    private final GradientTransform[] transforms;
    private final TransformState[] states;
    private final DMatrixRMaj[] updates;
    private long steps;

    ChainOptimizer(OptimizerSettings spec, List<Param> params, List<GradientTransform> transforms) {
        this.spec = spec;
        int n = params.size();
        this.names = new String[n];
        this.transforms = transforms.toArray(new GradientTransform[0]);
        this.states = new TransformState[n];
        this.updates = new DMatrixRMaj[n];
        for (int i = 0; i < n; i++) {
            Param p = params.get(i);
            names[i] = p.name();
            states[i] = this.transforms[i].init(p.value().numRows, p.value().numCols);
            updates[i] = new DMatrixRMaj(p.value().numRows, p.value().numCols);
        }
    }

    @Override
    public OptimizerSettings settings() {
        return spec;
    }

    @Override
    public void step(List<Param> params) {
        int n = updates.length;
        if (params.size() != n) {
            throw new IllegalArgumentException("optimizer was created for " + n + " parameters, got " + params.size());
        }
        Gemm scope = Gemm.scoped();
        for (int i = 0; i < n; i++) {
            Param p = params.get(i);
            DMatrixRMaj u = updates[i];
            DMatrixRMaj g = p.grad();
            DMatrixRMaj w = p.value();
            if (g.numRows != u.numRows || g.numCols != u.numCols) {
                throw new IllegalArgumentException(p.name() + ": shape " + g.numRows + "x" + g.numCols
                        + " differs from the " + u.numRows + "x" + u.numCols + " the optimizer was created for");
            }
            int len = u.getNumElements();
            if (scope != null && len >= BLOCKED_MIN && transforms[i] instanceof Chain c) {
                blocked.run(scope.threads(), c, states[i], g, u, w);
                continue;
            }
            System.arraycopy(g.data, 0, u.data, 0, len);
            transforms[i].update(u, states[i], w);
            double[] wd = w.data;
            double[] ud = u.data;
            for (int j = 0; j < len; j++) {
                wd[j] += ud[j];
            }
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeUTF(spec.toText());
        out.writeLong(steps);
        out.writeInt(updates.length);
        for (int i = 0; i < updates.length; i++) {
            out.writeUTF(names[i]);
            out.writeInt(updates[i].numRows);
            out.writeInt(updates[i].numCols);
            states[i].write(out);
        }
    }

    @Override
    public void loadState(DataInput in, List<Param> params) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not a Muonscope optimizer state");
        }
        String saved = in.readUTF();
        if (!saved.equals(spec.toText())) {
            throw new IOException("optimizer state was saved by '" + saved + "', this optimizer is '" + spec.toText() + "'");
        }
        long savedSteps = in.readLong();
        int n = in.readInt();
        if (n != updates.length || params.size() != n) {
            throw new IOException("optimizer state holds " + n + " parameters, this model has " + params.size());
        }
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int r = in.readInt();
            int c = in.readInt();
            Param p = params.get(i);
            if (!name.equals(p.name()) || r != p.value().numRows || c != p.value().numCols) {
                throw new IOException("optimizer state parameter " + i + " is " + name + " " + r + "x" + c + ", model has "
                        + p.name() + " " + p.value().numRows + "x" + p.value().numCols);
            }
            states[i].read(in);
        }
        steps = savedSteps;
    }
}

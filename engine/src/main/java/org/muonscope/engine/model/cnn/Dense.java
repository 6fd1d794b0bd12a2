package org.muonscope.engine.model.cnn;

import java.util.List;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.optim.Role;

/**
 * {@code y = x W^T + b} on {@code [n][in]} rows, {@code W} being {@code out x in} (PyTorch's Linear layout),
 * optionally followed by a ReLU in the same layer (one pass less over the activations). Backward:
 * {@code dpre = dy} masked by {@code y > 0} with the ReLU, {@code dW = dpre^T x}, {@code db = column sums of
 * dpre}, {@code dx = dpre W}.
 */
public final class Dense implements Layer {
    private final Gemm gemm;
    private final int in;
    private final int out;
    private final boolean relu;
    private final Weights weight;
    private final Weights bias;
    private float[] x;
    private float[] y;
    private float[] dpre;
    private float[] dx;

    public Dense(Gemm gemm, String name, int in, int out, Role role) {
        this(gemm, name, in, out, false, role);
    }

    public Dense(Gemm gemm, String name, int in, int out, boolean relu, Role role) {
        this.gemm = gemm;
        this.in = in;
        this.out = out;
        this.relu = relu;
        this.weight = Weights.of(name + ".weight", out, in, role);
        this.bias = Weights.of(name + ".bias", 1, out, Role.VECTOR);
    }

    @Override
    public Shape outShape() {
        return Shape.flat(out);
    }

    @Override
    public List<Weights> weights() {
        return List.of(weight, bias);
    }

    public int fanIn() {
        return in;
    }

    @Override
    public long trainingFlops(boolean inputGrad) {
        return 2L * in * out * (inputGrad ? 3 : 2);
    }

    @Override
    public float[] forward(float[] input, int n, boolean training) {
        x = input;
        y = Buffers.atLeast(y, n * out);
        for (int b = 0; b < n; b++) System.arraycopy(bias.value(), 0, y, b * out, out);
        gemm.sgemm(false, true, n, out, in, 1f, input, 0, in, weight.value(), 0, in, 1f, y, 0, out);
        if (relu) {
            for (int i = 0; i < n * out; i++) y[i] = y[i] > 0f ? y[i] : 0f;
        }
        return y;
    }

    @Override
    public float[] backward(float[] dy, int n, boolean needInputGrad) {
        float[] d = dy;
        if (relu) {
            dpre = Buffers.atLeast(dpre, n * out);
            for (int i = 0; i < n * out; i++) dpre[i] = y[i] > 0f ? dy[i] : 0f;
            d = dpre;
        }
        gemm.sgemm(true, false, out, in, n, 1f, d, 0, out, x, 0, in, 0f, weight.grad(), 0, in);
        float[] db = bias.grad();
        for (int o = 0; o < out; o++) {
            double s = 0;
            for (int b = 0; b < n; b++) s += d[b * out + o];
            db[o] = (float) s;
        }
        if (!needInputGrad) return null;
        dx = Buffers.atLeast(dx, n * in);
        gemm.sgemm(false, false, n, in, out, 1f, d, 0, out, weight.value(), 0, in, 0f, dx, 0, in);
        return dx;
    }
}

package org.muonscope.engine.model.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.model.cnn.ConvKernels.Geometry;
import org.muonscope.engine.optim.Role;

/**
 * A square convolution with stride and zero padding, by im2col, worked through the batch in chunks of a few
 * images so that a chunk's patch matrix and pre-activation stay in the core's L2 cache: per chunk,
 * {@code cols = im2col(x)} ({@code (in*k*k) x (chunk*oh*ow)}), {@code pre = W cols} by a single-threaded GEMM,
 * then the output stage ({@link Output}: bias, ReLU, flatten, max-pool) writes the layer's output. The chunks
 * are shared out over the GEMM team. Backward per chunk: the output stage's adjoint gives {@code dpre},
 * {@code dW += dpre cols^T} (im2col recomputed: cheaper than keeping a batch-sized patch matrix in memory),
 * {@code dcols = W^T dpre}, folded back by col2im.
 *
 * <p>Determinism (decision 0504): the weight gradient sums over the batch, which the chunks split. The chunks
 * are fixed by the layer's shape and grouped into a fixed number of lanes; each lane sums its chunks in order
 * into its own partial, and the partials are added in lane order. Neither depends on the thread count, so the
 * numbers are the same on any team. Every output column is one GEMM column whatever its chunk, so the forward
 * pass is too.
 */
public final class Conv2d implements Layer {
    /** What follows the convolution inside the layer. */
    public enum Output {
        /** Bias only, CNHW. */
        PLAIN,
        /** Bias and ReLU, CNHW. */
        RELU,
        /** Bias and ReLU, flattened to {@code [n][c*h*w]} (PyTorch's {@code flatten(1)} order). */
        FLAT_RELU,
        /** Bias, 2x2 max-pool (floor mode) and ReLU, CNHW; same as ReLU then pool, as max commutes with ReLU. */
        POOL_RELU
    }

    /** Target size (floats) of a chunk's patch matrix or pre-activation: well inside a 1-2 MiB L2. */
    private static final int CHUNK_FLOATS = 1 << 17;
    /** Partial weight gradients: enough lanes to keep any team of up to eight threads busy. */
    private static final int LANES = 8;
    /** Spare floats at the end of the chunk buffers for vector copies that spill (see ConvKernels.copy). */
    private static final int PAD = 64;

    private final Gemm gemm;
    private final Geometry g;
    private final int outC;
    private final Output output;
    private final Shape outShape;
    private final Weights weight;
    private final Weights bias;
    private final int chunk;
    /** The weight gradient is accumulated as {@code W^T}'s: for a small fan-in the GEMM's wide side is then outC. */
    private final boolean transposedGrad;
    /** Pooling layers compute only the positions some window reads, in window order (see ConvKernels.im2colPooled). */
    private final boolean pooled;
    /** GEMM columns per image. */
    private final int columnsPerImage;
    /**
     * Stride 1 without padding: the input gradient goes through the wide grid ({@link ConvKernels#col2imWide}),
     * 18% more GEMM work for the paper's second conv and a col2im of long runs instead of rows of 11 (measured
     * 3.9 ms per batch for the short runs, the extra GEMM about 1.2 ms, one thread).
     */
    private final boolean wideBackward;
    private final Forward fwd = new Forward();
    private final Backward bwd = new Backward();
    private final Reduce reduce = new Reduce();
    private float[] x;
    private int n;
    private float[] y;
    private byte[] arg;
    private float[] dy;
    private float[] dx;
    private boolean needDx;
    private int chunks;
    private int lanes;
    private float[] dwLanes = new float[0];
    private double[] dbLanes = new double[0];

    /** Stride 1, bias, plain output. */
    public Conv2d(Gemm gemm, String name, Shape in, int outChannels, int kernel, int pad, Role role) {
        this(gemm, name, in, outChannels, kernel, 1, pad, true, Output.PLAIN, role);
    }

    public Conv2d(Gemm gemm, String name, Shape in, int outChannels, int kernel, int stride, int pad, boolean withBias,
                  Output output, Role role) {
        if (kernel < 1 || pad < 0 || stride < 1) {
            throw new IllegalArgumentException("bad kernel " + kernel + " / stride " + stride + " / pad " + pad);
        }
        int oh = (in.h() + 2 * pad - kernel) / stride + 1, ow = (in.w() + 2 * pad - kernel) / stride + 1;
        this.gemm = gemm;
        this.g = new Geometry(in.c(), in.h(), in.w(), kernel, stride, pad, oh, ow);
        this.outC = outChannels;
        this.output = output;
        this.outShape = switch (output) {
            case PLAIN, RELU -> new Shape(outChannels, oh, ow);
            case FLAT_RELU -> Shape.flat(outChannels * oh * ow);
            case POOL_RELU -> new Shape(outChannels, oh / 2, ow / 2);
        };
        this.weight = Weights.of(name + ".weight", outChannels, g.fanIn(), role);
        this.bias = withBias ? Weights.of(name + ".bias", 1, outChannels, Role.VECTOR) : null;
        this.pooled = output == Output.POOL_RELU;
        this.columnsPerImage = pooled ? 4 * outShape.plane() : g.outPlane();
        this.wideBackward = stride == 1 && pad == 0 && !pooled;
        this.chunk = Math.max(1, CHUNK_FLOATS / (Math.max(g.fanIn(), outChannels) * columnsPerImage));
        this.transposedGrad = g.fanIn() < outChannels;
    }

    @Override
    public Shape outShape() {
        return outShape;
    }

    @Override
    public List<Weights> weights() {
        List<Weights> w = new ArrayList<>(2);
        w.add(weight);
        if (bias != null) w.add(bias);
        return List.copyOf(w);
    }

    public int fanIn() {
        return g.fanIn();
    }

    @Override
    public long trainingFlops(boolean inputGrad) {
        return 2L * outC * g.fanIn() * g.outPlane() * (inputGrad ? 3 : 2);
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        x = input;
        n = batch;
        y = Buffers.atLeast(y, outShape.size() * n);
        if (output == Output.POOL_RELU && training) arg = Buffers.atLeast(arg, outShape.size() * n);
        fwd.keepArg = output == Output.POOL_RELU && training;
        chunks = (n + chunk - 1) / chunk;
        gemm.threads().forEach(chunks, fwd);
        return y;
    }

    @Override
    public float[] backward(float[] gradOut, int batch, boolean needInputGrad) {
        dy = gradOut;
        needDx = needInputGrad;
        if (needInputGrad) dx = Buffers.atLeast(dx, g.inC() * g.ih() * g.iw() * n);
        lanes = Math.min(LANES, chunks);
        int wsize = outC * g.fanIn();
        dwLanes = dwLanes.length >= lanes * wsize ? dwLanes : new float[lanes * wsize];
        dbLanes = dbLanes.length >= lanes * outC ? dbLanes : new double[lanes * outC];
        java.util.Arrays.fill(dbLanes, 0, lanes * outC, 0.0);
        gemm.threads().forEach(lanes, bwd);
        reduce.ranges.run(gemm.threads(), wsize);
        if (bias != null) {
            float[] db = bias.grad();
            for (int o = 0; o < outC; o++) {
                double s = 0;
                for (int l = 0; l < lanes; l++) s += dbLanes[l * outC + o];
                db[o] = (float) s;
            }
        }
        dy = null;
        return needInputGrad ? dx : null;
    }

    private void patches(int b0, int b1, float[] cols) {
        if (pooled) {
            ConvKernels.im2colPooled(g, x, n, b0, b1, cols);
        } else {
            ConvKernels.im2col(g, x, n, b0, b1, cols);
        }
    }

    /** One chunk of the forward pass. */
    private final class Forward implements IntConsumer {
        boolean keepArg;

        @Override
        public void accept(int c) {
            int b0 = c * chunk, b1 = Math.min(n, b0 + chunk), cn = (b1 - b0) * columnsPerImage;
            Scratch s = Scratch.get(g.fanIn() * cn, outC * cn);
            patches(b0, b1, s.cols);
            gemm.sgemmSerial(false, false, outC, cn, g.fanIn(), 1f, weight.value(), 0, g.fanIn(), s.cols, 0, cn, 0f,
                    s.pre, 0, cn);
            float[] b = bias == null ? null : bias.value();
            switch (output) {
                case PLAIN -> ConvKernels.storeCnhw(s.pre, b, outC, g.outPlane(), n, b0, b1, false, y);
                case RELU -> ConvKernels.storeCnhw(s.pre, b, outC, g.outPlane(), n, b0, b1, true, y);
                case FLAT_RELU -> ConvKernels.storeFlatRelu(s.pre, b, outC, g.outPlane(), b0, b1, y);
                case POOL_RELU -> ConvKernels.storePoolRelu(s.pre, b, outC, outShape.plane(), n, b0, b1, y,
                        keepArg ? arg : null);
            }
        }
    }

    /** One lane of the backward pass: its chunks in order, into its own partial gradients. */
    private final class Backward implements IntConsumer {
        @Override
        public void accept(int lane) {
            int first = (int) ((long) chunks * lane / lanes), last = (int) ((long) chunks * (lane + 1) / lanes);
            int wsize = outC * g.fanIn();
            for (int c = first; c < last; c++) {
                int b0 = c * chunk, b1 = Math.min(n, b0 + chunk), cn = (b1 - b0) * columnsPerImage;
                int wideLen = wideBackward ? (b1 - b0) * g.oh() * g.iw() : 0;
                Scratch s = Scratch.get(g.fanIn() * Math.max(cn, wideLen), outC * cn);
                if (wideBackward) s.wide = Buffers.atLeast(s.wide, outC * wideLen + PAD);
                switch (output) {
                    case PLAIN -> ConvKernels.loadCnhw(dy, y, false, outC, g.outPlane(), n, b0, b1, s.pre);
                    case RELU -> ConvKernels.loadCnhw(dy, y, true, outC, g.outPlane(), n, b0, b1, s.pre);
                    case FLAT_RELU -> ConvKernels.loadFlatRelu(dy, y, outC, g.outPlane(), b0, b1, s.pre);
                    case POOL_RELU -> ConvKernels.loadPoolRelu(dy, y, arg, outC, outShape.plane(), n, b0, b1, s.pre);
                }
                if (bias != null) ConvKernels.rowSums(s.pre, outC, cn, dbLanes, lane * outC);
                patches(b0, b1, s.cols);
                float beta = c == first ? 0f : 1f;
                if (transposedGrad) {
                    gemm.sgemmSerial(false, true, g.fanIn(), outC, cn, 1f, s.cols, 0, cn, s.pre, 0, cn, beta, dwLanes,
                            lane * wsize, outC);
                } else {
                    gemm.sgemmSerial(false, true, outC, g.fanIn(), cn, 1f, s.pre, 0, cn, s.cols, 0, cn, beta, dwLanes,
                            lane * wsize, g.fanIn());
                }
                if (needDx && wideBackward) {
                    // the patch matrix is no longer needed: its buffer takes dcols
                    int wn = (b1 - b0) * g.oh() * g.iw();
                    ConvKernels.widen(s.pre, outC, g.oh(), g.ow(), g.iw(), b1 - b0, s.wide);
                    gemm.sgemmSerial(true, false, g.fanIn(), wn, outC, 1f, weight.value(), 0, g.fanIn(), s.wide, 0, wn,
                            0f, s.cols, 0, wn);
                    ConvKernels.col2imWide(g, s.cols, n, b0, b1, dx);
                } else if (needDx) {
                    gemm.sgemmSerial(true, false, g.fanIn(), cn, outC, 1f, weight.value(), 0, g.fanIn(), s.pre, 0, cn,
                            0f, s.cols, 0, cn);
                    if (pooled) {
                        ConvKernels.col2imPooled(g, s.cols, n, b0, b1, dx);
                    } else {
                        ConvKernels.col2im(g, s.cols, n, b0, b1, dx);
                    }
                }
            }
        }
    }

    /** {@code dW = sum of the lane partials, in lane order} (transposed back when accumulated as {@code W^T}'s). */
    private final class Reduce implements GemmThreads.RangeBody {
        final GemmThreads.Ranges ranges = new GemmThreads.Ranges(this);

        @Override
        public void run(int from, int to) {
            float[] dw = weight.grad();
            int wsize = outC * g.fanIn(), fan = g.fanIn();
            for (int i = from; i < to; i++) {
                // element i of dW (row o, column q); W^T's partials hold it at q * outC + o
                int at = transposedGrad ? (i % fan) * outC + i / fan : i;
                float s = dwLanes[at];
                for (int l = 1; l < lanes; l++) s += dwLanes[l * wsize + at];
                dw[i] = s;
            }
        }
    }

    /** Per-thread chunk buffers, shared by every convolution (layers run one after the other). */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
        float[] cols = new float[0];
        float[] pre = new float[0];
        float[] wide = new float[0];

        /** Buffers of at least these lengths, plus room for a sloppy copy's spill past the last row. */
        static Scratch get(int colsLen, int preLen) {
            Scratch s = LOCAL.get();
            if (s.cols.length < colsLen + PAD) s.cols = new float[colsLen + PAD];
            if (s.pre.length < preLen + PAD) s.pre = new float[preLen + PAD];
            return s;
        }
    }
}

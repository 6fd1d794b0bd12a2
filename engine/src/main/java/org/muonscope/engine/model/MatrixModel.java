package org.muonscope.engine.model;

import org.muonscope.engine.random.Seeds;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.theory.Moments;
import org.muonscope.engine.random.SeededRandom;

/**
 * A linear map {@code f(x) = W x} ({@code W} is {@code k x d}) trained on the square loss
 * {@code L(W) = 1/2 E||W x - y||^2 = 1/2 tr(W Sxx W^T) - tr(Syx W^T) + 1/2}, which depends on the data only
 * through the {@link Moments}. Its parameters are either {@code W} itself ({@link LinearModel}) or the factors
 * of {@code W = W_L ... W_1} ({@link DeepLinearModel}).
 *
 * <h2>Initialization (decision 0201)</h2>
 * Every factor starts as {@code delta} times a Haar-random semi-orthogonal matrix (orthonormal rows or columns,
 * whichever are fewer), so all its singular values equal {@code delta} whatever its shape; a square factor is a
 * random <em>rotation</em> (Haar on SO(n), determinant +1). A reflection would give the square end-to-end product
 * an eigenvalue -1: one class direction starts exactly reversed, and at {@code delta = eta} SpecGD then shrinks
 * that mode to zero and holds it in a 2-cycle, so its {@code t_90} never comes (about half the seeds at depth
 * {@code >= 2} with odd {@code d}). Depth 1 with {@code delta = 0} starts from {@code W = 0}, as the closed forms
 * assume.
 *
 * <p>Not thread-safe; one model per optimizer.
 */
public interface MatrixModel {

    /**
     * The theory lab's model: depth 1 gives a {@link LinearModel}, depth {@code L > 1} a {@link DeepLinearModel} with
     * hidden width {@code hidden}; every factor starts as {@code init} times a random semi-orthogonal matrix from the
     * seed's {@code init} stream (factor {@code i} from its fork {@code i}). Give every optimizer of a comparison the
     * same seed, so they start from the same weights.
     */
    static MatrixModel create(int classes, int dim, int depth, int hidden, double init, long seed) {
        SeededRandom rng = Seeds.of(seed).stream("init");
        if (depth == 1) return new LinearModel(scaledOrthogonal(classes, dim, init, rng));
        if (hidden < 1) throw new IllegalArgumentException("hidden width must be >= 1, got " + hidden);
        List<DMatrixRMaj> factors = new java.util.ArrayList<>();
        for (int i = 0; i < depth; i++) {
            factors.add(scaledOrthogonal(i == depth - 1 ? classes : hidden, i == 0 ? dim : hidden, init, rng.fork(i)));
        }
        return new DeepLinearModel(factors);
    }

    /**
     * A model from given initial factors {@code W_1 .. W_L} (they become its parameters): one factor gives a
     * {@link LinearModel}, more a {@link DeepLinearModel}.
     */
    static MatrixModel of(List<DMatrixRMaj> factors) {
        return factors.size() == 1 ? new LinearModel(factors.get(0)) : new DeepLinearModel(factors);
    }

    /** The trainable matrices, {@code W} or {@code W1 .. WL} (input side first), all {@code Role.MATRIX}. */
    List<Param> params();

    /**
     * Fills every {@link Param#grad()} with the exact gradient of the loss at the current parameters for the
     * given moments and returns that loss. Allocation-free.
     *
     * @param m not modified
     */
    double gradient(Moments m);

    /**
     * The end-to-end {@code W = W_L ... W_1} ({@code k x d}) at the current parameters: an internal buffer,
     * valid until the next call to any method of this model; never modify it.
     */
    DMatrixRMaj endToEnd();

    int classes();

    int dim();

    int depth();

    /**
     * {@code delta} times a Haar-random semi-orthogonal {@code rows x cols} matrix (Gram-Schmidt of a Gaussian one,
     * along the shorter side, twice for orthogonality to rounding); when square, its first row is negated if that
     * makes the determinant positive, which maps Haar on O(n) onto Haar on SO(n).
     */
    static DMatrixRMaj scaledOrthogonal(int rows, int cols, double delta, SeededRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        if (delta == 0) return m;
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        boolean byRows = rows <= cols;
        int count = byRows ? rows : cols;
        int len = byRows ? cols : rows;
        int stride = byRows ? 1 : cols;   // step between entries of one vector
        int next = byRows ? cols : 1;     // step between the starts of successive vectors
        double[] a = m.data;
        for (int v = 0; v < count; v++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int u = 0; u < v; u++) {
                    double dot = 0;
                    for (int i = 0; i < len; i++) dot += a[u * next + i * stride] * a[v * next + i * stride];
                    for (int i = 0; i < len; i++) a[v * next + i * stride] -= dot * a[u * next + i * stride];
                }
            }
            double norm = 0;
            for (int i = 0; i < len; i++) norm += a[v * next + i * stride] * a[v * next + i * stride];
            double s = 1 / Math.sqrt(norm);
            for (int i = 0; i < len; i++) a[v * next + i * stride] *= s;
        }
        // A square factor is a rotation (det +1), not a reflection: see the interface comment.
        if (rows == cols && CommonOps_DDRM.det(m) < 0) {
            for (int j = 0; j < cols; j++) a[j] = -a[j];
        }
        for (int i = 0; i < a.length; i++) a[i] *= delta;
        return m;
    }
}

package org.muonscope.engine.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.model.cnn.Shape;

/**
 * The covariance of a training set's inputs, {@code C = X_c^T X_c / (n - 1)} over its first {@code n} images
 * ({@code X_c}: the images as rows, each pixel's mean removed), as the network sees them: after the experiment's
 * transform. Its eigenvalues say how the input's variance spreads over directions, and its top eigenvectors, drawn as
 * images, what those directions are (for colored digits: whether colour is the top one).
 *
 * <p>The first images, not a random draw: the transforms keep the data's order and Fashion-MNIST's training order
 * mixes the classes, so the first {@link #DEFAULT_IMAGES} are a fair sample, and the same ones on every call.
 * {@value #DEFAULT_IMAGES} (decision 1101): more than the 3,072 pixel values of a CIFAR image, so the estimate has full
 * rank for every dataset the lab reads; a well separated top eigenvalue's relative sampling error is then about
 * {@code sqrt(2 / n)}, 2%; and the cost, {@code n d^2} for the product plus the {@code d^3} eigendecomposition,
 * stays at seconds for 28 x 28 images.
 *
 * @param images       how many images it was computed from
 * @param shape        the input's shape: each eigenvector is an image of it, channel-major
 * @param eigenvalues  every eigenvalue, descending (rounding may leave the zero ones of constant pixels at about
 *                     {@code -1e-17} times the largest)
 * @param eigenvectors the top eigenvectors, unit length, each signed so its entry of largest magnitude is positive
 */
public record InputCovariance(int images, Shape shape, double[] eigenvalues, double[][] eigenvectors) {
    /** The subsample the lab uses (see the class comment). */
    public static final int DEFAULT_IMAGES = 5000;
    /** Eigenvectors the lab draws. */
    public static final int DEFAULT_TOP = 8;

    /**
     * The covariance of the first {@code min(maxImages, size)} images of {@code data} and its top {@code top}
     * eigenvectors. Deterministic: the GEMM never splits a sum across threads.
     *
     * @throws IllegalArgumentException when fewer than two images are there to estimate it from
     */
    public static InputCovariance of(Dataset data, int maxImages, int top, Gemm gemm) {
        int n = Math.min(maxImages, data.size());
        if (n < 2) throw new IllegalArgumentException("a covariance needs at least two images, " + data.name() + " has " + n);
        int d = data.shape().size();
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        float[] im = data.images();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += im[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x.data[i * d + j] = im[i * d + j] - mean[j];
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        gemm.mult(x, true, x, false, c);
        // the product's two triangles may differ in the last bit; the eigensolver is given the exact symmetric mean
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double v = (c.data[i * d + j] + c.data[j * d + i]) / (2.0 * (n - 1));
                c.data[i * d + j] = v;
                c.data[j * d + i] = v;
            }
            c.data[i * d + i] /= n - 1;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(c)) throw new ArithmeticException("the eigendecomposition of the " + d + "x" + d + " covariance failed");
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        double[] values = new double[d];
        for (int i = 0; i < d; i++) values[i] = eig.getEigenvalue(order[i]).real;
        int k = Math.min(top, d);
        double[][] vectors = new double[k][];
        for (int i = 0; i < k; i++) vectors[i] = signed(eig.getEigenVector(order[i]).data.clone());
        return new InputCovariance(n, data.shape(), values, vectors);
    }

    /** An eigenvector's sign is arbitrary: fix it so the same data always draws the same picture. */
    private static double[] signed(double[] v) {
        int big = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
        if (v[big] < 0) for (int i = 0; i < v.length; i++) v[i] = -v[i];
        return v;
    }

    /** The variance the top {@code k} directions hold, as a share of the total (the trace). */
    public double explained(int k) {
        double top = 0, all = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            double v = Math.max(0, eigenvalues[i]);
            all += v;
            if (i < k) top += v;
        }
        return all > 0 ? top / all : 0;
    }
}

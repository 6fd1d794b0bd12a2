package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;
import org.muonscope.engine.linalg.Spectra;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/** The singular values and effective rank of each weight matrix that every CNN evaluation records. */
class CnnSpectraTest {

    /** {@code U diag(s) V^T} with random orthonormal columns {@code U}, {@code V}: a matrix whose singular values are known. */
    private static DMatrixRMaj withSingularValues(int rows, int cols, double[] s, Random rng) {
        DMatrixRMaj u = orthonormalColumns(rows, s.length, rng), v = orthonormalColumns(cols, s.length, rng);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int k = 0; k < s.length; k++) sum += u.get(i, k) * s[k] * v.get(j, k);
                w.set(i, j, sum);
            }
        }
        return w;
    }

    /** {@code k} orthonormal columns of length {@code n}: Gram-Schmidt, twice, on a Gaussian matrix. */
    private static DMatrixRMaj orthonormalColumns(int n, int k, Random rng) {
        DMatrixRMaj q = Spectra.gaussian(n, k, 1, rng);
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < k; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += q.get(i, c) * q.get(i, p);
                    for (int i = 0; i < n; i++) q.set(i, c, q.get(i, c) - dot * q.get(i, p));
                }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += q.get(i, c) * q.get(i, c);
                for (int i = 0; i < n; i++) q.set(i, c, q.get(i, c) / Math.sqrt(norm));
            }
        }
        return q;
    }

    private static double[] known(int n) {
        // five decades, as trained layers' spectra span less than that
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = 3 * Math.pow(1e-5, i / (double) (n - 1));
        return s;
    }

    @Test
    void singularValuesOfKnownMatrixParamsByBothRoutes() {
        Random rng = new Random(11);
        try (GemmThreads two = GemmThreads.of(2)) {
            Gemm gemm = Gemm.on(two);
            // a small conv-like filter bank (exact SVD) and a wide dense layer past the Gram threshold, as fc1 is
            double[] small = known(9);
            DMatrixRMaj conv = withSingularValues(32, 9, small, rng);
            double[] big = known(40);
            DMatrixRMaj fc = withSingularValues(40, 2000, big, rng);
            assertTrue((long) fc.numRows * fc.numCols > LayerSpectra.GRAM_ABOVE && conv.getNumElements() <= LayerSpectra.GRAM_ABOVE);
            List<Param> params = List.of(Param.of("conv.weight", conv, Role.MATRIX), Param.of("conv.bias", new DMatrixRMaj(1, 32), Role.VECTOR),
                    Param.of("fc.weight", fc, Role.MATRIX));
            List<Param> matrices = LayerSpectra.matrices(params);
            assertArrayEquals(new String[] {"conv.weight", "fc.weight"}, LayerSpectra.names(matrices), "biases are not matrices");
            double[][] sv = LayerSpectra.singularValues(matrices, gemm);
            // the SVD: backward stable, so each value is within a few eps of s_1
            for (int i = 0; i < small.length; i++) assertEquals(small[i], sv[0][i], 1e-14 * small[0], "conv s_" + (i + 1));
            // the Gram route: an eigenvalue of W W^T is off by about eps s_1^2 (times a small factor), so s_i by about
            // eps s_1^2 / s_i; 1e-12 s_1^2 / s_i leaves that factor room up to 10^4 and still fails a wrong route
            for (int i = 0; i < big.length; i++) {
                assertEquals(big[i], sv[1][i], 1e-12 * big[0] * big[0] / big[i], "fc s_" + (i + 1));
            }
            // a tall matrix takes W^T W: the same values
            DMatrixRMaj tall = new DMatrixRMaj(fc.numCols, fc.numRows);
            org.ejml.dense.row.CommonOps_DDRM.transpose(fc, tall);
            assertArrayEquals(sv[1], LayerSpectra.singularValues(tall, gemm), 1e-12 * big[0]);
            // and the Gram route agrees with the SVD on the same matrix
            double[] svd = Spectra.singularValues(fc);
            for (int i = 0; i < big.length; i++) assertEquals(svd[i], sv[1][i], 1e-12 * big[0] * big[0] / big[i], "fc s_" + (i + 1));
        }
    }

    private static CnnSpec spec(int threads) {
        return new CnnSpec("bundled", "paper-cnn", List.of(OptimizerSettings.parse("muon:lr=0.02")), 1, 32, "step:4", 0,
                Double.NaN, 2, threads, 7, new Init("default", 0), 96, 40);
    }

    private static RunResult run(CnnSpec s, TrainTest data) {
        return Experiments.cnn().run(s, CnnData.prepare(s, data), null, null, RunContext.of("test"));
    }

    @Test
    void everyEvaluationRecordsEachLayersSpectrumAndItsEffectiveRankDeterministically() {
        TrainTest data = DataSources.bundled();
        RunResult a = run(spec(2), data);
        assertEquals(List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight"), List.of(a.info().texts(CnnFields.LAYERS)));
        assertEquals(List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight"), CnnExperiment.layers(spec(2), CnnData.prepare(spec(2), data)));
        List<Record> recs = a.optimizers().get(0).records();
        assertTrue(recs.size() >= 2, "every 2 steps and at the epoch's end: " + recs.size());
        int[] lengths = {9, 64, 128, 10}; // min(rows, cols): 32 x 9, 64 x 288, 128 x 7744, 10 x 128
        for (Record r : recs) {
            double[][] sv = r.values().matrix(CnnFields.SINGULAR_VALUES);
            double[] rank = r.values().vector(CnnFields.LAYER_EFFECTIVE_RANK);
            assertEquals(4, sv.length);
            for (int l = 0; l < 4; l++) {
                assertEquals(lengths[l], sv[l].length);
                for (int i = 1; i < sv[l].length; i++) assertTrue(sv[l][i] <= sv[l][i - 1], "descending");
                assertTrue(sv[l][sv[l].length - 1] > 0, "a trained random layer has full rank");
                // the project's one convention, exactly
                assertEquals(Spectra.effectiveRank(sv[l]), rank[l], 0.0);
            }
        }
        // a rerun, on another thread count, gives the same bits
        RunResult b = run(spec(1), data);
        for (int k = 0; k < recs.size(); k++) {
            Values x = recs.get(k).values(), y = b.optimizers().get(0).records().get(k).values();
            assertTrue(java.util.Arrays.deepEquals(x.matrix(CnnFields.SINGULAR_VALUES), y.matrix(CnnFields.SINGULAR_VALUES)));
            assertArrayEquals(x.vector(CnnFields.LAYER_EFFECTIVE_RANK), y.vector(CnnFields.LAYER_EFFECTIVE_RANK), 0.0);
        }
    }
}

package org.muonscope.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.theory.DataMode;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.optim.Role;
import org.muonscope.engine.theory.GaussianMixture;
import org.muonscope.engine.theory.MomentSource;
import org.muonscope.engine.theory.Moments;
import org.muonscope.engine.random.SeededRandom;

class MatrixModelTest {
    private static final double[] PRIORS = {0.5, 0.3, 0.2};

    /** Dense moments from a rotated, overlapping mixture so that no term of the gradient is trivially zero. */
    private static Moments denseMoments() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 5, true, 0.3, 4);
        return MomentSource.create(g, DataMode.parse("sample:40"), 9).next();
    }

    /** Central differences with step 1e-6 against every gradient entry; relative tolerance 1e-6. */
    @Test
    void deepGradientMatchesFiniteDifferences() {
        Moments m = denseMoments();
        for (int depth : new int[] {2, 3, 4}) {
            MatrixModel model = MatrixModel.create(3, 5, depth, 4, 0.7, 3);
            model.gradient(m);
            List<DMatrixRMaj> grads = model.params().stream().map(p -> p.grad().copy()).toList();
            for (int q = 0; q < depth; q++) {
                Param p = model.params().get(q);
                DMatrixRMaj analytic = grads.get(q);
                double scale = CommonOps_DDRM.elementMaxAbs(analytic);
                for (int i = 0; i < p.value().data.length; i++) {
                    double keep = p.value().data[i];
                    double h = 1e-6;
                    p.value().data[i] = keep + h;
                    double up = model.gradient(m);
                    p.value().data[i] = keep - h;
                    double down = model.gradient(m);
                    p.value().data[i] = keep;
                    double numeric = (up - down) / (2 * h);
                    assertEquals(analytic.data[i], numeric, 1e-6 * scale, p.name() + "[" + i + "] depth " + depth);
                }
            }
        }
    }

    /** The loss from the moments equals the mean of 1/2 ||W x - y||^2 over the very draws that made them. */
    @Test
    void lossIsTheMeanSquaredErrorOfTheDraws() {
        GaussianMixture g = GaussianMixture.of(PRIORS, 2, 1, 4, true, 0.2, 4);
        MomentSource.Draws draws = MomentSource.Draws.of(g, 60, SeededRandom.of(2));
        Moments m = draws.moments();
        for (int depth : new int[] {1, 3}) {
            MatrixModel model = MatrixModel.create(3, 4, depth, 6, 0.8, 5);
            double loss = model.gradient(m);
            DMatrixRMaj w = model.endToEnd();
            double sum = 0;
            for (int s = 0; s < 60; s++) {
                for (int r = 0; r < 3; r++) {
                    double out = 0;
                    for (int i = 0; i < 4; i++) out += w.get(r, i) * draws.x().get(s, i);
                    double e = out - (draws.labels()[s] == r ? 1 : 0);
                    sum += 0.5 * e * e;
                }
            }
            assertEquals(sum / 60, loss, 1e-12, "depth " + depth);
        }
    }

    /** The linear gradient is W Sxx - Syx on both the diagonal fast path and the dense path. */
    @Test
    void linearGradientOnBothPaths() {
        GaussianMixture axis = GaussianMixture.of(PRIORS, 2, 1, 4, false, 0, 4);
        for (Moments m : List.of(axis.population(), denseMoments())) {
            int d = m.dim();
            MatrixModel model = MatrixModel.create(3, d, 1, d, 0.9, 8);
            model.gradient(m);
            DMatrixRMaj w = model.params().get(0).value();
            DMatrixRMaj expected = new DMatrixRMaj(3, d);
            CommonOps_DDRM.mult(w, m.sxx(), expected);
            CommonOps_DDRM.subtractEquals(expected, m.syx());
            assertTrue(MatrixFeatures_DDRM.isIdentical(expected, model.params().get(0).grad(), 1e-13));
        }
        assertTrue(axis.population().sxxDiagonal(), "the fast path was exercised");
    }

    @Test
    void deepGradientOnTheDiagonalPathEqualsTheDensePath() {
        GaussianMixture axis = GaussianMixture.of(PRIORS, 2, 1, 4, false, 0, 4);
        Moments diag = axis.population();
        Moments dense = new Moments(diag.sxx().copy(), diag.syx().copy());
        dense.sxx().set(0, 1, 1e-300); // not exactly diagonal: forces the general product
        dense.sxx().set(1, 0, 1e-300);
        MatrixModel a = MatrixModel.create(3, 4, 3, 5, 0.5, 1);
        MatrixModel b = MatrixModel.create(3, 4, 3, 5, 0.5, 1);
        assertEquals(a.gradient(diag), b.gradient(dense), 1e-14);
        for (int i = 0; i < 3; i++) {
            assertTrue(MatrixFeatures_DDRM.isIdentical(a.params().get(i).grad(), b.params().get(i).grad(), 1e-14));
        }
    }

    @Test
    void parametersAreNamedShapedAndScaledOrthogonal() {
        MatrixModel model = MatrixModel.create(3, 6, 3, 4, 0.01, 7);
        assertInstanceOf(DeepLinearModel.class, model);
        List<Param> ps = model.params();
        assertEquals(List.of("W1", "W2", "W3"), ps.stream().map(Param::name).toList());
        int[][] shapes = {{4, 6}, {4, 4}, {3, 4}};
        for (int i = 0; i < 3; i++) {
            DMatrixRMaj v = ps.get(i).value();
            assertEquals(Role.MATRIX, ps.get(i).role());
            assertEquals(shapes[i][0], v.numRows);
            assertEquals(shapes[i][1], v.numCols);
            // All singular values equal delta: W W^T (or W^T W, the smaller) is delta^2 I.
            DMatrixRMaj gram = v.numRows <= v.numCols ? new DMatrixRMaj(v.numRows, v.numRows) : new DMatrixRMaj(v.numCols, v.numCols);
            if (v.numRows <= v.numCols) CommonOps_DDRM.multTransB(v, v, gram);
            else CommonOps_DDRM.multTransA(v, v, gram);
            CommonOps_DDRM.scale(1e4, gram);
            assertTrue(MatrixFeatures_DDRM.isIdentity(gram, 1e-12), ps.get(i).name());
        }
        DMatrixRMaj product = new DMatrixRMaj(4, 6);
        CommonOps_DDRM.mult(ps.get(1).value(), ps.get(0).value(), product);
        DMatrixRMaj end = new DMatrixRMaj(3, 6);
        CommonOps_DDRM.mult(ps.get(2).value(), product, end);
        assertTrue(MatrixFeatures_DDRM.isIdentical(end, model.endToEnd(), 1e-18));
        MatrixModel same = MatrixModel.create(3, 6, 3, 4, 0.01, 7);
        assertTrue(MatrixFeatures_DDRM.isIdentical(model.endToEnd(), same.endToEnd(), 0), "the seed fixes the init");
        MatrixModel other = MatrixModel.create(3, 6, 3, 4, 0.01, 8);
        assertTrue(!MatrixFeatures_DDRM.isIdentical(model.endToEnd(), other.endToEnd(), 1e-9), "another seed, another init");
    }

    @Test
    void linearModelStartsAtZeroOrOrthogonal() {
        MatrixModel zero = MatrixModel.create(3, 5, 1, 5, 0, 1);
        assertInstanceOf(LinearModel.class, zero);
        assertEquals("W", zero.params().get(0).name());
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(zero.endToEnd()));
        assertEquals(0.5, zero.gradient(GaussianMixture.of(PRIORS, 1, 1, 5, false, 0, 0).population()), 1e-15,
                "L(0) = 1/2 E||y||^2");
        MatrixModel small = MatrixModel.create(3, 5, 1, 5, 0.2, 1);
        DMatrixRMaj w = small.endToEnd();
        DMatrixRMaj gram = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransB(w, w, gram);
        CommonOps_DDRM.scale(25, gram);
        assertTrue(MatrixFeatures_DDRM.isIdentity(gram, 1e-12));
    }

    /** A 1 x n model and a deep model with hidden width 1 (rank one) still get exact gradients. */
    @Test
    void degenerateShapes() {
        GaussianMixture g = GaussianMixture.of(new double[] {0.6, 0.4}, 1.5, 1, 3, true, 0, 2);
        Moments m = MomentSource.create(g, DataMode.parse("sample:20"), 1).next();
        MatrixModel narrow = MatrixModel.create(2, 3, 2, 1, 0.5, 4);
        narrow.gradient(m);
        DMatrixRMaj w1 = narrow.params().get(0).value();
        DMatrixRMaj w2 = narrow.params().get(1).value();
        DMatrixRMaj e = narrow.endToEnd().copy();
        DMatrixRMaj gmat = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.mult(e, m.sxx(), gmat);
        CommonOps_DDRM.subtractEquals(gmat, m.syx());
        DMatrixRMaj g1 = new DMatrixRMaj(1, 3);
        CommonOps_DDRM.multTransA(w2, gmat, g1);
        DMatrixRMaj g2 = new DMatrixRMaj(2, 1);
        CommonOps_DDRM.multTransB(gmat, w1, g2);
        assertTrue(MatrixFeatures_DDRM.isIdentical(g1, narrow.params().get(0).grad(), 1e-13));
        assertTrue(MatrixFeatures_DDRM.isIdentical(g2, narrow.params().get(1).grad(), 1e-13));
    }
}

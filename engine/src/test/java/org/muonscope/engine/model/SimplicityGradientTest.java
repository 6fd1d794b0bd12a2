package org.muonscope.engine.model;

import org.muonscope.engine.linalg.Spectra;

import org.muonscope.engine.theory.DlnTask;

import org.muonscope.engine.theory.Moments;

import org.muonscope.engine.model.MatrixModel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.optim.Param;

/** Analytic gradients of both simplicity models against central finite differences. */
class SimplicityGradientTest {

    /**
     * Central differences with h = 1e-6 on O(1) weights: truncation ~h^2 * |f'''| ~ 1e-12 and rounding ~1e-16 / h
     * ~ 1e-10, so 1e-6 relative to the gradient's scale is a safe yet meaningful bound.
     */
    private static void checkAll(List<Param> params, DoubleSupplier gradientAndLoss, DoubleSupplier lossOnly) {
        gradientAndLoss.getAsDouble();
        double h = 1e-6;
        for (Param p : params) {
            double scale = 1e-3;
            for (double g : p.grad().data) scale = Math.max(scale, Math.abs(g));
            double[] analytic = p.grad().data.clone();
            double[] w = p.value().data;
            for (int i = 0; i < w.length; i += Math.max(1, w.length / 23)) {
                double keep = w[i];
                w[i] = keep + h;
                double up = lossOnly.getAsDouble();
                w[i] = keep - h;
                double down = lossOnly.getAsDouble();
                w[i] = keep;
                assertEquals((up - down) / (2 * h), analytic[i], 1e-6 * scale, p.name() + "[" + i + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void deepLinearGradientMatchesFiniteDifferences(int depth) {
        Random rng = new Random(11);
        DlnTask task = DlnTask.create(3, new double[] {2, 1, 0.5}, 0.3, rng);
        MatrixModel net = MatrixModel.of(task.initialFactors(depth, 4, 0.7, false, rng));
        Moments moments = task.moments();
        checkAll(net.params(), () -> net.gradient(moments), () -> task.loss(net.endToEnd()));
    }

    @Test
    void deepLinearLossIsHalfSquaredDistancePlusNoiseFloor() {
        Random rng = new Random(2);
        DlnTask task = DlnTask.create(2, new double[] {3, 1}, 0.5, rng);
        // at W = A the loss is the noise floor noise^2 D / 2
        assertEquals(0.5 * 0.25 * 2, task.loss(task.a().copy()), 1e-15);
        // at W = 0 it adds ||A||_F^2 / 2 = (9 + 1) / 2
        assertEquals(5 + 0.25, task.loss(new org.ejml.data.DMatrixRMaj(2, 2)), 1e-12);
        // the chosen singular values are A's
        double[] sv = Spectra.singularValues(task.a());
        assertEquals(3, sv[0], 1e-12);
        assertEquals(1, sv[1], 1e-12);
    }

    @Test
    void routingGradientMatchesFiniteDifferences() {
        Random rng = new Random(5);
        RoutingTask task = RoutingTask.create(rng);
        RoutingNet net = new RoutingNet(task, 8, 0.4, rng);
        List<RoutingTask.Sample> batch = task.sampleBatch(new Random(9));
        checkAll(net.params(), () -> net.gradient(batch), () -> {
            // loss only: gradient() also returns it; the gradient buffers are restored by the next check anyway
            double[][] keep = new double[net.params().size()][];
            for (int i = 0; i < keep.length; i++) keep[i] = net.params().get(i).grad().data.clone();
            double l = net.gradient(batch);
            for (int i = 0; i < keep.length; i++) System.arraycopy(keep[i], 0, net.params().get(i).grad().data, 0, keep[i].length);
            return l;
        });
    }

    @Test
    void routingErrorGridIsZeroForTheSharedSolutionAndOneForZeroWeights() {
        Random rng = new Random(3);
        RoutingTask task = RoutingTask.create(rng);
        RoutingNet net = new RoutingNet(task, 8, 0.1, rng);
        for (Param p : net.params()) p.value().zero();
        for (double[] row : net.errorGrid()) for (double e : row) assertEquals(1.0, e, 1e-15);
        // a hand-built shared solution: E_j = [C_j^T; 0] maps number i to e_i, H = I, D_o = [Y 0]
        for (int j = 0; j < task.domains(); j++) {
            for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) net.encoder(j).set(a, b, task.code(j).get(b, a));
        }
        for (int i = 0; i < 8; i++) net.hiddenLayer().set(i, i, 1.0);
        for (int o = 0; o < task.domains(); o++) {
            for (int a = 0; a < 7; a++) for (int b = 0; b < 4; b++) net.decoder(o).set(a, b, task.targets().get(a, b));
        }
        for (double[] row : net.errorGrid()) for (double e : row) assertEquals(0.0, e, 1e-24);
        assertEquals(0.0, net.gradient(task.fullBatch()), 1e-30);
    }
}

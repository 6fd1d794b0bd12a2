package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer, every parameter shape and role: finite steps, exact resume, zero-gradient safety. */
class OptimizerContractTest {

    static Stream<String> specs() {
        return Stream.of("gd", "gd:beta=0.9", "gd:beta=0.9,nesterov=true", "ngd", "signgd", "signum", "specgd",
                "muon", "muon:exact=true", "muon:nesterov=false,wd=0.1", "muon:edges=false", "adam", "adam:wd=0.01",
                "shampoo");
    }

    /** A small model with every role and the awkward shapes: square, wide, tall, 1 x n, n x 1, and one large. */
    static List<Param> model(long seed) {
        Random rnd = new Random(seed);
        List<Param> ps = new ArrayList<>();
        ps.add(Param.of("in", random(rnd, 6, 4), Role.INPUT_LAYER));
        ps.add(Param.of("hidden", random(rnd, 5, 6), Role.MATRIX));
        ps.add(Param.of("tall", random(rnd, 9, 3), Role.MATRIX));
        ps.add(Param.of("bias", random(rnd, 5, 1), Role.VECTOR));
        ps.add(Param.of("row", random(rnd, 1, 7), Role.MATRIX));
        ps.add(Param.of("out", random(rnd, 3, 5), Role.OUTPUT_LAYER));
        // Short side > 16: the solvers' large-matrix paths (low-rank attempt, dense kernels) and their state.
        ps.add(Param.of("large", random(rnd, 20, 24), Role.MATRIX));
        return ps;
    }

    static DMatrixRMaj random(Random rnd, int r, int c) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextGaussian();
        }
        return m;
    }

    /** A deterministic gradient that depends on the weights, so that a resumed run sees the same inputs. */
    static void fillGradients(List<Param> ps, int step) {
        for (Param p : ps) {
            double[] w = p.value().data;
            double[] g = p.grad().data;
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.sin(1.3 * i + 0.7 * step) + 0.5 * w[i];
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void stepsAreFiniteAndMoveEveryParameter(String text) {
        List<Param> ps = model(1);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse(text), ps);
        for (int t = 0; t < 20; t++) {
            fillGradients(ps, t);
            opt.step(ps);
        }
        assertEquals(20, opt.steps());
        List<Param> fresh = model(1);
        for (int i = 0; i < ps.size(); i++) {
            double[] w = ps.get(i).value().data;
            double moved = 0;
            for (int j = 0; j < w.length; j++) {
                assertTrue(Double.isFinite(w[j]), text + " " + ps.get(i).name());
                moved += Math.abs(w[j] - fresh.get(i).value().data[j]);
            }
            assertTrue(moved > 0, text + " never moved " + ps.get(i).name());
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void savedStateResumesBitExactly(String text) throws IOException {
        OptimizerSettings spec = OptimizerSettings.parse(text);
        List<Param> a = model(2);
        Optimizer first = Optimizers.create(spec, a);
        for (int t = 0; t < 7; t++) {
            fillGradients(a, t);
            first.step(a);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.saveState(new DataOutputStream(bytes));
        List<Param> b = new ArrayList<>();
        for (Param p : a) {
            b.add(Param.of(p.name(), p.value().copy(), p.role()));
        }
        Optimizer resumed = Optimizers.create(spec, b);
        resumed.loadState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), b);
        assertEquals(7, resumed.steps());
        for (int t = 7; t < 12; t++) {
            fillGradients(a, t);
            fillGradients(b, t);
            first.step(a);
            resumed.step(b);
        }
        for (int i = 0; i < a.size(); i++) {
            // Bit-exact: a resumed CNN run must not drift from an uninterrupted one.
            assertArrayEquals(a.get(i).value().data, b.get(i).value().data, 0.0, text + " " + a.get(i).name());
        }
    }

    /** A diverged model must surface as non-finite weights (the runner's divergence check), never as an exception. */
    @ParameterizedTest
    @MethodSource("specs")
    void nonFiniteGradientPropagatesWithoutThrowing(String text) {
        List<Param> ps = model(4);
        Optimizer opt = Optimizers.create(OptimizerSettings.parse(text), ps);
        fillGradients(ps, 0);
        for (Param p : ps) {
            p.grad().data[0] = Double.NaN;
        }
        opt.step(ps);
        for (Param p : ps) {
            boolean anyNonFinite = false;
            for (double v : p.value().data) {
                anyNonFinite |= !Double.isFinite(v);
            }
            assertTrue(anyNonFinite, text + " hid the NaN gradient of " + p.name());
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void zeroGradientFromRestGivesNoStep(String text) {
        OptimizerSettings spec = OptimizerSettings.parse(text);
        List<Param> ps = model(3);
        List<Param> before = model(3);
        Optimizer opt = Optimizers.create(spec, ps);
        opt.step(ps); // gradients are zero buffers
        for (int i = 0; i < ps.size(); i++) {
            double decay = spec instanceof AdamSettings adam ? adam.lr() * adam.wd()
                    : spec instanceof MuonSettings muon && muon.orthogonalizes(ps.get(i).role()) ? muon.lr() * muon.wd() : 0;
            double[] w = ps.get(i).value().data;
            double[] w0 = before.get(i).value().data;
            for (int j = 0; j < w.length; j++) {
                // Only decoupled weight decay may move a parameter whose gradient is zero.
                assertEquals(w0[j] * (1 - decay), w[j], 1e-15 * Math.abs(w0[j]), text + " " + ps.get(i).name());
            }
        }
    }
}

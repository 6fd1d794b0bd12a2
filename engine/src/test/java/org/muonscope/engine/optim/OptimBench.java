package org.muonscope.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.muonscope.engine.linalg.NewtonSchulz;
import org.muonscope.engine.linalg.Polar;

/**
 * Steps per second of the issue-2 bench scenarios (population moments, so the gradient is {@code W Sxx - Syx}),
 * against a plain-EJML reference in the same process (the machine is shared and noisy: read the ratio). Rates are
 * per second of this thread's CPU time, best of repeated runs.
 * Not a test: run {@code java -cp ... org.muonscope.engine.optim.OptimBench [seconds]}.
 */
public final class OptimBench {
    private OptimBench() {
    }

    /** A model: its parameters and a gradient routine that fills every grad. */
    interface Model {
        List<Param> params();

        void gradient();
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        System.out.printf("%-32s %14s %14s %8s%n", "scenario", "steps/s", "plain EJML", "ratio");
        for (String basis : List.of("axis", "rotated", "dense")) {
            for (String opt : List.of("gd", "specgd", "muon", "muon:exact=true", "signum", "adam", "shampoo")) {
                report("linear " + basis + " " + opt, () -> linear(10, 10, basis), opt, seconds, 2000);
            }
        }
        for (String opt : List.of("gd", "specgd", "muon", "muon:exact=true")) {
            report("deep L=3 k=10 d=h=100 " + opt, () -> deep(10, 100, 100), opt, seconds, 200);
        }
    }

    private static void report(String name, java.util.function.Supplier<Model> models, String opt, double seconds,
                                int steps) {
        double fast = rate(models.get(), opt, seconds, steps, false);
        double plain = opt.equals("gd") || opt.equals("signum") || opt.equals("adam") || opt.equals("shampoo")
                ? Double.NaN : rate(models.get(), opt, seconds, steps, true);
        System.out.printf("%-32s %14.0f %14.0f %8.1f%n", name, fast, plain, fast / plain);
    }

    /** Best rate over repeated runs of {@code steps} steps, after a warm-up of the same length. */
    static double rate(Model model, String opt, double seconds, int steps, boolean plainEjml) {
        OptimizerSettings spec = OptimizerSettings.parse(opt + (opt.contains(":") ? "," : ":") + "lr=0.01");
        List<Param> ps = model.params();
        Optimizer o = plainEjml ? null : Optimizers.create(spec, ps);
        PlainReference ref = plainEjml ? new PlainReference(spec, ps) : null;
        double best = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int rep = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        while (rep < 2 || System.nanoTime() < deadline) {
            // Thread CPU time, not wall time: the machine is shared, and time-slicing must not count as ours.
            long t0 = mx.getCurrentThreadCpuTime();
            for (int s = 0; s < steps; s++) {
                model.gradient();
                if (plainEjml) {
                    ref.step(ps);
                } else {
                    o.step(ps);
                }
            }
            double r = steps / ((mx.getCurrentThreadCpuTime() - t0) * 1e-9);
            if (rep > 0) {
                best = Math.max(best, r);
            }
            rep++;
        }
        return best;
    }

    /** The direct, allocating EJML computation the fast kernels replace. */
    static final class PlainReference {
        final OptimizerSettings spec;
        final List<DMatrixRMaj> momentum = new ArrayList<>();

        PlainReference(OptimizerSettings spec, List<Param> ps) {
            this.spec = spec;
            for (Param p : ps) {
                momentum.add(new DMatrixRMaj(p.value().numRows, p.value().numCols));
            }
        }

        void step(List<Param> ps) {
            for (int i = 0; i < ps.size(); i++) {
                Param p = ps.get(i);
                DMatrixRMaj u = p.grad().copy();
                MuonSettings muon = spec instanceof MuonSettings ms ? ms : null;
                if (muon != null) {
                    DMatrixRMaj m = momentum.get(i);
                    CommonOps_DDRM.add(muon.beta(), m, 1 - muon.beta(), u, m);
                    CommonOps_DDRM.add(1 - muon.beta(), u, muon.beta(), m, u);
                }
                DMatrixRMaj o = new DMatrixRMaj(1, 1);
                if (muon == null || muon.exact()) {
                    Polar.polarSvd(u, o);
                } else {
                    plainNs(u, muon.ns(), o);
                }
                CommonOps_DDRM.addEquals(p.value(), -spec.lr(), o);
            }
        }

        static void plainNs(DMatrixRMaj g, int steps, DMatrixRMaj out) {
            boolean tall = g.numRows > g.numCols;
            DMatrixRMaj x = g.copy();
            if (tall) {
                CommonOps_DDRM.transpose(x);
            }
            CommonOps_DDRM.scale(1.0 / (org.ejml.dense.row.NormOps_DDRM.normF(x) + 1e-7), x);
            DMatrixRMaj a = new DMatrixRMaj(x.numRows, x.numRows);
            DMatrixRMaj aa = new DMatrixRMaj(x.numRows, x.numRows);
            DMatrixRMaj bx = new DMatrixRMaj(x.numRows, x.numCols);
            for (int s = 0; s < steps; s++) {
                CommonOps_DDRM.multTransB(x, x, a);
                CommonOps_DDRM.mult(a, a, aa);
                CommonOps_DDRM.add(NewtonSchulz.B, a, NewtonSchulz.C, aa, aa);
                CommonOps_DDRM.mult(aa, x, bx);
                CommonOps_DDRM.add(NewtonSchulz.A, x, 1.0, bx, x);
            }
            if (tall) {
                CommonOps_DDRM.transpose(x);
            }
            out.setTo(x);
        }
    }

    /**
     * Population moments of a k-class mixture with means {@code mu Q e_c} and noise 1: {@code Sxx = sum_c pi_c mu^2
     * q_c q_c^T + I}, {@code Syx = sum_c pi_c mu e_c q_c^T}; Q the identity ("axis") or a random rotation
     * ("rotated"); "dense" is a random SPD pair that no rotation diagonalizes (like a mean overlap).
     */
    static DMatrixRMaj[] moments(int k, int d, Random rnd, String basis) {
        if (basis.equals("dense")) {
            return moments(k, d, rnd);
        }
        DMatrixRMaj q = CommonOps_DDRM.identity(d);
        if (basis.equals("rotated")) {
            DMatrixRMaj a = gauss(rnd, d, d, 1);
            org.ejml.interfaces.decomposition.QRDecomposition<DMatrixRMaj> qr =
                    org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(d, d);
            qr.decompose(a);
            q = qr.getQ(null, false);
        }
        DMatrixRMaj sxx = CommonOps_DDRM.identity(d);
        DMatrixRMaj syx = new DMatrixRMaj(k, d);
        double mu = 2;
        for (int c = 0; c < k; c++) {
            double pi = (c + 1.0) * 2 / (k * (k + 1.0));
            for (int i = 0; i < d; i++) {
                syx.add(c, i, pi * mu * q.get(i, c));
                for (int j = 0; j < d; j++) {
                    sxx.add(i, j, pi * mu * mu * q.get(i, c) * q.get(j, c));
                }
            }
        }
        return new DMatrixRMaj[] {sxx, syx};
    }

    /** Random SPD second moment and a cross moment with no common eigenbasis. */
    static DMatrixRMaj[] moments(int k, int d, Random rnd) {
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rnd.nextGaussian() / Math.sqrt(d);
        }
        DMatrixRMaj sxx = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(a, a, sxx);
        for (int i = 0; i < d; i++) {
            sxx.add(i, i, 0.5);
        }
        DMatrixRMaj syx = new DMatrixRMaj(k, d);
        for (int i = 0; i < syx.data.length; i++) {
            syx.data[i] = rnd.nextGaussian() / Math.sqrt(d);
        }
        return new DMatrixRMaj[] {sxx, syx};
    }

    static Model linear(int k, int d, String basis) {
        Random rnd = new Random(1);
        DMatrixRMaj[] mo = moments(k, d, rnd, basis);
        Param w = Param.of("W", new DMatrixRMaj(k, d), Role.MATRIX);
        List<Param> ps = List.of(w);
        return new Model() {
            @Override
            public List<Param> params() {
                return ps;
            }

            @Override
            public void gradient() {
                CommonOps_DDRM.mult(w.value(), mo[0], w.grad());
                CommonOps_DDRM.subtractEquals(w.grad(), mo[1]);
            }
        };
    }

    /** Depth 3: W3 (k x h) W2 (h x h) W1 (h x d), gradients through k-row products only. */
    static Model deep(int k, int d, int h) {
        Random rnd = new Random(2);
        DMatrixRMaj[] mo = moments(k, d, rnd);
        Param w1 = Param.of("W1", gauss(rnd, h, d, 0.3 / Math.sqrt(d)), Role.MATRIX);
        Param w2 = Param.of("W2", gauss(rnd, h, h, 0.3 / Math.sqrt(h)), Role.MATRIX);
        Param w3 = Param.of("W3", gauss(rnd, k, h, 0.3 / Math.sqrt(h)), Role.MATRIX);
        List<Param> ps = List.of(w1, w2, w3);
        DMatrixRMaj a = new DMatrixRMaj(k, h);
        DMatrixRMaj e = new DMatrixRMaj(k, d);
        DMatrixRMaj dl = new DMatrixRMaj(k, d);
        DMatrixRMaj dw1 = new DMatrixRMaj(k, h);
        return new Model() {
            @Override
            public List<Param> params() {
                return ps;
            }

            @Override
            public void gradient() {
                CommonOps_DDRM.mult(w3.value(), w2.value(), a);
                CommonOps_DDRM.mult(a, w1.value(), e);
                CommonOps_DDRM.mult(e, mo[0], dl);
                CommonOps_DDRM.subtractEquals(dl, mo[1]);
                CommonOps_DDRM.multTransA(a, dl, w1.grad());
                CommonOps_DDRM.multTransB(dl, w1.value(), dw1);
                CommonOps_DDRM.multTransA(w3.value(), dw1, w2.grad());
                CommonOps_DDRM.multTransB(dw1, w2.value(), w3.grad());
            }
        };
    }

    static DMatrixRMaj gauss(Random rnd, int r, int c, double s) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = s * rnd.nextGaussian();
        }
        return m;
    }
}

package org.muonscope.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.linalg.GemmThreads;

/**
 * The engine's float GEMM on its own, in GFLOP/s: a square 1024 product and the paper CNN's two biggest whole-batch
 * shapes (the second conv's forward product {@code 64 x 15488 x 288} and the dense layer's forward product
 * {@code 128 x 128 x 7744} with {@code B} transposed), on 1 and 2 threads. Informational (no target): the CNN
 * cases report their training rate as a share of {@link #squareRate}.
 */
final class GemmBenchCases {
    private GemmBenchCases() { }

    static List<BenchCase> all() {
        List<BenchCase> cases = new ArrayList<>();
        for (int t : new int[]{1, 2}) {
            cases.add(new Product("gemm-1024-" + t + "t", "float GEMM 1024 x 1024 x 1024, " + t + " thread(s)",
                    1024, 1024, 1024, false, t));
            cases.add(new Product("gemm-conv2-" + t + "t", "float GEMM 64 x 15488 x 288 (conv2 forward), " + t + " thread(s)",
                    64, 15488, 288, false, t));
            cases.add(new Product("gemm-fc1-" + t + "t", "float GEMM 128 x 128 x 7744, B^T (fc1 forward), " + t + " thread(s)",
                    128, 128, 7744, true, t));
        }
        return cases;
    }

    /** The square product's rate on {@code threads}: the best of a few runs after a short warm-up. */
    static double squareRate(int threads) {
        Product p = new Product("", "", 1024, 1024, 1024, false, threads);
        double best = 0;
        for (int i = 0; i < 12; i++) best = Math.max(best, p.measure());
        return best;
    }

    private static final class Product implements BenchCase {
        private final String name;
        private final String description;
        private final int m;
        private final int n;
        private final int k;
        private final boolean transposeB;
        private final int threads;
        private float[] a;
        private float[] b;
        private float[] c;
        /** Kept for the case's life (daemon threads): a fresh team per sample would time thread start-up. */
        private Gemm gemm;

        Product(String name, String description, int m, int n, int k, boolean transposeB, int threads) {
            this.name = name;
            this.description = description;
            this.m = m;
            this.n = n;
            this.k = k;
            this.transposeB = transposeB;
            this.threads = threads;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String unit() {
            return "GFLOP/s";
        }

        @Override
        public double target() {
            return Double.NaN;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double measure() {
            if (a == null) {
                Random r = new Random(1);
                a = fill(r, m * k);
                b = fill(r, k * n);
                c = new float[m * n];
                gemm = Gemm.on(GemmThreads.of(threads));
            }
            long t0 = System.nanoTime();
            gemm.sgemm(false, transposeB, m, n, k, 1f, a, 0, k, b, 0, transposeB ? k : n, 0f, c, 0, n);
            return 2.0 * m * n * k / (System.nanoTime() - t0);
        }

        private static float[] fill(Random r, int len) {
            float[] x = new float[len];
            for (int i = 0; i < len; i++) x[i] = r.nextFloat() - 0.5f;
            return x;
        }
    }
}

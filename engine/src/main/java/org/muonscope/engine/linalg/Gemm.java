package org.muonscope.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * General matrix multiply {@code C = alpha op(A) op(B) + beta C} on row-major arrays, float and double,
 * multi-threaded over a {@link GemmThreads} team. {@code op(X)} is {@code X} or {@code X^T}; {@code A} is
 * {@code m x k} after op, {@code B} is {@code k x n}, {@code C} is {@code m x n}; {@code lda, ldb, ldc} are the
 * row strides of the arrays as stored. C is split into disjoint row or column ranges, one per thread, and
 * the inner dimension is never split: every element of C gets the same arithmetic whatever the thread
 * count, so results are bit-identical for 1 and T threads.
 *
 * <p>Uses the Vector API ({@code jdk.incubator.vector}, blocked and register-tiled) when the module is
 * present and the system property {@code muonscope.gemm} is not {@code scalar}; otherwise a plain loop.
 */
public final class Gemm {
    /** Below this many multiply-adds a product runs on the calling thread: forking costs more. */
    private static final long PARALLEL_MIN = 1L << 17;
    /** A shared operand this small (elements) is cheap to pack once per part. */
    private static final long SMALL_SHARED = 1L << 16;
    private static final boolean VECTOR_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !"scalar".equalsIgnoreCase(System.getProperty("muonscope.gemm", ""));
    private static final ThreadLocal<Gemm> SCOPED = new ThreadLocal<>();
    private static volatile Gemm common;

    private final GemmThreads threads;
    private final boolean vector;
    private final ThreadLocal<GemmVectorF.Scratch> scratchF;
    private final ThreadLocal<GemmVectorD.Scratch> scratchD;
    /** One reusable argument holder per calling thread: a call allocates nothing. */
    private final ThreadLocal<Job> jobs = ThreadLocal.withInitial(Job::new);

    private Gemm(GemmThreads threads, boolean vector) {
        this.threads = threads;
        this.vector = vector && VECTOR_PRESENT;
        this.scratchF = this.vector ? ThreadLocal.withInitial(GemmVectorF.Scratch::new) : null;
        this.scratchD = this.vector ? ThreadLocal.withInitial(GemmVectorD.Scratch::new) : null;
    }

    /** A GEMM on the given team, vectorized when the Vector API is available. */
    public static Gemm on(GemmThreads threads) {
        return new Gemm(threads, true);
    }

    /** A GEMM on the given team that never uses the Vector API (the fallback; for tests and comparisons). */
    public static Gemm scalarOn(GemmThreads threads) {
        return new Gemm(threads, false);
    }

    /** True when the Vector API kernels are in use on this JVM. */
    public static boolean vectorAvailable() {
        return VECTOR_PRESENT;
    }

    /**
     * The GEMM for code that cannot be handed one (e.g. Newton-Schulz inside an optimizer): the one bound
     * with {@link #runScoped} on this thread, else a process-wide one with one thread per processor.
     */
    public static Gemm current() {
        Gemm g = SCOPED.get();
        if (g != null) return g;
        Gemm c = common;
        if (c == null) {
            synchronized (Gemm.class) {
                if (common == null) common = on(GemmThreads.of(Runtime.getRuntime().availableProcessors()));
                c = common;
            }
        }
        return c;
    }

    /**
     * The GEMM bound with {@link #runScoped} on this thread, or null outside a scope: lets code choose the
     * multi-threaded path only inside a run that owns a team (a CNN step), never by falling back to the
     * process-wide one.
     */
    public static Gemm scoped() {
        return SCOPED.get();
    }

    /** Runs {@code body} with {@link #current()} returning this GEMM on the calling thread. */
    public void runScoped(Runnable body) {
        Gemm before = SCOPED.get();
        SCOPED.set(this);
        try {
            body.run();
        } finally {
            if (before == null) SCOPED.remove(); else SCOPED.set(before);
        }
    }

    public boolean vectorized() {
        return vector;
    }

    public GemmThreads threads() {
        return threads;
    }

    /** Float GEMM; see the class comment for the argument conventions. */
    public void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        check(ta, tb, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        Job j = job();
        j.f(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        split(j, m, n, k, vector ? GemmVectorF.MR : 1, vector ? GemmVectorF.NR : 1);
    }

    /**
     * Float GEMM on the calling thread only: for code that already runs as one part of a team loop (a conv layer
     * working through its batch in chunks). The same arithmetic per element of C as {@link #sgemm}, except that
     * {@code A B^T} with at most 32 rows and k of at least 256 is computed as dot products along k (no
     * packing); either way the result depends on the shapes only.
     */
    public void sgemmSerial(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        check(ta, tb, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (vector && !ta && tb && m <= GemmVectorF.DOT_MAX_M && k >= GemmVectorF.DOT_MIN_K) {
            GemmVectorF.dotNT(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, scratchF.get());
        } else if (vector) {
            GemmVectorF.block(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    scratchF.get());
        } else {
            GemmScalar.block(ta, tb, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** Double GEMM; see the class comment for the argument conventions. */
    public void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
                      double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        check(ta, tb, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        Job j = job();
        j.d(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        split(j, m, n, k, vector ? GemmVectorD.MR : 1, vector ? GemmVectorD.NR : 1);
    }

    /**
     * {@code c = op(a) op(b)} on EJML matrices (c is reshaped). {@code c} must not alias {@code a} or {@code b}.
     *
     * @param a  Not modified.
     * @param ta transpose a
     * @param b  Not modified.
     * @param tb transpose b
     * @param c  Modified.
     */
    public void mult(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb, DMatrixRMaj c) {
        int m = ta ? a.numCols : a.numRows, k = ta ? a.numRows : a.numCols;
        int kb = tb ? b.numCols : b.numRows, n = tb ? b.numRows : b.numCols;
        if (k != kb) throw new IllegalArgumentException("inner dimensions differ: " + k + " vs " + kb);
        if (c == a || c == b) throw new IllegalArgumentException("c must not alias a or b");
        c.reshape(m, n);
        dgemm(ta, tb, m, n, k, 1.0, a.data, 0, a.numCols, b.data, 0, b.numCols, 0.0, c.data, 0, n);
    }

    /** This thread's holder, or a fresh one if a call on this thread is already using it (never in practice). */
    private Job job() {
        Job j = jobs.get();
        if (j.inUse) return new Job();
        j.inUse = true;
        return j;
    }

    private void split(Job job, int m, int n, int k, int mr, int nr) {
        int t = threads.size();
        try {
            if (t == 1 || (long) m * n * Math.max(k, 1) < PARALLEL_MIN) {
                job.tile(0, m, 0, n);
                return;
            }
            boolean byCols = n >= m;
            int len = byCols ? n : m, unit = byCols ? nr : mr;
            int units = (len + unit - 1) / unit;
            // every part packs the whole other operand: split finer than one part per thread only when that operand
            // is small (conv weights), so a slow thread's share can be taken over at little packing cost
            long shared = (long) (byCols ? m : n) * k;
            int parts = Math.min(shared <= SMALL_SHARED ? 4 * t : t, units);
            job.split(byCols, len, unit, units, parts);
            threads.forEach(parts, job);
        } finally {
            job.clear();
        }
    }

    /** The arguments of one call, and the part -> tile mapping of its split. */
    private final class Job implements java.util.function.IntConsumer {
        boolean inUse;
        boolean dbl;
        boolean ta;
        boolean tb;
        int m;
        int n;
        int k;
        float alphaF;
        float betaF;
        double alphaD;
        double betaD;
        float[] af;
        float[] bf;
        float[] cf;
        double[] ad;
        double[] bd;
        double[] cd;
        int aOff;
        int lda;
        int bOff;
        int ldb;
        int cOff;
        int ldc;
        boolean byCols;
        int len;
        int unit;
        int units;
        int parts;

        void f(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
               int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            dbl = false;
            alphaF = alpha;
            betaF = beta;
            af = a;
            bf = b;
            cf = c;
            shape(ta, tb, m, n, k, aOff, lda, bOff, ldb, cOff, ldc);
        }

        void d(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda, double[] b,
               int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
            dbl = true;
            alphaD = alpha;
            betaD = beta;
            ad = a;
            bd = b;
            cd = c;
            shape(ta, tb, m, n, k, aOff, lda, bOff, ldb, cOff, ldc);
        }

        private void shape(boolean ta, boolean tb, int m, int n, int k, int aOff, int lda, int bOff, int ldb, int cOff,
                           int ldc) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.aOff = aOff;
            this.lda = lda;
            this.bOff = bOff;
            this.ldb = ldb;
            this.cOff = cOff;
            this.ldc = ldc;
        }

        void split(boolean byCols, int len, int unit, int units, int parts) {
            this.byCols = byCols;
            this.len = len;
            this.unit = unit;
            this.units = units;
            this.parts = parts;
        }

        /** Drops the array references, so a finished call keeps nothing alive. */
        void clear() {
            af = bf = cf = null;
            ad = bd = cd = null;
            inUse = false;
        }

        @Override
        public void accept(int p) {
            int from = Math.min(len, (int) ((long) units * p / parts) * unit);
            int to = Math.min(len, (int) ((long) units * (p + 1) / parts) * unit);
            if (to <= from) return;
            if (byCols) tile(0, m, from, to); else tile(from, to, 0, n);
        }

        void tile(int m0, int m1, int n0, int n1) {
            if (dbl) {
                if (vector) {
                    GemmVectorD.block(ta, tb, m0, m1, n0, n1, k, alphaD, ad, aOff, lda, bd, bOff, ldb, betaD, cd, cOff,
                            ldc, scratchD.get());
                } else {
                    GemmScalar.block(ta, tb, m0, m1, n0, n1, k, alphaD, ad, aOff, lda, bd, bOff, ldb, betaD, cd, cOff,
                            ldc);
                }
            } else if (vector) {
                GemmVectorF.block(ta, tb, m0, m1, n0, n1, k, alphaF, af, aOff, lda, bf, bOff, ldb, betaF, cf, cOff, ldc,
                        scratchF.get());
            } else {
                GemmScalar.block(ta, tb, m0, m1, n0, n1, k, alphaF, af, aOff, lda, bf, bOff, ldb, betaF, cf, cOff, ldc);
            }
        }
    }

    private static void check(boolean ta, boolean tb, int m, int n, int k, int aLen, int aOff, int lda,
                              int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative size " + m + "x" + n + "x" + k);
        need("A", aLen, aOff, ta ? k : m, ta ? m : k, lda);
        need("B", bLen, bOff, tb ? n : k, tb ? k : n, ldb);
        need("C", cLen, cOff, m, n, ldc);
    }

    private static void need(String what, int len, int off, int rows, int cols, int ld) {
        if (rows == 0 || cols == 0) return;
        if (ld < cols || off < 0 || (long) off + (long) (rows - 1) * ld + cols > len) {
            throw new IllegalArgumentException(what + ": " + rows + "x" + cols + " with stride " + ld + " at offset "
                    + off + " does not fit in an array of " + len);
        }
    }
}

package org.muonscope.app.cli;

/**
 * One figure of {@code muonscope bench}: something timed, with the target it is held to. To add cases, return
 * them from a factory and list that factory in {@link BenchCommand#cases()}.
 *
 * <p>{@link #measure()} is called a few times: first to warm the JIT (results dropped), then for the reported
 * samples. Each call must redo the whole measured work and return the figure in {@link #unit()}.
 */
public interface BenchCase {
    /** Short, unique, lower-case name, e.g. {@code linear-gd}; {@code --case} filters on it. */
    String name();

    /** What is run, in a few words (sizes, steps). */
    String description();

    /** The unit of the figure, e.g. {@code steps/s} or {@code ms}. */
    String unit();

    /** The figure the issue asks for; NaN for an informational case without a target. */
    double target();

    /** True when a larger figure is better (throughput), false when smaller is (elapsed time). */
    boolean higherIsBetter();

    /** Runs the work once and returns the figure, timed by the wall clock. */
    double measure();

    /**
     * As {@link #measure()}, timed by the calling thread's CPU time when {@code cpuClock} and the case runs in one
     * thread: on a shared machine other processes then do not count against the figure. The default ignores the
     * flag (multi-threaded cases, whose CPU time is not what a user waits for).
     */
    default double measure(boolean cpuClock) {
        return measure();
    }

    /** Whether {@link #measure(boolean)} honours the CPU clock. */
    default boolean supportsCpuClock() {
        return false;
    }

    /** Details of the last {@link #measure()} worth printing beside its figure (rates, load, memory); may be empty. */
    default String note() {
        return "";
    }

    /** Warm-up calls before the reported samples. */
    default int warmups() {
        return 2;
    }
}

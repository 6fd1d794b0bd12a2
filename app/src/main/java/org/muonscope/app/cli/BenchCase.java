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

    /** The figure the issue asks for. */
    double target();

    /** True when a larger figure is better (throughput), false when smaller is (elapsed time). */
    boolean higherIsBetter();

    /** Runs the work once and returns the figure. */
    double measure();

    /** Warm-up calls before the reported samples. */
    default int warmups() {
        return 2;
    }
}

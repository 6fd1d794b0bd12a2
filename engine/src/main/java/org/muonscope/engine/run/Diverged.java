package org.muonscope.engine.run;

/** Thrown by a {@link Lane} when its loss or weights stop being finite; the run loop ends the lane as DIVERGED. */
public final class Diverged extends RuntimeException {
    private final String what;

    /** @param what what became non-finite, e.g. {@code "the loss"} */
    public Diverged(String what) {
        super(what + " became non-finite", null, false, false);
        this.what = what;
    }

    public String what() {
        return what;
    }
}

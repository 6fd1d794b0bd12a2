package org.muonscope.app.common;

/** The production engines behind the labs' seams. */
public final class Engines {
    private Engines() { }

    /** The Theory Lab engine: the runner on its background pool. */
    public static RunEngine theory() {
        return (spec, listener) -> {
            throw new UnsupportedOperationException("the runner is not merged yet");
        };
    }
}

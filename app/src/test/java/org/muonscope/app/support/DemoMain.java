package org.muonscope.app.support;

/** Starts {@link DemoWindow} from a plain class, so a classpath launch needs no module path. */
public final class DemoMain {
    private DemoMain() { }

    public static void main(String[] args) {
        javafx.application.Application.launch(DemoWindow.class, args);
    }
}

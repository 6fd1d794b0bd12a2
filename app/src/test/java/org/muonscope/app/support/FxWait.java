package org.muonscope.app.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on the FX thread and on conditions, never on time: what the window tests share. */
public final class FxWait {
    /** Long enough for a loaded 2-core machine; a passing test returns as soon as its condition holds. */
    private static final int TIMEOUT_SECONDS = 30;

    private FxWait() { }

    /** Runs {@code c} on the FX thread and returns its value. */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until {@code cond} holds; fails naming {@code what} if it never does. */
    public static void waitFor(String what, Callable<Boolean> cond) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, cond);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}

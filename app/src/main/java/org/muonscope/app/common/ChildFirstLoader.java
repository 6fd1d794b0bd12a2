package org.muonscope.app.common;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the cluster module and Spark from their own jars before the app's: Spark needs its own versions of the
 * libraries the app also ships (Jackson's Scala module refuses any other Jackson). Muonscope's engine and app
 * classes come from the app, so a runner and the command speak the same {@code SweepRunner}, {@code CellTask} and
 * {@code CellOutcome}.
 */
final class ChildFirstLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    ChildFirstLoader(URL[] urls, ClassLoader parent) {
        super("muonscope-cluster", urls, parent);
    }

    private static boolean fromApp(String name) {
        return name.startsWith("org.muonscope.") && !name.startsWith("org.muonscope.cluster.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && fromApp(name)) c = getParent().loadClass(name);
            if (c == null) {
                try {
                    c = getPlatformClassLoader().loadClass(name);
                } catch (ClassNotFoundException e) {
                    // not a JDK class
                }
            }
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL u = findResource(name);
        return u != null ? u : super.getResource(name);
    }
}

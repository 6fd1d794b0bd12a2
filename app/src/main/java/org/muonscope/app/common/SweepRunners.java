package org.muonscope.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.CellTask;
import org.muonscope.engine.sweep.SweepRunner;
import org.muonscope.engine.sweep.SweepRunnerProvider;

/**
 * Finds a runner for a master URL ({@code muonscope sweep --master}, the CNN Lab's sweep panel) without the app
 * depending on it: first a {@link SweepRunnerProvider} on the
 * class path (the cluster module's tests, a fake in the app's), else the cluster module's build, loaded from
 * {@code $MUONSCOPE_CLUSTER} (or the system property {@code muonscope.cluster}) or, without either, beside a checkout's {@code app/target/muonscope.jar}, {@code cluster/target}: its
 * {@code muonscope-spark.jar} and {@code lib/} (Spark's resolution) in a class loader of their own, so Spark's
 * libraries (its Jackson among them) never meet the app's. Nothing of Spark is loaded without {@code --master}.
 */
public final class SweepRunners {
    /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, {@code spark://H:P[,H:P]}, {@code yarn}, {@code k8s://URL}. */
    private static final String URLS = "local(\\[(\\d+|\\*)(,\\d+)?\\])?|spark://[^/\\s:]+:\\d+(,[^/\\s:]+:\\d+)*|yarn|k8s://\\S+";

    private SweepRunners() { }

    /**
     * Checks a master URL's form, before anything is looked up or written.
     *
     * @throws SpecException naming the field {@code master}
     */
    public static void check(String master) {
        if (!master.matches(URLS)) {
            throw new SpecException("master", "expected local[N], spark://HOST:PORT, yarn or k8s://URL, got '" + master + "'");
        }
    }

    /**
     * The runner for {@code master}.
     *
     * @throws SpecException for a malformed URL
     * @throws UncheckedIOException when no runner takes it (the cluster module not built) or the master cannot be reached
     */
    public static SweepRunner open(String master) {
        check(master);
        for (SweepRunnerProvider p : ServiceLoader.load(SweepRunnerProvider.class, SweepRunners.class.getClassLoader())) {
            if (p.accepts(master)) return p.open(master);
        }
        Path dir = clusterFolder();
        ClassLoader loader = loader(dir);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            for (SweepRunnerProvider p : ServiceLoader.load(SweepRunnerProvider.class, loader)) {
                if (p.accepts(master)) return new InLoader(p.open(master), loader);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        throw unreachable("no runner in " + dir + " takes --master " + master);
    }

    private static Path clusterFolder() {
        String env = System.getProperty("muonscope.cluster", System.getenv("MUONSCOPE_CLUSTER"));
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) candidates.add(Path.of(env));
        else try {
            Path jar = Path.of(SweepRunners.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // app/target/muonscope.jar (or app/target/classes) in a checkout: the cluster module builds beside it
            if (jar.getParent() != null && jar.getParent().getParent() != null && jar.getParent().getParent().getParent() != null) {
                candidates.add(jar.getParent().getParent().getParent().resolve("cluster").resolve("target"));
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // no code source (an unusual launcher): only the environment variable can say
        }
        for (Path c : candidates) if (Files.isRegularFile(c.resolve("muonscope-spark.jar")) && Files.isDirectory(c.resolve("lib"))) return c;
        throw unreachable("--master needs the cluster module, not built here (looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList())
                + "): build it with 'mvn -B -q -DskipTests -Pcluster package', or set MUONSCOPE_CLUSTER to its target folder");
    }

    private static ClassLoader loader(Path dir) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
            urls.add(dir.resolve("muonscope-spark.jar").toUri().toURL());
            for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) urls.add(j.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve("lib") + ": " + e.getMessage(), e);
        }
        return new ChildFirstLoader(urls.toArray(new URL[0]), SweepRunners.class.getClassLoader());
    }

    /** Runs a runner's calls with its loader as the thread's context loader (Spark loads classes through it). */
    private record InLoader(SweepRunner runner, ClassLoader loader) implements SweepRunner {
        @Override
        public String describe() {
            return runner.describe();
        }

        @Override
        public void run(List<CellTask> tasks, Path dir, Consumer<CellOutcome> landed, CancelToken cancel) {
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                runner.run(tasks, dir, landed, cancel);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }

        @Override
        public void close() {
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                runner.close();
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }
    }

    private static UncheckedIOException unreachable(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }
}

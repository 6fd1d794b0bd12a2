package org.muonscope.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.CellTask;
import org.muonscope.engine.sweep.Cells;
import org.muonscope.engine.sweep.SweepRunner;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's cells on Apache Spark: one cell is one task (one partition each), which runs the cell with the
 * engine's {@link Cells#execute} into the sweep folder, a path every node sees. Outcomes come back to the driver as
 * each task ends; a task lost with its executor is rerun by Spark on another one ({@code spark.task.maxFailures}), and
 * every failed attempt is logged. A cell is all-or-nothing on disk (renamed into place), so a rerun attempt finds
 * either nothing or the same numbers.
 */
public final class SparkRunner implements SweepRunner {
    private static final Logger LOG = LogManager.getLogger(SparkRunner.class);

    private final JavaSparkContext sc;
    private final boolean owned;

    private SparkRunner(JavaSparkContext sc, boolean owned) {
        this.sc = sc;
        this.owned = owned;
        sc.sc().addSparkListener(new RetryLog());
    }

    /**
     * Connects to {@code master}. A standalone master is probed first, so an unreachable one is one line and not a
     * minute of Spark's own retries.
     *
     * @throws UncheckedIOException when a {@code spark://} master does not answer
     */
    public static SparkRunner open(String master) {
        if (master.startsWith("spark://")) probe(master);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("muonscope sweep")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            String host = master.substring("spark://".length()).split("[:,]")[0];
            if (host.equals("127.0.0.1") || host.equals("localhost")) {
                conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            }
            conf.set("spark.jars", applicationJar().toString());
        }
        return new SparkRunner(new JavaSparkContext(conf), true);
    }

    /** On the context {@code spark-submit} made (YARN, Kubernetes, standalone); it ships this jar itself. */
    public static SparkRunner submitted() {
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "muonscope sweep");
        return new SparkRunner(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf)), false);
    }

    /** The shaded jar the executors need (the engine and this module): this class's own jar, or the one built beside it. */
    static Path applicationJar() {
        String explicit = System.getProperty("muonscope.spark.jar");
        if (explicit != null) return Path.of(explicit).toAbsolutePath();
        try {
            Path here = Path.of(SparkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (here.getFileName().toString().equals("muonscope-spark.jar")) return here;
            // target/classes or the module's thin jar (tests): the shaded jar is built beside them
            Path built = here.resolveSibling("muonscope-spark.jar");
            if (Files.isRegularFile(built)) return built;
            throw new UncheckedIOException(new IOException("no muonscope-spark.jar beside " + here + ": build the cluster module (mvn -Pcluster package)"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void probe(String master) {
        IOException last = null;
        for (String hp : master.substring("spark://".length()).split(",")) {
            int colon = hp.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))), 5000);
                return;
            } catch (IOException e) {
                last = e; // a standby of a highly available pair may be down: any master that answers will do
            }
        }
        String why = last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage().toLowerCase(java.util.Locale.ROOT);
        String msg = "cannot reach the Spark master " + master + ": " + why;
        throw new UncheckedIOException(msg, new IOException(msg, last));
    }

    /** The Spark context (tests watch its tasks). */
    JavaSparkContext context() {
        return sc;
    }

    @Override
    public String describe() {
        return sc.master() + " (Spark " + sc.version() + ", " + sc.defaultParallelism() + " task slots)";
    }

    @Override
    public void run(List<CellTask> tasks, Path dir, Consumer<CellOutcome> landed, CancelToken cancel) {
        JavaRDD<CellTask> rdd = sc.parallelize(tasks, tasks.size());
        CountDownLatch done = new CountDownLatch(1);
        Thread watch = new Thread(() -> {
            try {
                // the engine's token cannot reach the executors: a cancelled sweep cancels Spark's job instead
                while (!done.await(100, TimeUnit.MILLISECONDS)) {
                    if (cancel.isCancelled()) {
                        sc.cancelAllJobs();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "muonscope-sweep-cancel");
        watch.setDaemon(true);
        watch.start();
        try {
            sc.sc().runJob(rdd.rdd(), new RunCell(dir.toAbsolutePath().toString()), new Landed(landed),
                    ClassTag$.MODULE$.apply(CellOutcome.class));
        } catch (RuntimeException e) {
            if (!cancel.isCancelled()) throw e;
        } finally {
            done.countDown();
        }
    }

    @Override
    public void close() {
        if (owned) sc.stop();
    }

    /** The task: one cell into the shared folder (runs on an executor). */
    private static final class RunCell extends AbstractFunction1<Iterator<CellTask>, CellOutcome> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String dir;

        RunCell(String dir) {
            this.dir = dir;
        }

        @Override
        public CellOutcome apply(Iterator<CellTask> it) {
            CellTask task = it.next();
            CellOutcome o = Cells.execute(task, Path.of(dir), CancelToken.none());
            TaskContext tc = TaskContext.get();
            String where = "executor " + SparkEnv.get().executorId() + " on " + o.host()
                    + (tc == null ? "" : ", attempt " + (tc.attemptNumber() + 1));
            return new CellOutcome(o.id(), o.status(), o.message(), where, o.seconds(), o.written());
        }
    }

    /** Hands each task's outcome to the sweep as it comes back (on Spark's scheduler thread). */
    private static final class Landed extends AbstractFunction2<Object, CellOutcome, BoxedUnit> {
        private final Consumer<CellOutcome> landed;

        Landed(Consumer<CellOutcome> landed) {
            this.landed = landed;
        }

        @Override
        public BoxedUnit apply(Object partition, CellOutcome o) {
            landed.accept(o);
            return BoxedUnit.UNIT;
        }
    }

    /** Says when an attempt of a cell failed (an executor lost with its worker, say); Spark reruns it. */
    private static final class RetryLog extends SparkListener {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            TaskEndReason r = end.reason();
            if (r instanceof TaskFailedReason f) {
                LOG.warn("task {} (partition {}, attempt {}) on executor {} failed: {}; Spark reruns it", end.taskInfo().taskId(),
                        end.taskInfo().index(), end.taskInfo().attemptNumber() + 1, end.taskInfo().executorId(),
                        f.toErrorString().lines().findFirst().orElse(""));
            }
        }
    }
}

package org.muonscope.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.cli.MuonscopeCommand;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.spec.Spec;
import org.muonscope.engine.sweep.Cell;
import org.muonscope.engine.sweep.CellOutcome;
import org.muonscope.engine.sweep.Grid;
import org.muonscope.engine.sweep.LocalRunner;
import org.muonscope.engine.sweep.SweepCodec;
import org.muonscope.engine.sweep.SweepListener;
import org.muonscope.engine.sweep.SweepSpec;
import org.muonscope.engine.sweep.Sweeps;

/**
 * The same sweeps on the local runner, on Spark inside the desktop jar's process ({@code --master local[2]}), and on
 * a standalone cluster of two workers started by {@code start-local.sh}, one of them killed with SIGKILL while it
 * runs a cell: every cell completes, and every folder and {@code sweep.csv} equal the local runner's (the CNN's
 * wall-clock columns and {@code provenance.json} aside). Runs after {@code package} (failsafe): it needs the built
 * jars.
 */
class SparkClusterIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path STATE = MODULE.resolve("target/spark-it");
    private static Process cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        // started first: its JVMs come up while the local runs go
        ProcessBuilder pb = new ProcessBuilder("bash", MODULE.resolve("start-local.sh").toString(), "2");
        pb.environment().put("SPARK_STATE", STATE.toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        cluster = pb.start();
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", MODULE.resolve("stop-local.sh").toString()).inheritIO();
        pb.environment().put("SPARK_STATE", STATE.toString());
        pb.start().waitFor(60, TimeUnit.SECONDS);
    }

    private static String masterUrl() throws IOException, InterruptedException {
        String url = new String(cluster.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(cluster.waitFor(90, TimeUnit.SECONDS) && cluster.exitValue() == 0, "start-local.sh failed");
        assertTrue(url.matches("spark://127\\.0\\.0\\.1:\\d+"), url);
        return url;
    }

    private static SweepSpec sweep(String base, String seeds, String... vary) {
        Spec b = SpecCodec.parse(base, null);
        long[] s = SweepCodec.seeds(seeds);
        return new SweepSpec(b, Stream.of(vary).map(v -> SweepCodec.axis(b.kind(), v)).toList(), s[0], s[1]);
    }

    private static final String THEORY = "{\"kind\": \"theory\", \"steps\": 60, \"every\": 20, \"mode\": \"batch:200:16\"}";
    /** Two tiny cells: the second trains on seven times the images, so it is still running when its worker dies. */
    private static final String CNN = "{\"kind\": \"cnn\", \"data\": \"bundled\", \"model\": \"paper-cnn\", \"batch\": 50,"
            + " \"threads\": 1, \"testLimit\": 100, \"optimizers\": [\"muon:lr=0.02\"]}";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyRunnerGivesTheLocalRunnersFolders(@TempDir Path tmp) throws Exception {
        SweepSpec theory = sweep(THEORY, "1-2", "optimizer=gd:lr=0.1,muon:lr=0.02", "mu=2,3");
        SweepSpec cnn = sweep(CNN, "1-1", "trainLimit=200,1400");
        Sweeps.run(theory, Grid.cells(theory), tmp.resolve("theory-local"), new LocalRunner(2), SweepListener.NONE, CancelToken.none(), "it");
        Sweeps.run(cnn, Grid.cells(cnn), tmp.resolve("cnn-local"), new LocalRunner(1), SweepListener.NONE, CancelToken.none(), "it");
        Map<String, String> theoryFiles = Folders.content(tmp.resolve("theory-local"));
        assertEquals(8 * 7 + 2, theoryFiles.size(), "eight cells of seven files (provenance aside), sweep.json and sweep.csv");

        // the desktop jar, with the cluster module's build found beside it, runs Spark in its own process
        Path jar = MODULE.resolveSibling("app").resolve("target/muonscope.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "sweep", "--spec",
                tmp.resolve("theory-local/sweep.json").toString(), "--master", "local[2]", "--out", tmp.resolve("theory-embedded").toString());
        pb.environment().put("MUONSCOPE_CLUSTER", MODULE.resolve("target").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("to run on local[2] (Spark 4.1.1"), log);
        assertEquals(theoryFiles, Folders.content(tmp.resolve("theory-embedded")));

        try (SparkRunner spark = SparkRunner.open(masterUrl())) {
            Sweeps.run(theory, Grid.cells(theory), tmp.resolve("theory-cluster"), spark, SweepListener.NONE, CancelToken.none(), "it");
            assertEquals(theoryFiles, Folders.content(tmp.resolve("theory-cluster")));

            // the moment the big cell starts, its worker (and the executor under it) is killed with SIGKILL
            AtomicReference<String> killed = new AtomicReference<>();
            spark.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart start) {
                    if (start.taskInfo().index() == 1 && killed.compareAndSet(null, start.taskInfo().executorId())) {
                        killWorkerOf(start.taskInfo().executorId());
                    }
                }
            });
            Map<String, CellOutcome> landed = new ConcurrentHashMap<>();
            Sweeps.Report r = Sweeps.run(cnn, Grid.cells(cnn), tmp.resolve("cnn-cluster"), spark, new SweepListener() {
                @Override
                public void landed(Cell cell, CellOutcome o, int done, int total) {
                    landed.put(cell.id(), o);
                }
            }, CancelToken.none(), "it");
            assertEquals(2, r.finished(), "every cell completed");
            CellOutcome big = landed.get("trainLimit=1400-seed=1");
            assertTrue(big.host().endsWith("attempt 2") && !big.host().startsWith("executor " + killed.get() + " "),
                    "rerun on the other worker: " + big.host() + ", killed executor " + killed.get());
        }
        assertEquals(Folders.content(tmp.resolve("cnn-local")), Folders.content(tmp.resolve("cnn-cluster")));
    }

    /** Kills the worker whose work folder holds this executor, and everything it started, with SIGKILL. */
    private static void killWorkerOf(String executorId) {
        try {
            for (int i = 1; i <= 2; i++) {
                try (Stream<Path> apps = Files.list(STATE.resolve("work-" + i))) {
                    if (apps.noneMatch(a -> Files.isDirectory(a.resolve(executorId)))) continue;
                }
                long pid = Long.parseLong(Files.readString(STATE.resolve("worker-" + i + ".pid")).strip());
                ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
                List<ProcessHandle> all = new ArrayList<>(worker.descendants().toList());
                all.add(worker);
                all.forEach(ProcessHandle::destroyForcibly);
                return;
            }
            throw new IllegalStateException("no worker runs executor " + executorId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreachableMasterIsOneLineExitOneAndNothingWritten(@TempDir Path tmp) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = MuonscopeCommand.run(new String[] {"sweep", "--base", "theory", "--seeds", "1-2", "--master", "spark://127.0.0.1:1",
                "--out", tmp.resolve("o").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals("muonscope sweep: error: cannot reach the Spark master spark://127.0.0.1:1: connection refused", err.toString().strip());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}

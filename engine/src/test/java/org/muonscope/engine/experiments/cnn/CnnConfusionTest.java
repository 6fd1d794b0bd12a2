package org.muonscope.engine.experiments.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.engine.data.DataSources;
import org.muonscope.engine.data.TrainTest;
import org.muonscope.engine.model.cnn.Init;
import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.CnnSpec;

/** The confusion matrix every evaluation carries, and its file. */
class CnnConfusionTest {
    @TempDir
    Path dir;

    @Test
    void countsSumToTheTestSetAndTheDiagonalIsPerClassAccuracy() throws IOException {
        // step imbalance: the test set stays balanced, but the minority classes are predicted less, so rows differ
        CnnSpec s = new CnnSpec("bundled", "mlp", List.of(OptimizerSettings.parse("adam")), 1, 25, "step:4", 0, Double.NaN,
                4, 1, 5, new Init("default", 0), 400, 150);
        TrainTest data = CnnData.prepare(s, DataSources.bundled());
        int n = data.test().size();
        int k = data.test().classes();
        int[] perClass = new int[k];
        for (int label : data.test().labels()) perClass[label]++;
        RunResult r = Experiments.cnn().run(s, data, null, null, RunContext.of("t"));
        List<Record> evals = r.optimizers().get(0).records();
        assertTrue(evals.size() >= 2, "eval every 4 steps and at the end");
        for (Record e : evals) {
            double[][] m = e.values().matrix(CnnFields.CONFUSION);
            double[] classAccuracy = e.values().vector(CnnFields.CLASS_ACCURACY);
            assertEquals(k, m.length);
            long total = 0;
            double trace = 0;
            for (int t = 0; t < k; t++) {
                assertEquals(k, m[t].length);
                int row = 0;
                for (double v : m[t]) {
                    assertTrue(v >= 0);
                    assertEquals(Math.rint(v), v, "counts are integers");
                    row += (int) v;
                }
                assertEquals(perClass[t], row, "row " + t + " holds every test image of class " + t);
                // the same integer ratio as the per-class accuracy, so exact up to one rounding
                assertEquals(classAccuracy[t], m[t][t] / row, 1e-15, "class " + t);
                total += row;
                trace += m[t][t];
            }
            assertEquals(n, total);
            assertEquals(e.values().scalar(CnnFields.TEST_ACCURACY), (double) trace / n, 1e-15);
        }

        Experiments.write(r, dir);
        List<String> lines = Files.readAllLines(dir.resolve("confusion.csv"));
        assertEquals("optimizer,step,true,predicted,count", lines.get(0));
        assertEquals(1 + evals.size() * k * k, lines.size(), "every cell of every evaluation");
        Record last = evals.get(evals.size() - 1);
        long sumLast = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (Long.parseLong(f[1]) != last.step()) continue;
            int count = Integer.parseInt(f[4]);
            assertEquals(last.values().matrix(CnnFields.CONFUSION)[Integer.parseInt(f[2])][Integer.parseInt(f[3])], count);
            sumLast += count;
        }
        assertEquals(n, sumLast);
    }
}

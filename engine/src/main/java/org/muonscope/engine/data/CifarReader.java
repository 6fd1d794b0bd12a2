package org.muonscope.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muonscope.engine.model.cnn.Shape;

/**
 * The CIFAR-10 binary format: records of one label byte and 3072 pixel bytes (red, green, blue planes of
 * 32x32), in {@code data_batch_1.bin .. data_batch_5.bin} and {@code test_batch.bin}. A file whose length is
 * not a whole number of records, or a label past 9, fails naming the file.
 */
public final class CifarReader {
    static final int RECORD = 1 + 3 * 32 * 32;
    static final List<String> TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST = "test_batch.bin";

    private CifarReader() { }

    /** Reads the training and test batches of a CIFAR-10 binary folder. */
    public static TrainTest read(Path dir) {
        Path root = Files.isDirectory(dir.resolve("cifar-10-batches-bin")) ? dir.resolve("cifar-10-batches-bin") : dir;
        List<Path> train = TRAIN.stream().map(root::resolve).toList();
        for (Path p : train) if (!Files.isRegularFile(p)) throw new DataException(p, "missing (expected the CIFAR-10 binary version)");
        return new TrainTest("cifar:" + dir, read("cifar10-train", train), read("cifar10-test", List.of(root.resolve(TEST))));
    }

    /** Reads and concatenates the given batch files. */
    public static Dataset read(String name, List<Path> files) {
        byte[][] all = new byte[files.size()][];
        int n = 0;
        for (int f = 0; f < files.size(); f++) {
            all[f] = IdxReader.bytes(files.get(f));
            if (all[f].length == 0 || all[f].length % RECORD != 0) {
                throw new DataException(files.get(f), "expected a multiple of " + RECORD + " bytes (CIFAR-10 records), found "
                        + all[f].length + " (truncated or not CIFAR-10 binary)");
            }
            n += all[f].length / RECORD;
        }
        float[] x = new float[n * (RECORD - 1)];
        int[] y = new int[n];
        int i = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] b = all[f];
            for (int r = 0; r < b.length / RECORD; r++, i++) {
                int at = r * RECORD;
                y[i] = b[at] & 0xff;
                if (y[i] > 9) throw new DataException(files.get(f), "label " + y[i] + " in record " + r + " is not in 0..9");
                for (int p = 0; p < RECORD - 1; p++) x[i * (RECORD - 1) + p] = (b[at + 1 + p] & 0xff) / 255f;
            }
        }
        return Dataset.of(name, new Shape(3, 32, 32), 10, x, y);
    }
}

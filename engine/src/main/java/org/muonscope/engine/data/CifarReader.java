package org.muonscope.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muonscope.engine.model.cnn.Shape;

/**
 * The CIFAR binary formats. CIFAR-10: records of one label byte and 3072 pixel bytes (red, green, blue planes of
 * 32x32), in {@code data_batch_1.bin .. data_batch_5.bin} and {@code test_batch.bin}. CIFAR-100: records of a
 * coarse-label byte (0-19), a fine-label byte (0-99) and the 3072 pixel bytes, in {@code train.bin} and
 * {@code test.bin}; the fine labels are the classes. A file whose length is not a whole number of records (a
 * truncated file, or one of the other format: CIFAR-10's 10,000-record batches are no whole number of 3074-byte
 * records, CIFAR-100's 50,000 and 10,000 records none of 3073 bytes), or a label out of range, fails naming
 * the file, before anything is trained.
 */
public final class CifarReader {
    static final int PIXELS = 3 * 32 * 32;
    static final int RECORD = 1 + PIXELS;
    static final int RECORD_100 = 2 + PIXELS;
    static final String TRAIN_100 = "train.bin";
    static final String TEST_100 = "test.bin";
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

    /** Reads the training and test files of a CIFAR-100 binary folder (fine labels, 100 classes). */
    public static TrainTest read100(Path dir) {
        Path root = Files.isDirectory(dir.resolve("cifar-100-binary")) ? dir.resolve("cifar-100-binary") : dir;
        for (String f : List.of(TRAIN_100, TEST_100)) {
            if (!Files.isRegularFile(root.resolve(f))) {
                throw new DataException(root.resolve(f), "missing (expected the CIFAR-100 binary version)");
            }
        }
        return new TrainTest("cifar100:" + dir, read100("cifar100-train", root.resolve(TRAIN_100)),
                read100("cifar100-test", root.resolve(TEST_100)));
    }

    /** One CIFAR-100 file: the fine label is the class, the coarse one is checked and dropped. */
    public static Dataset read100(String name, Path file) {
        byte[] b = IdxReader.bytes(file);
        if (b.length == 0 || b.length % RECORD_100 != 0) {
            throw new DataException(file, "expected a multiple of " + RECORD_100 + " bytes (CIFAR-100 records), found "
                    + b.length + " (truncated or not CIFAR-100 binary)");
        }
        int n = b.length / RECORD_100;
        float[] x = new float[n * PIXELS];
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            int at = r * RECORD_100, coarse = b[at] & 0xff, fine = b[at + 1] & 0xff;
            if (coarse > 19) throw new DataException(file, "coarse label " + coarse + " in record " + r + " is not in 0..19");
            if (fine > 99) throw new DataException(file, "fine label " + fine + " in record " + r + " is not in 0..99");
            y[r] = fine;
            for (int p = 0; p < PIXELS; p++) x[r * PIXELS + p] = (b[at + 2 + p] & 0xff) / 255f;
        }
        return Dataset.of(name, new Shape(3, 32, 32), 100, x, y);
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

package org.muonscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    @TempDir
    Path dir;

    static byte[] records(int n, int firstLabel) {
        byte[] b = new byte[n * CifarReader.RECORD];
        for (int r = 0; r < n; r++) {
            b[r * CifarReader.RECORD] = (byte) ((firstLabel + r) % 10);
            for (int p = 1; p < CifarReader.RECORD; p++) b[r * CifarReader.RECORD + p] = (byte) (r + p);
        }
        return b;
    }

    @Test
    void readsTrainAndTestBatchesInOrder() throws IOException {
        for (int i = 0; i < 5; i++) Files.write(dir.resolve(CifarReader.TRAIN.get(i)), records(2, 2 * i));
        Files.write(dir.resolve(CifarReader.TEST), records(3, 5));
        TrainTest t = CifarReader.read(dir);
        assertEquals(10, t.train().size());
        assertEquals(3, t.test().size());
        assertEquals(3, t.train().shape().c());
        assertEquals(32, t.train().shape().w());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, t.train().labels());
        assertArrayEquals(new int[]{5, 6, 7}, t.test().labels());
        // record 1 of the test batch, pixel 0 is byte r + 1 = 2; the green plane starts at 1024
        assertEquals(2 / 255f, t.test().images()[3072], 0f);
        assertEquals(((1 + 1025) & 0xff) / 255f, t.test().images()[3072 + 1024], 0f);
    }

    @Test
    void truncatedBatchFailsNamingIt() throws IOException {
        for (int i = 0; i < 5; i++) Files.write(dir.resolve(CifarReader.TRAIN.get(i)), records(2, 0));
        byte[] b = records(3, 0);
        Path test = Files.write(dir.resolve(CifarReader.TEST), Arrays.copyOf(b, b.length - 100));
        DataException e = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertEquals(test, e.file());
        assertTrue(e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void badLabelAndMissingBatchFail() throws IOException {
        byte[] b = records(2, 0);
        b[CifarReader.RECORD] = 11;
        Path one = Files.write(dir.resolve("bad.bin"), b);
        DataException e = assertThrows(DataException.class, () -> CifarReader.read("x", java.util.List.of(one)));
        assertTrue(e.getMessage().contains("label 11"), e.getMessage());
        DataException missing = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertTrue(missing.getMessage().contains("data_batch_1.bin"), missing.getMessage());
    }

    static byte[] records100(int n, int firstFine) {
        byte[] b = new byte[n * CifarReader.RECORD_100];
        for (int r = 0; r < n; r++) {
            int fine = (firstFine + 7 * r) % 100;
            b[r * CifarReader.RECORD_100] = (byte) (fine / 5);
            b[r * CifarReader.RECORD_100 + 1] = (byte) fine;
            for (int p = 2; p < CifarReader.RECORD_100; p++) b[r * CifarReader.RECORD_100 + p] = (byte) (3 * r + p);
        }
        return b;
    }

    @Test
    void cifar100ReadsFineLabelsAsOneHundredClasses() throws IOException {
        Files.write(dir.resolve("train.bin"), records100(4, 95));
        Files.write(dir.resolve("test.bin"), records100(2, 10));
        TrainTest t = DataSources.load("cifar100:" + dir);
        assertEquals(100, t.train().classes());
        assertArrayEquals(new int[]{95, 2, 9, 16}, t.train().labels());
        assertArrayEquals(new int[]{10, 17}, t.test().labels());
        // record 1 of the test file, pixel 0 is byte 3 * 1 + 2 = 5
        assertEquals(5 / 255f, t.test().images()[3072], 0f);
        assertEquals("cifar100:" + dir, t.source());
    }

    @Test
    void cifar100RejectsTruncatedForeignAndMislabelledFilesNamingThem() throws IOException {
        Files.write(dir.resolve("test.bin"), records100(2, 0));
        byte[] b = records100(3, 0);
        Path train = Files.write(dir.resolve("train.bin"), Arrays.copyOf(b, b.length - 1));
        DataException e = assertThrows(DataException.class, () -> CifarReader.read100(dir));
        assertEquals(train, e.file());
        assertTrue(e.getMessage().contains("3074"), e.getMessage());
        // a CIFAR-10 batch where CIFAR-100 is expected: 3074 CIFAR-10 records would be needed to fill whole ones
        Files.write(train, records(10, 0));
        assertEquals(train, assertThrows(DataException.class, () -> CifarReader.read100(dir)).file());
        // a CIFAR-10 file whose length happens to fit: its first pixel is read as a fine label past 99
        byte[] ten = records(3074, 0);
        for (int r = 0; r < 3073; r++) ten[r * CifarReader.RECORD_100 + 1] = (byte) 200;
        Files.write(train, ten);
        DataException fine = assertThrows(DataException.class, () -> CifarReader.read100(dir));
        assertTrue(fine.getMessage().contains("fine label 200"), fine.getMessage());
        Files.write(train, records100(2, 0));
        Files.delete(dir.resolve("test.bin"));
        assertTrue(assertThrows(DataException.class, () -> CifarReader.read100(dir)).getMessage().contains("test.bin"));
    }
}

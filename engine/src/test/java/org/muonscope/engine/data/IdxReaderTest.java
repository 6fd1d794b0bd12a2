package org.muonscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] images(int magic, int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) b.put((byte) (i * 7 % 256));
        return b.array();
    }

    static byte[] labels(int magic, int... y) {
        ByteBuffer b = ByteBuffer.allocate(8 + y.length);
        b.putInt(magic).putInt(y.length);
        for (int v : y) b.put((byte) v);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(raw);
        }
        return o.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsRawAndGzipFilesToTheSameSamples() throws IOException {
        byte[] im = images(0x803, 3, 4, 5);
        byte[] lb = labels(0x801, 2, 0, 9);
        Dataset raw = IdxReader.read("raw", file("im", im), file("lb", lb));
        Dataset gz = IdxReader.read("gz", file("im.gz", gzip(im)), file("lb.gz", gzip(lb)));
        assertEquals(3, raw.size());
        assertEquals(4, raw.shape().h());
        assertEquals(5, raw.shape().w());
        assertArrayEquals(new int[]{2, 0, 9}, raw.labels());
        assertArrayEquals(raw.images(), gz.images(), 0f);
        assertArrayEquals(raw.labels(), gz.labels());
        // pixel 1 of image 0 is byte 7: scaled by 1/255
        assertEquals(7 / 255f, raw.images()[1], 0f);
        // image 2 starts at byte 40: 40*7 mod 256 = 24
        assertEquals(24 / 255f, raw.images()[40], 0f);
    }

    @Test
    void truncatedImageFileFailsNamingIt() throws IOException {
        byte[] im = images(0x803, 3, 4, 5);
        Path p = file("trunc-images", Arrays.copyOf(im, im.length - 3));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", p, file("lb", labels(0x801, 1, 2, 3))));
        assertEquals(p, e.file());
        assertTrue(e.getMessage().contains("trunc-images") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedGzipFailsNamingIt() throws IOException {
        byte[] gz = gzip(images(0x803, 50, 8, 8));
        Path p = file("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", p, file("lb", labels(0x801, 1))));
        assertEquals(p, e.file());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void corruptGzipFailsNamingIt() throws IOException {
        byte[] gz = gzip(images(0x803, 50, 8, 8));
        for (int i = 12; i < gz.length - 8; i++) gz[i] ^= 0x5a;
        Path p = file("corrupt.gz", gz);
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", p, file("lb", labels(0x801, 1))));
        assertEquals(p, e.file());
    }

    @Test
    void wrongMagicFailsNamingTheFileAndBothMagics() throws IOException {
        Path im = file("im", images(0x803, 2, 2, 2));
        Path lb = file("swapped", images(0x803, 2, 2, 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", im, lb));
        assertEquals(lb, e.file());
        assertTrue(e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void countMismatchAndBadLabelFail() throws IOException {
        Path im = file("im", images(0x803, 2, 2, 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", im, file("lb3", labels(0x801, 1, 2, 3))));
        assertTrue(e.getMessage().contains("3 labels") && e.getMessage().contains("2 images"), e.getMessage());
        DataException bad = assertThrows(DataException.class, () -> IdxReader.read("x", im, file("lb10", labels(0x801, 1, 10))));
        assertTrue(bad.getMessage().contains("label 10"), bad.getMessage());
    }

    @Test
    void missingFileFailsNamingIt() {
        Path p = dir.resolve("nothing-here");
        DataException e = assertThrows(DataException.class, () -> IdxReader.read("x", p, p));
        assertEquals(p, e.file());
    }

    @Test
    void bundledSubsetIsClassBalanced() {
        TrainTest t = DataSources.bundled();
        assertEquals(2000, t.train().size());
        assertEquals(1000, t.test().size());
        for (int c : t.train().classCounts()) assertEquals(200, c);
        for (int c : t.test().classCounts()) assertEquals(100, c);
        assertEquals(28, t.train().shape().h());
    }
}

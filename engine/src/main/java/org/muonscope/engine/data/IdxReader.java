package org.muonscope.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.muonscope.engine.model.cnn.Shape;

/**
 * MNIST-format IDX files, raw or gzip (detected by content, not by name): images are magic {@code 0x00000803}
 * (unsigned bytes, 3 dimensions: count, rows, cols), labels {@code 0x00000801} (count). Every check happens
 * before any sample is used: a bad file throws one {@link DataException} naming it.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Fashion-MNIST and MNIST have 10 classes; labels are checked against it. */
    static final int CLASSES = 10;

    private IdxReader() { }

    /** Reads a pair of image and label files into a dataset named {@code name}. */
    public static Dataset read(String name, Path images, Path labels) {
        byte[] im = bytes(images);
        byte[] lb = bytes(labels);
        int n = header(images, im, IMAGES_MAGIC, 16);
        int rows = intAt(im, 8), cols = intAt(im, 12);
        if (rows < 1 || cols < 1 || rows > 4096 || cols > 4096) {
            throw new DataException(images, "implausible image size " + rows + "x" + cols);
        }
        long want = 16L + (long) n * rows * cols;
        if (im.length != want) {
            throw new DataException(images, "expected " + want + " bytes for " + n + " images of " + rows + "x" + cols
                    + ", found " + im.length + (im.length < want ? " (truncated)" : ""));
        }
        int nl = header(labels, lb, LABELS_MAGIC, 8);
        if (lb.length != 8L + nl) {
            throw new DataException(labels, "expected " + (8L + nl) + " bytes for " + nl + " labels, found " + lb.length
                    + (lb.length < 8L + nl ? " (truncated)" : ""));
        }
        if (nl != n) throw new DataException(labels, "has " + nl + " labels but " + images.getFileName() + " has " + n + " images");
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = lb[8 + i] & 0xff;
            if (y[i] >= CLASSES) throw new DataException(labels, "label " + y[i] + " at index " + i + " is not in 0.." + (CLASSES - 1));
        }
        int size = rows * cols;
        float[] x = new float[n * size];
        for (int i = 0; i < x.length; i++) x[i] = (im[16 + i] & 0xff) / 255f;
        return Dataset.of(name, new Shape(1, rows, cols), CLASSES, x, y);
    }

    private static int header(Path file, byte[] b, int magic, int headerLen) {
        if (b.length < headerLen) throw new DataException(file, "expected an IDX header of " + headerLen + " bytes, found " + b.length);
        int m = intAt(b, 0);
        if (m != magic) {
            throw new DataException(file, String.format("expected IDX magic 0x%08x (%s), found 0x%08x", magic,
                    magic == IMAGES_MAGIC ? "images" : "labels", m));
        }
        int n = intAt(b, 4);
        if (n < 0) throw new DataException(file, "negative sample count " + n);
        return n;
    }

    static int intAt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic. */
    static byte[] bytes(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) return raw;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.io.EOFException e) {
            throw new DataException(file, "gzip stream is truncated", e);
        } catch (ZipException e) {
            throw new DataException(file, "is not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(file, "cannot be decompressed (" + e.getMessage() + ")", e);
        }
    }
}

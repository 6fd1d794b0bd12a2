package org.muonscope.app.cnnlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which images a run trains on: the subset bundled with Muonscope, Fashion-MNIST from Debian's system folder,
 * or a folder the user picked (MNIST-format IDX files or the CIFAR-10 binary batches).
 *
 * @param dir the folder; null for {@link Kind#BUNDLED}
 */
public record DatasetChoice(Kind kind, Path dir) {
    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path FASHION_SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public enum Kind { BUNDLED, FASHION_SYSTEM, MNIST_DIR, CIFAR_DIR, CIFAR100_DIR }

    public static final DatasetChoice BUNDLED = new DatasetChoice(Kind.BUNDLED, null);

    public DatasetChoice {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.BUNDLED && dir == null) throw new IllegalArgumentException(kind + " needs a folder");
        if (kind == Kind.BUNDLED) dir = null;
    }

    public static DatasetChoice fashionSystem() {
        return new DatasetChoice(Kind.FASHION_SYSTEM, FASHION_SYSTEM_DIR);
    }

    /** True when Debian's Fashion-MNIST folder exists on this machine. */
    public static boolean fashionSystemPresent() {
        return Files.isDirectory(FASHION_SYSTEM_DIR);
    }

    /** The same text {@code muonscope cnn --data} accepts: {@code bundled}, a folder, {@code cifar:DIR} or {@code cifar100:DIR}. */
    public String toCliText() {
        return switch (kind) {
            case BUNDLED -> "bundled";
            case FASHION_SYSTEM, MNIST_DIR -> dir.toString();
            case CIFAR_DIR -> "cifar:" + dir;
            case CIFAR100_DIR -> "cifar100:" + dir;
        };
    }

    /** Inverse of {@link #toCliText}. */
    public static DatasetChoice parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("bundled")) return BUNDLED;
        if (t.startsWith("cifar:")) return new DatasetChoice(Kind.CIFAR_DIR, Path.of(t.substring(6)));
        if (t.startsWith("cifar10:")) return new DatasetChoice(Kind.CIFAR_DIR, Path.of(t.substring(8)));
        if (t.startsWith("cifar100:")) return new DatasetChoice(Kind.CIFAR100_DIR, Path.of(t.substring(9)));
        Path p = Path.of(t);
        return p.equals(FASHION_SYSTEM_DIR) ? fashionSystem() : new DatasetChoice(Kind.MNIST_DIR, p);
    }

    /** A short name for lists and legends. */
    public String label() {
        return switch (kind) {
            case BUNDLED -> "bundled subset";
            case FASHION_SYSTEM -> "Fashion-MNIST";
            case MNIST_DIR -> "MNIST-format " + dir.getFileName();
            case CIFAR_DIR -> "CIFAR-10 " + dir.getFileName();
            case CIFAR100_DIR -> "CIFAR-100 " + dir.getFileName();
        };
    }
}

package org.muonscope.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.muonscope.engine.SpecException;

/**
 * Resolves a {@code --data} value: {@code auto} (Debian's Fashion-MNIST if installed, else the bundled
 * subset), {@code bundled}, {@code fashion-mnist}, a folder of IDX files, {@code cifar:DIR} (or
 * {@code cifar10:DIR}) or {@code cifar100:DIR}.
 */
public final class DataSources {
    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final Path SYSTEM_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** The bundled subset, as a classpath resource (in the app jar) and as a source-tree folder. */
    static final String BUNDLED = "assets/data/fashion-mnist-subset";
    static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"};

    private DataSources() { }

    public static TrainTest load(String spec) {
        String s = spec.trim();
        if (s.equals("auto")) {
            return hasIdx(SYSTEM_FASHION_MNIST) ? idxFolder("fashion-mnist", SYSTEM_FASHION_MNIST) : bundled();
        }
        if (s.equals("bundled")) return bundled();
        if (s.equals("fashion-mnist")) {
            if (!hasIdx(SYSTEM_FASHION_MNIST)) {
                throw new SpecException("data", SYSTEM_FASHION_MNIST + " has no Fashion-MNIST files "
                        + "(install Debian's dataset-fashion-mnist, or use --data bundled)");
            }
            return idxFolder("fashion-mnist", SYSTEM_FASHION_MNIST);
        }
        if (s.startsWith("cifar:")) return CifarReader.read(Path.of(s.substring(6)));
        if (s.startsWith("cifar10:")) return CifarReader.read(Path.of(s.substring(8)));
        if (s.startsWith("cifar100:")) return CifarReader.read100(Path.of(s.substring(9)));
        Path dir = Path.of(s);
        if (!Files.isDirectory(dir)) {
            throw new SpecException("data", "'" + s + "' is not bundled, auto, fashion-mnist, cifar:DIR, cifar100:DIR or a folder");
        }
        return idxFolder(dir.getFileName() == null ? s : dir.getFileName().toString(), dir);
    }

    /** A folder with {@code train-images-idx3-ubyte[.gz]} and the three sibling files. */
    public static TrainTest idxFolder(String name, Path dir) {
        Path[] p = new Path[4];
        for (int i = 0; i < 4; i++) p[i] = find(dir, FILES[i]);
        return new TrainTest(dir.toString(), IdxReader.read(name + "-train", p[0], p[1]),
                IdxReader.read(name + "-test", p[2], p[3]));
    }

    /** The class-balanced Fashion-MNIST subset shipped with Muonscope. */
    public static TrainTest bundled() {
        Path dir = bundledFolder();
        TrainTest t = idxFolder("fashion-mnist-subset", dir);
        return new TrainTest("bundled", t.train(), t.test());
    }

    private static boolean hasIdx(Path dir) {
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) return false;
        }
        return true;
    }

    private static Path find(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz"), raw = dir.resolve(base);
        if (Files.isRegularFile(gz)) return gz;
        if (Files.isRegularFile(raw)) return raw;
        throw new DataException(raw, "missing (expected " + base + " or " + base + ".gz)");
    }

    /** The source-tree folder (walking up from the working directory), else the jar's copy in a temp folder. */
    static Path bundledFolder() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve(BUNDLED);
            if (hasIdx(c)) return c;
        }
        try {
            Path tmp = Files.createTempDirectory("muonscope-data");
            tmp.toFile().deleteOnExit();
            for (String f : FILES) {
                try (InputStream in = DataSources.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + f + ".gz")) {
                    if (in == null) {
                        throw new DataException(Path.of(BUNDLED, f + ".gz"), "missing from the installation (not in the jar nor the source tree)");
                    }
                    Path out = tmp.resolve(f + ".gz");
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    out.toFile().deleteOnExit();
                }
            }
            return tmp;
        } catch (IOException e) {
            throw new DataException(Path.of(BUNDLED), "cannot be unpacked (" + e.getMessage() + ")", e);
        }
    }
}

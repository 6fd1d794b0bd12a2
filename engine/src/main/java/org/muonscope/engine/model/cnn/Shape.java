package org.muonscope.engine.model.cnn;

/** A per-sample activation shape: channels x height x width (flat vectors are {@code features x 1 x 1}). */
public record Shape(int c, int h, int w) {
    public Shape {
        if (c < 1 || h < 1 || w < 1) throw new IllegalArgumentException("bad shape " + c + "x" + h + "x" + w);
    }

    public static Shape flat(int features) {
        return new Shape(features, 1, 1);
    }

    public int size() {
        return c * h * w;
    }

    public int plane() {
        return h * w;
    }

    @Override
    public String toString() {
        return h == 1 && w == 1 ? Integer.toString(c) : c + "x" + h + "x" + w;
    }
}

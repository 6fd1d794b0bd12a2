package org.muonscope.app.common.figure;

/** A closed interval of data values on one axis, {@code lo < hi}. */
public record Span(double lo, double hi) {
    public Span {
        if (!(hi > lo)) throw new IllegalArgumentException("empty span " + lo + " .. " + hi);
    }

    public double length() {
        return hi - lo;
    }

    public boolean contains(Span s) {
        return s.lo >= lo && s.hi <= hi;
    }
}

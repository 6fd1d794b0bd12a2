package org.muonscope.app.common.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pixels to values and back, zoom and pan in the axis's own measure, and the readout's numbers. */
class AxisMapTest {
    /** Steps 0..1000 over pixels 100..600. */
    private static final AxisMap STEPS = new AxisMap("step", new Span(0, 1000), new Span(0, 1000), false, 100, 600, null);
    /** A vertical log axis 1e-6..1 over pixels 500 (bottom) .. 100 (top). */
    private static final AxisMap LOSS = new AxisMap("loss", new Span(1e-6, 1), new Span(1e-6, 1), true, 500, 100, null);

    @Test
    void mapsPixelsAndValuesBothWays() {
        assertEquals(350, STEPS.toPixel(500), 1e-9);
        assertEquals(250, STEPS.toValue(225), 1e-9);
        assertEquals(300, LOSS.toPixel(1e-3), 1e-9, "a log axis is linear in the logarithm");
        assertEquals(1e-3, LOSS.toValue(300), 1e-15);
    }

    @Test
    void zoomKeepsTheValueUnderThePointerAndStaysInsideTheWholeRange() {
        Span in = STEPS.zoomed(225, 0.5);
        assertEquals(new Span(125, 625), in, "half the range around step 250");
        Span log = LOSS.zoomed(300, 0.5);
        assertEquals(1e-3, Math.sqrt(log.lo() * log.hi()), 1e-12, "a log zoom is around 1e-3 in ratio");
        assertNull(STEPS.zoomed(225, 1.25), "zooming out of the whole range is the whole range");
        AxisMap zoomed = new AxisMap("step", new Span(100, 200), new Span(0, 1000), false, 100, 600, null);
        assertEquals(new Span(80, 180), zoomed.panned(100), "the data follows the mouse: 100 px right shows earlier steps");
        assertEquals(new Span(0, 100), zoomed.panned(5000), "panning stops at the whole range");
        assertEquals(new Span(100, 140), zoomed.between(100, 300));
        assertNull(zoomed.between(100, 102), "a click is no box");
    }

    @Test
    void numbersReadAsAReaderWritesThem() {
        assertEquals("1200", AxisMap.number(1200));
        assertEquals("0.2436", AxisMap.number(0.243612));
        assertEquals("2.88e-7", AxisMap.number(2.880e-7));
        assertEquals("1.5e6", AxisMap.number(1.5e6 + 0.5));
        assertEquals("–", AxisMap.number(Double.NaN));
        AxisMap classes = new AxisMap("class", new Span(-0.5, 2.5), new Span(-0.5, 2.5), false, 0, 300, new String[] {"a", "b", "c"});
        assertEquals("b", classes.format(1.2));
        assertTrue(classes.format(7).isEmpty());
    }
}

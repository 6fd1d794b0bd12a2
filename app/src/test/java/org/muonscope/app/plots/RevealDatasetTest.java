package org.muonscope.app.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RevealDatasetTest {
    @Test
    void itemCountFollowsTheCursor() {
        RevealDataset d = new RevealDataset();
        d.add("a", new double[] {0, 10, 20, 30}, new double[] {1, 2, 3, 4});
        d.add("b", new double[] {0, 5}, new double[] {1, 2});
        assertEquals(4, d.getItemCount(0));
        d.setLimit(15);
        assertEquals(2, d.getItemCount(0));
        assertEquals(2, d.getItemCount(1));
        d.setLimit(-1);
        assertEquals(0, d.getItemCount(0));
        d.setLimit(20);
        assertEquals(3, d.getItemCount(0), "a point exactly at the cursor is shown");
        d.add("c", new double[] {0, 50}, new double[] {0, 0});
        assertEquals(1, d.getItemCount(2), "series added later respect the current cursor");
    }
}

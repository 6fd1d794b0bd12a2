package org.muonscope.app.plots;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XY dataset over fixed arrays that shows only the points up to a cursor. Moving the cursor changes how
 * many items each series reports (a binary search), so the animation never copies or re-adds points.
 * Changes do not notify by themselves: the owner calls {@link #changed()} once per frame.
 */
public final class RevealDataset extends AbstractXYDataset implements org.muonscope.app.common.figure.Thinned {
    private final List<String> keys = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private final List<double[]> recordedXs = new ArrayList<>();
    private final List<double[]> recordedYs = new ArrayList<>();
    private int[] visible = new int[0];
    private double limit = Double.POSITIVE_INFINITY;

    public void clear() {
        keys.clear();
        xs.clear();
        ys.clear();
        recordedXs.clear();
        recordedYs.clear();
        visible = new int[0];
    }

    /** Adds a series; keys must be unique within the dataset. */
    public void add(String key, double[] x, double[] y) {
        add(key, x, y, x, y);
    }

    /**
     * Adds a series drawn from thinned arrays ({@code x, y}) that keeps every recorded point ({@code allX, allY})
     * for the hover readout. None of the arrays may change afterwards.
     */
    public void add(String key, double[] x, double[] y, double[] allX, double[] allY) {
        recordedXs.add(allX);
        recordedYs.add(allY);
        keys.add(key);
        xs.add(x);
        ys.add(y);
        visible = java.util.Arrays.copyOf(visible, keys.size());
        visible[keys.size() - 1] = count(x, limit);
    }

    /** Shows points with {@code x <= limit}. */
    public void setLimit(double limit) {
        this.limit = limit;
        for (int s = 0; s < keys.size(); s++) visible[s] = count(xs.get(s), limit);
    }

    public double limit() {
        return limit;
    }

    public void changed() {
        fireDatasetChanged();
    }

    private static int count(double[] x, double limit) {
        int lo = 0, hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= limit) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    @Override public double[] recordedX(int series) { return recordedXs.get(series); }
    @Override public double[] recordedY(int series) { return recordedYs.get(series); }

    /** The full (unrevealed) arrays of a series. */
    public double[] xs(int series) { return xs.get(series); }
    public double[] ys(int series) { return ys.get(series); }

    @Override public int getSeriesCount() { return keys.size(); }
    @Override public Comparable<?> getSeriesKey(int series) { return keys.get(series); }
    @Override public int getItemCount(int series) { return visible[series]; }
    @Override public Number getX(int series, int item) { return xs.get(series)[item]; }
    @Override public Number getY(int series, int item) { return ys.get(series)[item]; }
    @Override public double getXValue(int series, int item) { return xs.get(series)[item]; }
    @Override public double getYValue(int series, int item) { return ys.get(series)[item]; }

    /** Points are added in ascending x, which lets the plot skip items outside the visible range. */
    @Override public DomainOrder getDomainOrder() { return DomainOrder.ASCENDING; }
}

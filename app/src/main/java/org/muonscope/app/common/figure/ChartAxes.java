package org.muonscope.app.common.figure;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * The panels of a chart and their value axes, in one order that zoom, hover data and tick rules share: one panel for
 * an XY or category plot, one per subplot of a combined plot (which share the parent's domain axis). Render thread
 * only: it reads the chart.
 *
 * @param x the domain axis, or null when it is not a value axis (categories)
 * @param y the range axis
 */
record ChartAxes(int index, Plot plot, ValueAxis x, ValueAxis y) {

    static List<ChartAxes> of(JFreeChart chart) {
        List<ChartAxes> out = new ArrayList<>();
        Plot p = chart == null ? null : chart.getPlot();
        if (p instanceof CombinedDomainXYPlot c) {
            List<XYPlot> subs = c.getSubplots();
            for (int i = 0; i < subs.size(); i++) out.add(new ChartAxes(i, subs.get(i), c.getDomainAxis(), subs.get(i).getRangeAxis()));
        } else if (p instanceof XYPlot xy) {
            out.add(new ChartAxes(0, xy, xy.getDomainAxis(), xy.getRangeAxis()));
        } else if (p instanceof CategoryPlot cp) {
            out.add(new ChartAxes(0, cp, null, cp.getRangeAxis()));
        }
        return out;
    }
}

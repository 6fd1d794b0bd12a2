package org.muonscope.app.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * How a chart looks: theme, font scale (presenter mode) and one color per optimizer slot. The same style is
 * applied on screen and in every export, so figures match what the user saw.
 *
 * @param slotColors color of each optimizer slot, in spec order
 */
public record ChartStyle(boolean dark, double fontScale, List<Color> slotColors) {
    public static final String FONT = "SansSerif";

    public Color background() { return dark ? new Color(0x1E, 0x21, 0x26) : Color.WHITE; }
    public Color foreground() { return dark ? new Color(0xE6, 0xE6, 0xE6) : new Color(0x22, 0x22, 0x22); }
    public Color grid() { return dark ? new Color(0x3A, 0x3F, 0x47) : new Color(0xE2, 0xE2, 0xE2); }
    public Color faint() { return dark ? new Color(0x8A, 0x8F, 0x98) : new Color(0x9A, 0x9A, 0x9A); }

    /** The color of optimizer slot {@code i}, adjusted to stay visible on this theme's background. */
    public Color slot(int i) {
        return Palette.onBackground(i < slotColors.size() ? slotColors.get(i) : Color.GRAY, background(), foreground());
    }

    public Font font(float size, int style) {
        return new Font(FONT, style, Math.round(size * (float) fontScale));
    }

    public BasicStroke stroke(float width) {
        // butt caps and bevel joins stroke measurably faster than round ones on long decimated paths
        return new BasicStroke((float) (width * Math.sqrt(fontScale)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);
    }

    public BasicStroke dashed(float width) {
        float w = (float) (width * Math.sqrt(fontScale));
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6 * w, 4 * w}, 0f);
    }

    public BasicStroke dotted(float width) {
        float w = (float) (width * Math.sqrt(fontScale));
        // round caps make the dots: with butt caps a 0.5-long dash all but vanishes
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 1f, new float[] {0.5f, 3 * w}, 0f);
    }

    /** Applies theme and fonts to a chart built by {@link Figures}. */
    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(background());
        // the last tick label is centered on the plot's right edge: room for its right half at this font size
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, Math.round(4 + 12 * fontScale)));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(font(15, Font.BOLD));
            chart.getTitle().setPaint(foreground());
        }
        for (Object o : chart.getSubtitles()) {
            Title t = (Title) o;
            if (t instanceof LegendTitle l) {
                l.setBackgroundPaint(background());
                l.setItemPaint(foreground());
                l.setItemFont(font(11, Font.PLAIN));
            } else if (t instanceof TextTitle tt) {
                tt.setPaint(faint());
                tt.setFont(font(11, Font.PLAIN));
            }
        }
        applyPlot(chart.getPlot());
    }

    private void applyPlot(Plot plot) {
        plot.setBackgroundPaint(background());
        plot.setOutlinePaint(grid());
        if (plot instanceof CombinedDomainXYPlot c) {
            styleAxis(c.getDomainAxis());
            for (XYPlot sub : c.getSubplots()) applyPlot(sub);
        } else if (plot instanceof XYPlot p) {
            p.setDomainGridlinePaint(grid());
            p.setRangeGridlinePaint(grid());
            p.setDomainGridlineStroke(new BasicStroke(0.6f));
            p.setRangeGridlineStroke(new BasicStroke(0.6f));
            for (int i = 0; i < p.getDomainAxisCount(); i++) styleAxis(p.getDomainAxis(i));
            for (int i = 0; i < p.getRangeAxisCount(); i++) styleAxis(p.getRangeAxis(i));
        }
    }

    private void styleAxis(Axis a) {
        if (a == null) return;
        a.setLabelFont(font(12, Font.PLAIN));
        a.setTickLabelFont(font(11, Font.PLAIN));
        a.setLabelPaint(foreground());
        a.setTickLabelPaint(foreground());
        a.setAxisLinePaint(faint());
        a.setTickMarkPaint(faint());
    }
}

package org.adjoint.examples.plot;

import java.awt.Color;
import java.util.Arrays;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYZDataset;

/** The heat-map layer of a {@link Landscape}: one coloured block per grid point and a colour bar. */
final class HeatMap {

    /** Colour steps of the scale: enough to read as smooth, few enough to read off the bar. */
    static final int STEPS = 64;

    private HeatMap() {
    }

    /** The grid's finite values as an XYZ series; missing (NaN) values leave their block empty. */
    static XYZDataset dataset(double[] xs, double[] ys, double[][] z) {
        int n = 0;
        double[][] data = new double[3][xs.length * ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (!Double.isNaN(z[i][j])) {
                    data[0][n] = xs[i];
                    data[1][n] = ys[j];
                    data[2][n++] = z[i][j];
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("z", new double[][] {
                Arrays.copyOf(data[0], n), Arrays.copyOf(data[1], n), Arrays.copyOf(data[2], n)});
        return dataset;
    }

    /** One block around each grid point, reaching halfway to its neighbours, coloured by {@code scale}. */
    static XYBlockRenderer renderer(LookupPaintScale scale, double[] xs, double[] ys) {
        XYBlockRenderer renderer = new GridBlockRenderer(xs, ys);
        renderer.setPaintScale(scale);
        renderer.setDefaultSeriesVisibleInLegend(false);
        return renderer;
    }

    /** {@link #STEPS} viridis-like colours spread evenly from the least to the greatest value of z (NaN ignored). */
    static LookupPaintScale scale(double[][] z) {
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lower = Math.min(lower, v);
                    upper = Math.max(upper, v);
                }
            }
        }
        if (!(upper > lower)) {
            double pad = Math.max(Math.abs(lower) * 1e-3, 0.5);
            lower -= pad;
            upper += pad;
        }
        LookupPaintScale scale = new LookupPaintScale(lower, upper, new Color(0, 0, 0, 0));
        Color[] ramp = Palette.ramp(STEPS);
        for (int k = 0; k < STEPS; k++) {
            scale.add(lower + k * (upper - lower) / STEPS, ramp[k]);
        }
        return scale;
    }

    /** The colour bar at the right of the chart, its axis titled {@code zLabel}. */
    static PaintScaleLegend colourBar(LookupPaintScale scale, String zLabel) {
        NumberAxis axis = new NumberAxis(zLabel);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        Charts.style(axis);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(14);
        bar.setAxisOffset(4);
        bar.setSubdivisionCount(4 * STEPS);
        bar.setMargin(new RectangleInsets(8, 8, 8, 8));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }
}

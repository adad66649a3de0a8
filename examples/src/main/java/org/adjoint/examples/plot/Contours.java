package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/** The contour-line layer of a {@link Landscape}: levels, their segments, and how they are drawn. */
final class Contours {

    private static final Color DARK_GREY = new Color(0x404040);
    private static final Color HALO = new Color(255, 255, 255, 70);

    private Contours() {
    }

    /**
     * {@code count} levels at the quantiles k/(count+1), k = 1..count, of the grid's values (NaN
     * ignored), without repeats. Quantiles rather than even spacing put lines where the grid points
     * are, so a narrow valley such as Rosenbrock's gets lines even when the walls rise a thousandfold.
     */
    static double[] quantileLevels(double[][] z, int count) {
        double[] values = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] levels = new double[count];
        for (int k = 1; k <= count; k++) {
            double position = (double) k / (count + 1) * (values.length - 1);
            int below = (int) position;
            int above = Math.min(below + 1, values.length - 1);
            levels[k - 1] = values[below] + (position - below) * (values[above] - values[below]);
        }
        return Arrays.stream(levels).distinct().toArray();
    }

    /**
     * All segments of all levels as one series, each segment followed by a NaN point, so the line
     * renderer draws them as one path with breaks (one draw call however many segments). The same
     * series appears twice: the halo and the line of {@link #renderer}.
     */
    static XYDataset dataset(double[] xs, double[] ys, double[][] z, double[] levels) {
        double[][] data = new double[2][64];
        int n = 0;
        for (double level : levels) {
            List<double[]> segments = MarchingSquares.segments(xs, ys, z, level);
            if (n + 3 * segments.size() > data[0].length) {
                int capacity = Math.max(2 * data[0].length, n + 3 * segments.size());
                data = new double[][] {Arrays.copyOf(data[0], capacity), Arrays.copyOf(data[1], capacity)};
            }
            for (double[] s : segments) {
                data[0][n] = s[0];
                data[1][n++] = s[1];
                data[0][n] = s[2];
                data[1][n++] = s[3];
                data[0][n] = Double.NaN;
                data[1][n++] = Double.NaN;
            }
        }
        double[][] lines = {Arrays.copyOf(data[0], n), Arrays.copyOf(data[1], n)};
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries("halo", lines);
        dataset.addSeries("contours", lines);
        return dataset;
    }

    /**
     * Thin dark-grey lines, not in the legend. Over a heat map each line gets a faint light halo
     * first (the dataset's first series), or it would vanish on the dark end of the colour scale.
     */
    static XYLineAndShapeRenderer renderer(boolean halo) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, halo ? HALO : DARK_GREY);
        renderer.setSeriesStroke(0, new BasicStroke(halo ? 3f : 1f));
        renderer.setSeriesPaint(1, DARK_GREY);
        renderer.setSeriesStroke(1, new BasicStroke(1f));
        renderer.setSeriesVisible(0, halo);
        renderer.setDefaultSeriesVisibleInLegend(false);
        return renderer;
    }
}

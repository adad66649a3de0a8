package org.adjoint.examples.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line/scatter plots.
 *
 * <p>Series are drawn in the order added, each in its own colour; points are joined in the order
 * given (not sorted by x). Points with a non-finite coordinate are skipped, so a line simply joins
 * the finite points on either side. A legend appears when there are two or more series. On a log10
 * axis every finite value must be positive.
 *
 * <p>A mutable builder: each configuring method changes this chart and returns it.
 */
public final class LineChart {

    static {
        Charts.headless();
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private final List<Series> series = new ArrayList<>();

    /** Finite points only; {@code markers} draws points instead of a line. */
    private record Series(String name, double[] x, double[] y, boolean markers) {
    }

    private LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** An empty chart with linear axes. */
    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /**
     * Makes the x axis logarithmic (base 10); returns this chart.
     *
     * @throws IllegalArgumentException if a series added already has a finite x ≤ 0
     */
    public LineChart logX() {
        for (Series s : series) {
            requirePositive(s.name(), "x", s.x());
        }
        this.logX = true;
        return this;
    }

    /**
     * Makes the y axis logarithmic (base 10); returns this chart.
     *
     * @throws IllegalArgumentException if a series added already has a finite y ≤ 0
     */
    public LineChart logY() {
        for (Series s : series) {
            requirePositive(s.name(), "y", s.y());
        }
        this.logY = true;
        return this;
    }

    /**
     * Adds a series drawn as a line through its points; returns this chart.
     *
     * @param x the x coordinates; copied
     * @param y the y coordinates, as many as x; copied
     * @throws IllegalArgumentException if the lengths differ, no point is finite, the name is taken,
     *     or a value is not positive on a log axis
     */
    public LineChart line(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /**
     * Adds a series drawn as points only; returns this chart.
     *
     * @param x the x coordinates; copied
     * @param y the y coordinates, as many as x; copied
     * @throws IllegalArgumentException as {@link #line}
     */
    public LineChart markers(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    /**
     * Renders the chart as a {@code width}×{@code height} PNG, creating parent directories and
     * replacing {@code file} only once the image is complete.
     *
     * @return {@code file}
     * @throws IllegalArgumentException if the chart has no series, or width or height is not positive
     */
    public Path save(Path file, int width, int height) throws IOException {
        if (series.isEmpty()) {
            throw new IllegalArgumentException(where() + ": no series to plot");
        }
        return Charts.save(chart(), where(), file, width, height);
    }

    private LineChart add(String name, double[] x, double[] y, boolean markers) {
        String where = where() + ", series '" + name + "'";
        for (Series s : series) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException(where + ": a series of that name exists already");
            }
        }
        double[][] points = Charts.finitePoints(where, x, y);
        if (logX) {
            requirePositive(name, "x", points[0]);
        }
        if (logY) {
            requirePositive(name, "y", points[1]);
        }
        series.add(new Series(name, points[0], points[1], markers));
        return this;
    }

    private JFreeChart chart() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], s.y()[i], false);
            }
            dataset.addSeries(xy);
            renderer.setSeriesPaint(k, Palette.series(k));
            renderer.setSeriesStroke(k, Palette.seriesStroke(k));
            renderer.setSeriesLinesVisible(k, !s.markers());
            renderer.setSeriesShapesVisible(k, s.markers());
        }
        XYPlot plot = new XYPlot(dataset, axis(xLabel, logX, 0), axis(yLabel, logY, 1), renderer);
        return Charts.chart(title, plot, series.size() > 1);
    }

    /** A linear axis, or a log10 axis with ticks at whole powers of ten when the data span two decades or more. */
    private ValueAxis axis(String label, boolean log, int coordinate) {
        if (log) {
            LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(Double.MIN_NORMAL);
            if (decades(coordinate) >= 2) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** log10(max / min) over all series' values of x (coordinate 0) or y (1). */
    private double decades(int coordinate) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : coordinate == 0 ? s.x() : s.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.log10(max / min);
    }

    private void requirePositive(String name, String coordinate, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException(where() + ", series '" + name + "': " + coordinate + " = " + values[i]
                        + " is not positive and cannot be shown on a log " + coordinate + " axis");
            }
        }
    }

    private String where() {
        return "LineChart '" + title + "'";
    }
}

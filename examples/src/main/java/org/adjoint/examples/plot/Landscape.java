package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D landscape z = f(x, y) on a grid: heat map with colour bar, contour lines, and overlays.
 *
 * <p>Layers, bottom to top: the heat map (a viridis-like colour scale spread linearly over the
 * grid's range of values), the contour lines (dark grey), the paths (each in its own colour, with an
 * open ring at its start and a filled square at its end), and the labelled points. The axes span
 * exactly the grid, so overlays that leave it are clipped, not allowed to stretch the picture. Grid
 * values that are NaN or infinite count as missing: no colour, no contour through their cells. Path
 * points with a non-finite coordinate are skipped. A legend of the paths appears when there are two
 * or more.
 *
 * <p>A mutable builder: each configuring method changes this landscape and returns it.
 */
public final class Landscape {

    static {
        Charts.headless();
    }

    private static final int DEFAULT_CONTOURS = 12;
    private static final Font POINT_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    private boolean heatMap = true;
    private String zLabel = "f";
    private int contourCount = DEFAULT_CONTOURS;
    private double[] levels;
    private final List<Trajectory> paths = new ArrayList<>();
    private final List<Marker> points = new ArrayList<>();

    private record Trajectory(String name, double[] x, double[] y) {
    }

    private record Marker(String label, double x, double y) {
    }

    private Landscape(String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] z) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xs = xs;
        this.ys = ys;
        this.z = z;
    }

    /**
     * A landscape with a heat map and 12 quantile-spaced contour levels.
     *
     * @param xs the grid's x coordinates, finite and strictly increasing, at least two; copied
     * @param ys the grid's y coordinates, finite and strictly increasing, at least two; copied
     * @param z {@code z[i][j]} is the value at {@code (xs[i], ys[j])}; copied, so later changes by
     *     the caller do not show
     * @throws IllegalArgumentException if a grid axis is too short, not finite or not strictly
     *     increasing, if z's shape does not match, or if no value of z is finite
     */
    public static Landscape of(String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] z) {
        String where = "Landscape '" + title + "'";
        requireGridAxis(where, "xs", xs);
        requireGridAxis(where, "ys", ys);
        MarchingSquares.requireShape(where, xs, ys, z);
        double[][] copy = new double[xs.length][];
        boolean anyFinite = false;
        for (int i = 0; i < xs.length; i++) {
            copy[i] = z[i].clone();
            for (int j = 0; j < ys.length; j++) {
                if (Double.isFinite(copy[i][j])) {
                    anyFinite = true;
                } else {
                    copy[i][j] = Double.NaN;
                }
            }
        }
        if (!anyFinite) {
            throw new IllegalArgumentException(where + ": none of the " + xs.length + "×" + ys.length + " values of z is finite");
        }
        return new Landscape(title, xLabel, yLabel, xs.clone(), ys.clone(), copy);
    }

    /** Turns the heat map and its colour bar on (the default) or off; returns this landscape. */
    public Landscape heatMap(boolean on) {
        this.heatMap = on;
        return this;
    }

    /** Sets the title of the colour bar, the name of the plotted value (default "f"); returns this landscape. */
    public Landscape zLabel(String label) {
        this.zLabel = label;
        return this;
    }

    /**
     * Draws {@code count} contour levels at the quantiles k/(count+1) of the grid's values (equal
     * quantiles merge), so narrow valleys still get lines; 0 draws none; returns this landscape.
     * Replaces any explicit levels.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Landscape contours(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Landscape '" + title + "': contour count must be ≥ 0, got " + count);
        }
        this.contourCount = count;
        this.levels = null;
        return this;
    }

    /**
     * Draws contours at exactly these levels instead of quantile-spaced ones; none draws no
     * contours; returns this landscape.
     *
     * @throws IllegalArgumentException if a level is not finite
     */
    public Landscape contourLevels(double... levels) {
        for (double level : levels) {
            if (!Double.isFinite(level)) {
                throw new IllegalArgumentException("Landscape '" + title + "': contour levels must be finite, got "
                        + Arrays.toString(levels));
            }
        }
        this.levels = Arrays.stream(levels).sorted().distinct().toArray();
        return this;
    }

    /**
     * Adds a trajectory drawn over the map, in its own colour; returns this landscape. Points with a
     * non-finite coordinate are skipped; parts outside the grid are clipped.
     *
     * @throws IllegalArgumentException if the arrays differ in length, have no finite point, or
     *     another path has the same name
     */
    public Landscape path(String name, double[] x, double[] y) {
        String where = "Landscape '" + title + "', path '" + name + "'";
        for (Trajectory p : paths) {
            if (p.name().equals(name)) {
                throw new IllegalArgumentException(where + ": a path of that name exists already");
            }
        }
        double[][] points = Charts.finitePoints(where, x, y);
        paths.add(new Trajectory(name, points[0], points[1]));
        return this;
    }

    /**
     * Adds a labelled marker, such as a minimum or a saddle; returns this landscape.
     *
     * @throws IllegalArgumentException if x or y is not finite
     */
    public Landscape point(String label, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Landscape '" + title + "', point '" + label
                    + "': coordinates must be finite, got (" + x + ", " + y + ")");
        }
        points.add(new Marker(label, x, y));
        return this;
    }

    /**
     * Renders the landscape as a {@code width}×{@code height} PNG, creating parent directories and
     * replacing {@code file} only once the image is complete.
     *
     * @return {@code file}
     * @throws IllegalArgumentException if width or height is not positive
     */
    public Path save(Path file, int width, int height) throws IOException {
        return Charts.save(chart(), "Landscape '" + title + "'", file, width, height);
    }

    private JFreeChart chart() {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(gridAxis(xLabel, xs));
        plot.setRangeAxis(gridAxis(yLabel, ys));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        int layer = 0;
        LookupPaintScale scale = null;
        if (heatMap) {
            scale = HeatMap.scale(z);
            plot.setDataset(layer, HeatMap.dataset(xs, ys, z));
            plot.setRenderer(layer++, HeatMap.renderer(scale, xs, ys));
        }
        double[] contourAt = levels != null ? levels
                : contourCount == 0 ? new double[0] : Contours.quantileLevels(z, contourCount);
        if (contourAt.length > 0) {
            plot.setDataset(layer, Contours.dataset(xs, ys, z, contourAt));
            plot.setRenderer(layer++, Contours.renderer(heatMap));
        }
        if (!paths.isEmpty()) {
            addPaths(plot, layer++);
        }
        if (!points.isEmpty()) {
            addPoints(plot, layer);
        }
        JFreeChart chart = Charts.chart(title, plot, paths.size() > 1);
        if (scale != null) {
            chart.addSubtitle(HeatMap.colourBar(scale, zLabel));
        }
        return chart;
    }

    private void addPaths(XYPlot plot, int layer) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        int[] counts = new int[paths.size()];
        for (int s = 0; s < paths.size(); s++) {
            Trajectory p = paths.get(s);
            XYSeries series = new XYSeries(p.name(), false, true);
            for (int k = 0; k < p.x().length; k++) {
                series.add(p.x()[k], p.y()[k], false);
            }
            dataset.addSeries(series);
            counts[s] = p.x().length;
        }
        plot.setDataset(layer, dataset);
        plot.setRenderer(layer, new PathRenderer(counts));
    }

    /** White diamonds outlined in black, each with its label on a short pointer up and to the right. */
    private void addPoints(XYPlot plot, int layer) {
        XYSeries series = new XYSeries("points", false, true);
        for (Marker m : points) {
            series.add(m.x(), m.y(), false);
            XYPointerAnnotation label = new XYPointerAnnotation(m.label(), m.x(), m.y(), -Math.PI / 4);
            label.setFont(POINT_FONT);
            label.setTipRadius(8);
            label.setBaseRadius(22);
            label.setArrowLength(5);
            label.setArrowWidth(3);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            label.setBackgroundPaint(new Color(255, 255, 255, 210));
            plot.addAnnotation(label, false);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, ShapeUtils.createDiamond(6f));
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setUseFillPaint(true);
        renderer.setSeriesFillPaint(0, Color.WHITE);
        renderer.setDrawOutlines(true);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        renderer.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(layer, new XYSeriesCollection(series));
        plot.setRenderer(layer, renderer);
    }

    private static NumberAxis gridAxis(String label, double[] grid) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(grid[0], grid[grid.length - 1]);
        return axis;
    }

    private static void requireGridAxis(String where, String name, double[] grid) {
        if (grid == null || grid.length < 2) {
            throw new IllegalArgumentException(where + ": " + name + " needs at least 2 values, got "
                    + (grid == null ? "null" : Arrays.toString(grid)));
        }
        for (int k = 0; k < grid.length; k++) {
            if (!Double.isFinite(grid[k]) || (k > 0 && !(grid[k] > grid[k - 1]))) {
                throw new IllegalArgumentException(where + ": " + name + " must be finite and strictly increasing, but "
                        + name + "[" + k + "] = " + grid[k] + (k > 0 ? " after " + name + "[" + (k - 1) + "] = " + grid[k - 1] : ""));
            }
        }
    }
}

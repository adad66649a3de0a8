package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/** What every chart shares: headless mode, fonts and colours, input checks, and saving a PNG. */
final class Charts {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xDDDDDD);

    private Charts() {
    }

    /** Sets {@code java.awt.headless=true} unless someone chose already; must run before AWT starts. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A chart around {@code plot} with our fonts, a white background and a legend if asked. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LEGEND_FONT);
            legendTitle.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /**
     * The points of a series whose coordinates are both finite, as {@code {xs, ys}}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or no point is finite
     */
    static double[][] finitePoints(String where, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(where + ": x and y must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(where + ": x has " + x.length + " values but y has " + y.length);
        }
        double[] fx = new double[x.length];
        double[] fy = new double[y.length];
        int n = 0;
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                fx[n] = x[k];
                fy[n++] = y[k];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(where + (x.length == 0 ? ": no points"
                    : ": none of its " + x.length + " points is finite (x = " + preview(x) + ", y = " + preview(y) + ")"));
        }
        return new double[][] {Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)};
    }

    /** The first few values of an array, for error messages. */
    static String preview(double[] values) {
        int shown = Math.min(values.length, 5);
        String head = Arrays.toString(Arrays.copyOf(values, shown));
        return shown < values.length ? head.substring(0, head.length() - 1) + ", ...]" : head;
    }

    /**
     * Renders {@code chart} as a {@code width}×{@code height} PNG into {@code file}, creating parent
     * directories. The image goes to a temporary file in the same directory first and is then moved
     * into place, so readers never see half a file.
     */
    static Path save(JFreeChart chart, String what, Path file, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(what + ": width and height must be positive, got " + width + "×" + height);
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

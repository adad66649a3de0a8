package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYBlockRenderer} whose blocks follow the grid: the block of grid point (xs[i], ys[j])
 * reaches halfway to each neighbour (and as far again past the grid's first and last points), so
 * a non-uniform grid is tiled without gaps or overlaps. On a uniform grid this is the plain block
 * renderer with the grid spacing as block size.
 */
final class GridBlockRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;
    private static final Stroke SEAM = new BasicStroke(1f);

    private final double[] xs;
    private final double[] ys;
    private final double[] xEdges;
    private final double[] yEdges;

    /** Blocks for data at the points of the grid {@code xs} × {@code ys} (each increasing). */
    GridBlockRenderer(double[] xs, double[] ys) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.xEdges = edges(xs);
        this.yEdges = edges(ys);
        setBlockWidth((xs[xs.length - 1] - xs[0]) / (xs.length - 1));
        setBlockHeight((ys[ys.length - 1] - ys[0]) / (ys.length - 1));
    }

    private static double[] edges(double[] grid) {
        int n = grid.length;
        double[] e = new double[n + 1];
        e[0] = grid[0] - (grid[1] - grid[0]) / 2;
        for (int k = 1; k < n; k++) {
            e[k] = (grid[k - 1] + grid[k]) / 2;
        }
        e[n] = grid[n - 1] + (grid[n - 1] - grid[n - 2]) / 2;
        return e;
    }

    /** Fills the item's grid block with its colour (and outlines it in the same colour, so antialiasing leaves no seams). */
    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        int i = Arrays.binarySearch(xs, dataset.getXValue(series, item));
        int j = Arrays.binarySearch(ys, dataset.getYValue(series, item));
        if (i < 0 || j < 0) {
            return;
        }
        double x0 = domainAxis.valueToJava2D(xEdges[i], dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(xEdges[i + 1], dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(yEdges[j], dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(yEdges[j + 1], dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(((XYZDataset) dataset).getZValue(series, item)));
        g2.fill(block);
        g2.setStroke(SEAM);
        g2.draw(block);
    }
}

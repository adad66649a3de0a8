package org.adjoint.examples.plot;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Draws the trajectories of a {@link Landscape}: a line through each path's points with small dots,
 * an open ring at the start and a filled square at the end. Long paths get a dot on every k-th point
 * only, so that at most about {@value #MAX_DOTS} dots blur the line.
 */
final class PathRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DOTS = 40;
    private static final Shape DOT = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
    private static final Shape START = new Ellipse2D.Double(-6, -6, 12, 12);
    private static final Shape END = new Rectangle2D.Double(-5, -5, 10, 10);

    /** The number of points in each series, to find each path's first and last point. */
    private final int[] counts;

    PathRenderer(int[] counts) {
        super(true, true);
        this.counts = counts.clone();
        setDrawSeriesLineAsPath(true);
        setDefaultStroke(new BasicStroke(2f));
        setAutoPopulateSeriesStroke(false);
        setDefaultOutlineStroke(new BasicStroke(2f));
        setAutoPopulateSeriesOutlineStroke(false);
        setUseOutlinePaint(false);
        setDefaultShape(DOT);
        setAutoPopulateSeriesShape(false);
        for (int s = 0; s < counts.length; s++) {
            setSeriesPaint(s, Palette.path(s));
        }
    }

    @Override
    public Shape getItemShape(int series, int item) {
        if (item == 0) {
            return START;
        }
        return item == counts[series] - 1 ? END : DOT;
    }

    @Override
    public boolean getItemShapeFilled(int series, int item) {
        return item != 0;
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        int stride = (counts[series] + MAX_DOTS - 1) / MAX_DOTS;
        return item == 0 || item == counts[series] - 1 || item % stride == 0;
    }
}

package org.adjoint.examples.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines by marching squares (JFreeChart 1.5 has no contour plot).
 *
 * <p>Each grid cell is classified by which of its four corners lie at or above the level
 * ({@code z ≥ level}). An edge whose two corners fall on different sides is cut where the linear
 * interpolation of z along it equals the level; a cell cut on two edges gives one segment. A cell cut
 * on all four edges is a saddle: the average of its corners stands for the value at its centre, and
 * the corners on the centre's side are taken as connected through the middle, so the two segments
 * cut off the other two corners. The cut point of an edge shared by two cells is computed the same
 * way from both, so the segments of a level join exactly.
 */
public final class MarchingSquares {

    private MarchingSquares() {
    }

    /**
     * Line segments of the level set z = level: each element is {x1, y1, x2, y2}, linearly
     * interpolated along cell edges; saddle cells resolved by the cell-centre average. Cells with a
     * NaN corner are skipped.
     *
     * @param xs the grid's x coordinates, increasing
     * @param ys the grid's y coordinates, increasing
     * @param z {@code z[i][j]} is the value at {@code (xs[i], ys[j])}; not modified
     * @param level the value whose level set is traced
     * @return the segments, in no particular order; empty when the level is never crossed
     * @throws IllegalArgumentException if z's shape does not match xs and ys
     */
    public static List<double[]> segments(double[] xs, double[] ys, double[][] z, double level) {
        requireShape("MarchingSquares", xs, ys, z);
        List<double[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                cell(xs, ys, z, level, i, j, segments);
            }
        }
        return segments;
    }

    /** The segments of cell (i, j), whose corners are 0 = (i, j), 1 = (i+1, j), 2 = (i+1, j+1), 3 = (i, j+1). */
    private static void cell(double[] xs, double[] ys, double[][] z, double level, int i, int j, List<double[]> out) {
        double z0 = z[i][j];
        double z1 = z[i + 1][j];
        double z2 = z[i + 1][j + 1];
        double z3 = z[i][j + 1];
        if (Double.isNaN(z0) || Double.isNaN(z1) || Double.isNaN(z2) || Double.isNaN(z3)) {
            return;
        }
        boolean a0 = z0 >= level;
        boolean a1 = z1 >= level;
        boolean a2 = z2 >= level;
        boolean a3 = z3 >= level;
        // Cut points on the bottom, right, top and left edges; null where the edge is not cut.
        double[] bottom = a0 == a1 ? null : new double[] {cut(xs[i], xs[i + 1], z0, z1, level), ys[j]};
        double[] right = a1 == a2 ? null : new double[] {xs[i + 1], cut(ys[j], ys[j + 1], z1, z2, level)};
        double[] top = a3 == a2 ? null : new double[] {cut(xs[i], xs[i + 1], z3, z2, level), ys[j + 1]};
        double[] left = a0 == a3 ? null : new double[] {xs[i], cut(ys[j], ys[j + 1], z0, z3, level)};
        if (bottom != null && right != null && top != null && left != null) {
            boolean centreAbove = (z0 + z1 + z2 + z3) / 4 >= level;
            if (a0 != centreAbove) {
                // Corners 0 and 2 are cut off; 1 and 3 connect through the centre.
                add(out, bottom, left);
                add(out, right, top);
            } else {
                add(out, bottom, right);
                add(out, top, left);
            }
            return;
        }
        double[] first = null;
        for (double[] p : new double[][] {bottom, right, top, left}) {
            if (p == null) {
                continue;
            }
            if (first == null) {
                first = p;
            } else {
                add(out, first, p);
            }
        }
    }

    /** Where the linear interpolation from (p, zp) to (q, zq) takes the value {@code level}. */
    private static double cut(double p, double q, double zp, double zq, double level) {
        double t = (level - zp) / (zq - zp);
        return p + t * (q - p);
    }

    private static void add(List<double[]> out, double[] p, double[] q) {
        if (p[0] != q[0] || p[1] != q[1]) {
            out.add(new double[] {p[0], p[1], q[0], q[1]});
        }
    }

    /** Checks that z has one row per x and one column per y; {@code where} starts the message. */
    static void requireShape(String where, double[] xs, double[] ys, double[][] z) {
        if (xs == null || ys == null || z == null) {
            throw new IllegalArgumentException(where + ": xs, ys and z must not be null");
        }
        if (z.length != xs.length) {
            throw new IllegalArgumentException(where + ": z has " + z.length + " rows but xs has " + xs.length + " values");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != ys.length) {
                throw new IllegalArgumentException(where + ": z[" + i + "] has " + (z[i] == null ? "no" : z[i].length)
                        + " values but ys has " + ys.length);
            }
        }
    }
}

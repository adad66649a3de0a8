package org.adjoint.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarchingSquaresTest {

    private static final int N = 101;
    private static final double H = 4.0 / (N - 1);
    private static final double[] GRID = grid();
    private static final double[][] BOWL = bowl();

    private static double[] grid() {
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            g[i] = -2 + 4.0 * i / (N - 1);
        }
        return g;
    }

    /** z = x² + y² on [-2, 2]²: the level r² is the circle of radius r. */
    private static double[][] bowl() {
        double[][] z = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                z[i][j] = GRID[i] * GRID[i] + GRID[j] * GRID[j];
            }
        }
        return z;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 1.7})
    void circleEndpointsLieOnTheCircle(double r) {
        List<double[]> segments = MarchingSquares.segments(GRID, GRID, BOWL, r * r);
        assertTrue(segments.size() > 20, "too few segments: " + segments.size());
        // Linear interpolation of x² along an edge of length h is off by at most h²/4 in z, so by
        // about h²/(8r) in radius; allow twice that.
        double tolerance = H * H / (4 * r);
        for (double[] s : segments) {
            assertEquals(r, Math.hypot(s[0], s[1]), tolerance, () -> Arrays.toString(s));
            assertEquals(r, Math.hypot(s[2], s[3]), tolerance, () -> Arrays.toString(s));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 1.7})
    void circleLengthIsTwoPiR(double r) {
        double length = MarchingSquares.segments(GRID, GRID, BOWL, r * r).stream()
                .mapToDouble(s -> Math.hypot(s[2] - s[0], s[3] - s[1])).sum();
        assertEquals(2 * Math.PI * r, length, 0.01 * 2 * Math.PI * r);
    }

    /** Neighbouring cells cut their shared edge at the same point, so the circle closes up exactly. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.7})
    void circleIsClosed(double r) {
        Map<String, Integer> degree = new HashMap<>();
        for (double[] s : MarchingSquares.segments(GRID, GRID, BOWL, r * r)) {
            degree.merge(s[0] + "," + s[1], 1, Integer::sum);
            degree.merge(s[2] + "," + s[3], 1, Integer::sum);
        }
        degree.forEach((point, d) -> assertEquals(2, d, point));
    }

    @Test
    void levelOutsideTheRangeGivesNoSegments() {
        assertTrue(MarchingSquares.segments(GRID, GRID, BOWL, 8.5).isEmpty());
        assertTrue(MarchingSquares.segments(GRID, GRID, BOWL, -1).isEmpty());
    }

    @Test
    void cellWithNaNCornerIsSkipped() {
        double[] xs = {0, 1, 2};
        double[] ys = {0, 1};
        double[][] z = {{0, 0}, {1, 1}, {2, Double.NaN}};
        List<double[]> left = MarchingSquares.segments(xs, ys, z, 0.5);
        assertEquals(1, left.size());
        assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, left.get(0), 1e-12);
        assertTrue(MarchingSquares.segments(xs, ys, z, 1.5).isEmpty());
    }

    @Test
    void nanCornerOnTheCircleLeavesAGapOfFourCells() {
        double[][] z = Arrays.stream(BOWL).map(double[]::clone).toArray(double[][]::new);
        int i = 92;
        int j = 50;
        z[i][j] = Double.NaN; // (1.68, 0), just inside the circle of radius 1.7
        List<double[]> all = MarchingSquares.segments(GRID, GRID, BOWL, 1.7 * 1.7);
        List<double[]> holed = MarchingSquares.segments(GRID, GRID, z, 1.7 * 1.7);
        double[] x = {GRID[i - 1], GRID[i + 1]};
        double[] y = {GRID[j - 1], GRID[j + 1]};
        long near = all.stream().filter(s -> inside(s, x, y)).count();
        assertTrue(near >= 2, "the circle should cross the cells around the NaN corner");
        assertEquals(all.size() - near, holed.size());
        assertTrue(holed.stream().noneMatch(s -> inside(s, x, y)));
    }

    private static boolean inside(double[] s, double[] x, double[] y) {
        double mx = (s[0] + s[2]) / 2;
        double my = (s[1] + s[3]) / 2;
        return mx > x[0] && mx < x[1] && my > y[0] && my < y[1];
    }

    /** A saddle cell with high corners (0,0) and (1,1), low corners (1,0) and (0,1); its centre averages 0.5. */
    @Test
    void saddleFollowsTheCentreAverage() {
        double[] xs = {0, 1};
        double[] ys = {0, 1};
        double[][] z = {{1, 0}, {0, 1}};
        // Level 0.5: the centre counts as high, so the high corners connect and the low ones are cut off.
        List<double[]> atHalf = MarchingSquares.segments(xs, ys, z, 0.5);
        assertEquals(2, atHalf.size());
        assertArrayEquals(new double[] {0.5, 0, 1, 0.5}, atHalf.get(0), 1e-12);
        assertArrayEquals(new double[] {0.5, 1, 0, 0.5}, atHalf.get(1), 1e-12);
        // Level 0.6: the centre is low, so the high corners are cut off.
        List<double[]> above = MarchingSquares.segments(xs, ys, z, 0.6);
        assertEquals(2, above.size());
        assertArrayEquals(new double[] {0.4, 0, 0, 0.4}, above.get(0), 1e-12);
        assertArrayEquals(new double[] {1, 0.6, 0.6, 1}, above.get(1), 1e-12);
    }

    @Test
    void shapeMismatchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarchingSquares.segments(new double[] {0, 1, 2}, new double[] {0, 1}, new double[][] {{0, 0}, {1, 1}}, 0.5));
        assertTrue(e.getMessage().contains("2 rows") && e.getMessage().contains("3 values"), e.getMessage());
    }
}

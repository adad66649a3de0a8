package org.adjoint.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContoursTest {

    @Test
    void levelsSitAtQuantilesIgnoringNaN() {
        double[][] z = new double[10][11];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                z[i][j] = 10 * i + j;
            }
            z[i][10] = Double.NaN;
        }
        // The values 0..99: the k/5 quantiles interpolate at positions 19.8, 39.6, 59.4 and 79.2.
        assertArrayEquals(new double[] {19.8, 39.6, 59.4, 79.2}, Contours.quantileLevels(z, 4), 1e-9);
    }

    @Test
    void levelsCrowdWhereTheValuesAre() {
        double[] xs = LandscapeTest.linspace(-2, 2, 120);
        double[] ys = LandscapeTest.linspace(-1, 3, 100);
        double[][] z = LandscapeTest.sample(xs, ys, (x, y) -> 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x));
        double[] levels = Contours.quantileLevels(z, 12);
        // Rosenbrock's values reach 2500, but half of the grid lies below about 400.
        assertTrue(levels[5] < 500, "median-ish level " + levels[5]);
        assertTrue(levels[0] < 40, "lowest level " + levels[0]);
    }

    @Test
    void equalQuantilesMerge() {
        double[][] flat = {{3, 3}, {3, 3}};
        assertArrayEquals(new double[] {3}, Contours.quantileLevels(flat, 12));
    }
}

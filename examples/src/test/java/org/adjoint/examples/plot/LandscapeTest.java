package org.adjoint.examples.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeTest {

    @TempDir
    Path dir;

    static double[] linspace(double a, double b, int n) {
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = a + (b - a) * k / (n - 1);
        }
        return g;
    }

    static double[][] sample(double[] xs, double[] ys, DoubleBinaryOperator f) {
        double[][] z = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                z[i][j] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return z;
    }

    private static double rosenbrock(double x, double y) {
        return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
    }

    private static Landscape rosenbrock() {
        double[] xs = linspace(-2, 2, 120);
        double[] ys = linspace(-1, 3, 100);
        return Landscape.of("Rosenbrock", "x", "y", xs, ys, sample(xs, ys, LandscapeTest::rosenbrock));
    }

    @Test
    void rosenbrockWithPathAndPoint() throws IOException {
        // A path that starts inside and wanders off the grid: the axes must not grow to follow it.
        double[] px = {-1.2, -0.9, -0.5, 0.1, 0.6, 0.9, 1.0, 3.5};
        double[] py = {1.0, 0.8, 0.3, 0.0, 0.35, 0.8, 1.0, 4.0};
        Path file = rosenbrock().zLabel("f(x, y)")
                .path("gradient descent", px, py)
                .point("minimum", 1, 1)
                .save(dir.resolve("rosenbrock.png"), 800, 600);
        BufferedImage image = PngAssertions.assertPng(file, 800, 600);
        long heat = rampColoursInPlot(image);
        assertTrue(heat >= HeatMap.STEPS / 2, "only " + heat + " of the " + HeatMap.STEPS + " heat-map colours show");
    }

    /** How many ramp colours cover 20 pixels or more left of the colour bar (the right quarter). */
    private static long rampColoursInPlot(BufferedImage image) {
        Map<Integer, Integer> counts = PngAssertions.colourCounts(
                image.getSubimage(0, 0, image.getWidth() * 3 / 4, image.getHeight()));
        return Arrays.stream(Palette.ramp(HeatMap.STEPS)).filter(c -> counts.getOrDefault(c.getRGB(), 0) >= 20).count();
    }

    @Test
    void heatMapOnlyAndContoursOnly() throws IOException {
        BufferedImage heat = PngAssertions.assertPng(rosenbrock().contours(0).save(dir.resolve("heat.png"), 400, 300), 400, 300);
        assertTrue(rampColoursInPlot(heat) >= HeatMap.STEPS / 2, "heat-map colours: " + rampColoursInPlot(heat));
        BufferedImage lines = PngAssertions.assertPng(rosenbrock().heatMap(false).save(dir.resolve("lines.png"), 400, 300), 400, 300);
        assertTrue(rampColoursInPlot(lines) == 0, "heatMap(false) still draws a heat map");
        PngAssertions.assertPng(rosenbrock().heatMap(false).contourLevels(1, 10, 100)
                .save(dir.resolve("levels.png"), 400, 300), 400, 300);
    }

    @Test
    void nonUniformGridAndMissingValuesRender() throws IOException {
        double[] xs = {-1, -0.5, 0, 0.2, 0.3, 1, 2};
        double[] ys = linspace(-1, 1, 9);
        double[][] z = sample(xs, ys, (x, y) -> x * x - y * y);
        z[3][4] = Double.NaN;
        z[5][2] = Double.POSITIVE_INFINITY;
        Landscape landscape = Landscape.of("Saddle", "x", "y", xs, ys, z)
                .path("a", new double[] {-1, 0, 1}, new double[] {1, Double.NaN, -1})
                .path("b", new double[] {0, 0}, new double[] {-1, 1})
                .point("saddle", 0, 0);
        PngAssertions.assertPng(landscape.save(dir.resolve("saddle.png"), 500, 400), 500, 400);
    }

    @Test
    void badInputIsRejectedWithTheValues() {
        double[] xs = linspace(0, 1, 4);
        double[] ys = linspace(0, 1, 3);
        double[][] z = new double[4][3];
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Landscape.of("L", "x", "y", xs, ys, new double[4][2]));
        assertTrue(shape.getMessage().contains("'L'") && shape.getMessage().contains("2 values"), shape.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> Landscape.of("L", "x", "y", new double[] {0, 1, 1, 2}, ys, z));
        assertTrue(order.getMessage().contains("xs[2] = 1.0"), order.getMessage());
        double[][] nan = sample(xs, ys, (x, y) -> Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> Landscape.of("L", "x", "y", xs, ys, nan));
        Landscape ok = Landscape.of("L", "x", "y", xs, ys, z);
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> ok.path("gd", new double[] {0, 1}, new double[] {0}));
        assertTrue(path.getMessage().contains("'gd'"), path.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ok.point("p", Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> ok.contours(-1));
        assertThrows(IllegalArgumentException.class, () -> ok.save(dir.resolve("x.png"), 100, -1));
    }
}

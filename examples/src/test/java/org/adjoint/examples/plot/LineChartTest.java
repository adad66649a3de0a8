package org.adjoint.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    @TempDir
    Path dir;

    private static double[] steps(int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k + 1;
        }
        return t;
    }

    @Test
    void logLogChartWithTwoSeries() throws IOException {
        double[] t = steps(200);
        double[] gd = new double[t.length];
        double[] momentum = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            gd[k] = 10 / t[k];
            momentum[k] = 10 * Math.pow(0.97, t[k]);
        }
        Path file = dir.resolve("nested/deeper/loss.png");
        Path saved = LineChart.of("Loss", "iteration", "f(x) − f*").logX().logY()
                .line("gradient descent", t, gd)
                .markers("momentum", t, momentum)
                .save(file, 640, 480);
        assertEquals(file, saved);
        PngAssertions.assertPng(file, 640, 480);
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file should be left behind");
        }
    }

    @Test
    void nonFinitePointsAreSkipped() throws IOException {
        double[] x = {1, 2, Double.NaN, 4, 5};
        double[] y = {1, Double.POSITIVE_INFINITY, 3, 2, 1};
        Path file = LineChart.of("Gaps", "x", "y").line("y", x, y).save(dir.resolve("gaps.png"), 300, 200);
        PngAssertions.assertPng(file, 300, 200);
    }

    @Test
    void nonPositiveValueOnLogAxisIsRejectedWithTheValue() {
        double[] x = {1, 2, 3};
        double[] y = {1, -0.25, 3};
        IllegalArgumentException added = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("Loss", "t", "f").logY().line("sgd", x, y));
        assertTrue(added.getMessage().contains("-0.25") && added.getMessage().contains("sgd"), added.getMessage());
        LineChart linear = LineChart.of("Loss", "t", "f").line("sgd", new double[] {0, 1}, new double[] {1, 2});
        IllegalArgumentException switched = assertThrows(IllegalArgumentException.class, linear::logX);
        assertTrue(switched.getMessage().contains("x = 0.0"), switched.getMessage());
    }

    @Test
    void mismatchedLengthsNameTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("Loss", "t", "f").line("adam", new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'adam'") && e.getMessage().contains("3") && e.getMessage().contains("2"),
                e.getMessage());
    }

    @Test
    void emptyOrNaNOnlySeriesAndBadSizesAreRejected() {
        LineChart chart = LineChart.of("Loss", "t", "f");
        assertThrows(IllegalArgumentException.class, () -> chart.line("empty", new double[0], new double[0]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> chart.line("nan", new double[] {1, 2}, new double[] {Double.NaN, Double.NaN}));
        assertTrue(nan.getMessage().contains("'nan'"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.save(dir.resolve("none.png"), 100, 100));
        chart.line("ok", new double[] {1, 2}, new double[] {3, 4});
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> chart.save(dir.resolve("bad.png"), 0, 100));
        assertTrue(size.getMessage().contains("0×100") && size.getMessage().contains("'Loss'"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.line("ok", new double[] {1}, new double[] {1}));
    }

    @Test
    void seriesBeyondThePaletteAreDashedThenDotted() {
        int colours = 9;
        assertEquals(null, Palette.seriesStroke(0).getDashArray());
        assertEquals(Palette.series(0), Palette.series(colours));
        assertTrue(Palette.seriesStroke(colours).getDashArray() != null, "the second cycle is dashed");
        assertTrue(Palette.seriesStroke(2 * colours).getDashArray() != null, "the third cycle is dotted");
        assertTrue(!java.util.Arrays.equals(Palette.seriesStroke(colours).getDashArray(),
                Palette.seriesStroke(2 * colours).getDashArray()));
        assertEquals(2f, Palette.seriesStroke(2 * colours).getLineWidth());
    }
}

package org.adjoint.examples.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.train.LabeledData;
import org.junit.jupiter.api.Test;

/** The augmentation: whole-pixel translations with a zero border, reproducible, new shifts per batch. */
class ShiftedTest {

    private static final int SIDE = 5;

    /** n images, each a single 1 at the centre (2, 2). */
    private static LabeledData dots(int n) {
        double[] pixels = new double[n * SIDE * SIDE];
        for (int k = 0; k < n; k++) {
            pixels[k * SIDE * SIDE + 2 * SIDE + 2] = 1;
        }
        return new LabeledData(Tensor.of(Shape.of(n, SIDE * SIDE), pixels), new int[n]);
    }

    @Test
    void eachImageIsTheOriginalMovedByAtMostMaxShiftWithItsMassKept() {
        Shifted data = new Shifted(dots(40), SIDE, 2, 7);
        double[] out = data.batch(range(40)).inputs().toArray();
        int moved = 0;
        for (int k = 0; k < 40; k++) {
            int at = -1;
            double sum = 0;
            for (int p = 0; p < SIDE * SIDE; p++) {
                sum += out[k * SIDE * SIDE + p];
                at = out[k * SIDE * SIDE + p] == 1 ? p : at;
            }
            assertEquals(1, sum, "image " + k + " keeps its single dot");
            assertTrue(Math.abs(at / SIDE - 2) <= 2 && Math.abs(at % SIDE - 2) <= 2, "image " + k + " dot at " + at);
            moved += at == 2 * SIDE + 2 ? 0 : 1;
        }
        assertTrue(moved > 20, "most of 40 dots move (each stays with probability 1/25): " + moved);
    }

    @Test
    void pixelsShiftedOutAreDroppedAndTheBorderIsZero() {
        double[] ramp = new double[SIDE * SIDE];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = p + 1;
        }
        LabeledData one = new LabeledData(Tensor.of(Shape.of(1, SIDE * SIDE), ramp), new int[] {0});
        for (long seed = 0; seed < 20; seed++) {
            double[] out = new Shifted(one, SIDE, 1, seed).batch(new int[] {0}).inputs().toArray();
            int dy = -1;
            int dx = -1;
            for (int y = -1; y <= 1; y++) {
                for (int x = -1; x <= 1; x++) {
                    if (out[(1 + y) * SIDE + 1 + x] == ramp[SIDE + 1]) {
                        dy = y;
                        dx = x;
                    }
                }
            }
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int sy = y - dy;
                    int sx = x - dx;
                    double expected = sy < 0 || sy >= SIDE || sx < 0 || sx >= SIDE ? 0 : ramp[sy * SIDE + sx];
                    assertEquals(expected, out[y * SIDE + x], "seed " + seed + " pixel (" + y + ", " + x + ")");
                }
            }
        }
    }

    @Test
    void theSameSeedAndBatchGiveTheSameImagesAndAnotherBatchOrderOthers() {
        Shifted a = new Shifted(dots(30), SIDE, 2, 3);
        Shifted b = new Shifted(dots(30), SIDE, 2, 3);
        int[] order = range(30);
        assertArrayEquals(a.batch(order).inputs().toArray(), b.batch(order).inputs().toArray());
        int[] reversed = new int[30];
        for (int i = 0; i < 30; i++) {
            reversed[i] = 29 - i;
        }
        assertNotEquals(java.util.Arrays.toString(a.batch(order).inputs().toArray()),
                java.util.Arrays.toString(a.batch(reversed).inputs().toArray()));
        assertArrayEquals(dots(30).inputs().toArray(), new Shifted(dots(30), SIDE, 0, 3).batch(order).inputs().toArray());
    }

    @Test
    void refusesRowsThatAreNotSquareImagesAndTooLargeShifts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shifted(dots(2), 4, 1, 0));
        assertTrue(e.getMessage().contains("Shifted") && e.getMessage().contains("25"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Shifted(dots(2), SIDE, 5, 0));
        assertTrue(e.getMessage().contains("maxShift") && e.getMessage().contains("5"), e.getMessage());
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        java.util.Arrays.setAll(r, i -> i);
        return r;
    }
}

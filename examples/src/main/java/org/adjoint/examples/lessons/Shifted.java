package org.adjoint.examples.lessons;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adjoint.core.Tensor;
import org.adjoint.optim.train.Dataset;
import org.adjoint.optim.train.LabeledData;

/**
 * Data augmentation for square images stored as rows of {@code side·side} pixels: each image of a batch
 * is translated by a random whole number of pixels in {@code [−maxShift, maxShift]} along each axis, the
 * uncovered border filled with zeros. The shifts are drawn from a generator seeded by {@code seed} and
 * the batch's indices, so a run is reproducible while the shuffled batches of each epoch see new shifts;
 * no state is kept between calls.
 *
 * @param data     the images and labels
 * @param side     the image side in pixels
 * @param maxShift the largest shift along an axis, at least 0
 * @param seed     the seed of the shifts
 */
record Shifted(LabeledData data, int side, int maxShift, long seed) implements Dataset<LabeledData> {

    /** Checks the image size against the rows and the shift against the side. */
    Shifted {
        int width = data.inputs().shape().dim(1);
        if (side <= 0 || width != side * side) {
            throw new IllegalArgumentException("Shifted: rows of " + width + " pixels are not " + side + "×" + side + " images");
        }
        if (maxShift < 0 || maxShift >= side) {
            throw new IllegalArgumentException("Shifted: maxShift must be in [0, " + (side - 1) + "], not " + maxShift);
        }
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public LabeledData batch(int[] indices) {
        LabeledData plain = data.batch(indices);
        if (maxShift == 0) {
            return plain;
        }
        double[] in = plain.inputs().toArray();
        double[] out = new double[in.length];
        SplittableRandom random = new SplittableRandom(seed ^ (31L * Arrays.hashCode(indices) + indices.length));
        int pixels = side * side;
        for (int n = 0; n < indices.length; n++) {
            int dy = random.nextInt(-maxShift, maxShift + 1);
            int dx = random.nextInt(-maxShift, maxShift + 1);
            translate(in, out, n * pixels, dy, dx);
        }
        return new LabeledData(Tensor.of(plain.inputs().shape(), out), plain.labels());
    }

    @Override
    public String nonFinite(int[] indices) {
        return data.nonFinite(indices);
    }

    /** Copies one image from {@code in} to {@code out} at {@code offset}, moved down {@code dy} and right {@code dx}. */
    private void translate(double[] in, double[] out, int offset, int dy, int dx) {
        for (int y = Math.max(0, dy); y < Math.min(side, side + dy); y++) {
            int from = offset + (y - dy) * side;
            int to = offset + y * side;
            int x0 = Math.max(0, dx);
            int x1 = Math.min(side, side + dx);
            System.arraycopy(in, from + x0 - dx, out, to + x0, x1 - x0);
        }
    }
}

package org.adjoint.core;

/**
 * Log-sum-exp and the softmaxes, computed stably from the exponentials of the shifted elements
 * {@code exp(x − m)}, m the largest element along the reduced axes (or 0 when that is infinite), so
 * that no exponential overflows: {@code log Σ exp(x) = m + log Σ exp(x − m)} and
 * {@code softmax(x) = exp(x − m) / Σ exp(x − m)}.
 *
 * <p>When the reduced axes are the contiguous rows of the array (the last axis, as for a batch of
 * scores) each row is handled in a few passes over flat arrays, with the exponentials and logarithms
 * computed by the vectorized loops; other axes go through the general reductions. Both paths give
 * the same bits.
 */
final class Exponentials {

    private Exponentials() {
    }

    static Tensor logSumExp(Tensor x, int[] axes, boolean keepDims) {
        boolean[] reduced = x.shape.reducedAxes("logSumExp", axes);
        Tensor kept = shiftedExponentials(x, axes, reduced).logSumExp();
        return keepDims ? kept : new Tensor(x.shape.dropped(reduced), kept.data);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int[] axes = {axis};
        Shifted s = shiftedExponentials(x, axes, x.shape.reducedAxes("logSoftmax", axes));
        Tensor logSumExp = s.logSumExp();
        return s.byRows ? rowwise(x, logSumExp, false) : x.sub(logSumExp);
    }

    static Tensor softmax(Tensor x, int axis) {
        int[] axes = {axis};
        Shifted s = shiftedExponentials(x, axes, x.shape.reducedAxes("softmax", axes));
        return s.byRows ? rowwise(s.exponentials, s.sums, true) : s.exponentials.div(s.sums);
    }

    /**
     * Each row of {@code x} minus (or divided by) its row's value: the broadcast {@code x − v} or
     * {@code x / v} for v of shape [rows, 1], without expanding v.
     */
    private static Tensor rowwise(Tensor x, Tensor perRow, boolean divide) {
        double[] in = x.data;
        double[] v = perRow.data;
        double[] out = new double[in.length];
        int length = v.length == 0 ? 0 : in.length / v.length;
        for (int r = 0; r < v.length; r++) {
            double value = v[r];
            int start = r * length;
            if (divide) {
                for (int i = start; i < start + length; i++) {
                    out[i] = in[i] / value;
                }
            } else {
                for (int i = start; i < start + length; i++) {
                    out[i] = in[i] - value;
                }
            }
        }
        return new Tensor(x.shape, out);
    }

    /**
     * {@code exp(x − m)} with the shift m and the sums of the exponentials over the reduced axes
     * (kept with extent 1); {@code byRows} when the reduced axes are the rows of the array.
     */
    private record Shifted(Tensor shift, Tensor exponentials, Tensor sums, boolean byRows) {
        /** {@code log Σ exp(x − m) + m}. */
        Tensor logSumExp() {
            return sums.log().add(shift);
        }
    }

    private static Shifted shiftedExponentials(Tensor x, int[] axes, boolean[] reduced) {
        int[] block = Reduce.reducedBlock(x.shape, reduced);
        if (block == null || block[2] != 1 || block[1] == 0) {
            Tensor shift = x.max(axes, true).map(m -> Double.isFinite(m) ? m : 0);
            Tensor exponentials = x.sub(shift).exp();
            return new Shifted(shift, exponentials, exponentials.sum(axes, true), false);
        }
        int rows = block[0];
        int length = block[1];
        double[] in = x.data;
        double[] shift = new double[rows];
        double[] e = new double[in.length];
        for (int r = 0; r < rows; r++) {
            int start = r * length;
            double m = Reduce.maxRange(in, start, start + length);
            double s = Double.isFinite(m) ? m : 0;
            shift[r] = s;
            for (int i = start; i < start + length; i++) {
                e[i] = in[i] - s;
            }
        }
        Loops.EXP.run(e, e, 0, e.length);
        double[] sums = new double[rows];
        for (int r = 0; r < rows; r++) {
            sums[r] = Reduce.sumRange(e, r * length, (r + 1) * length);
        }
        Shape kept = x.shape.kept(reduced);
        return new Shifted(new Tensor(kept, shift), new Tensor(x.shape, e), new Tensor(kept, sums), true);
    }
}

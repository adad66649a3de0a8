package org.adjoint.core;

import org.adjoint.core.internal.Buffers;

/**
 * Log-sum-exp and the softmaxes, computed stably from the exponentials of the shifted elements
 * {@code exp(x − m)}, m the largest element along the reduced axes, so that no exponential
 * overflows: {@code log Σ exp(x) = m + log Σ exp(x − m)} and
 * {@code softmax(x) = exp(x − m) / Σ exp(x − m)}.
 *
 * <p>Infinite elements are read as limits of finite ones, those at the same infinity growing alike:
 * the shifted difference {@code x − m} is taken as 0 wherever {@code x = m}, also when both are
 * infinite. So −∞ elements get probability exactly 0, +∞ elements share the probability equally
 * (the others get 0), and a group of only −∞ elements has the uniform softmax (softmax is
 * unchanged by adding a constant to every element). Log-sum-exp is then +∞ or −∞ exactly, and
 * log-softmax is the logarithm of that softmax. Over empty axes log-sum-exp is log 0 = −∞, and the
 * softmaxes of an empty tensor are empty. A NaN element makes its whole group NaN.
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
        Shape kept = x.shape.kept(reduced);
        if (kept.size() > 0 && x.size() == 0) {
            return Tensor.full(keepDims ? kept : x.shape.dropped(reduced), Double.NEGATIVE_INFINITY); // log 0
        }
        Tensor sums = shiftedExponentials(x, axes, reduced).logSumExp();
        return keepDims ? sums : new Tensor(x.shape.dropped(reduced), sums.data);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int[] axes = {axis};
        boolean[] reduced = x.shape.reducedAxes("logSoftmax", axes);
        if (x.size() == 0) {
            return x;
        }
        Shifted s = shiftedExponentials(x, axes, reduced);
        Tensor logSumExp = s.logSumExp();
        Tensor logP = s.byRows ? rowwise(x, logSumExp, false) : x.sub(logSumExp);
        if (s.shift.isFinite()) {
            return logP;
        }
        // x − log Σ exp(x) is ∞ − ∞ in a group whose largest element is infinite: take log(softmax) there.
        Tensor infiniteShift = s.shift.map(m -> Double.isInfinite(m) ? 1 : 0);
        return Tensor.where(infiniteShift, s.exponentials.div(s.sums).log(), logP);
    }

    static Tensor softmax(Tensor x, int[] axes) {
        boolean[] reduced = x.shape.reducedAxes("softmax", axes);
        if (x.size() == 0) {
            return x;
        }
        Shifted s = shiftedExponentials(x, axes, reduced);
        return s.byRows ? rowwise(s.exponentials, s.sums, true) : s.exponentials.div(s.sums);
    }

    /**
     * {@code (softmax(x) − oneHot(labels)) · scale} for a matrix of scores, softmax along its rows, in
     * one pass after the exponentials: the same bits as the three steps, with one array instead of four.
     */
    static Tensor softmaxMinusOneHot(Tensor x, int[] labels, double scale) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("softmaxMinusOneHot: the scores must be a matrix (rows × classes),"
                    + " got shape " + x.shape);
        }
        int rows = x.shape.dim(0);
        int classes = x.shape.dim(1);
        if (labels.length != rows) {
            throw new IllegalArgumentException("softmaxMinusOneHot: " + labels.length + " labels for " + rows
                    + " rows of scores");
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("softmaxMinusOneHot: label " + labels[i] + " of row " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        if (x.size() == 0) {
            return x;
        }
        int[] axes = {1};
        Shifted s = shiftedExponentials(x, axes, x.shape.reducedAxes("softmaxMinusOneHot", axes));
        double[] out = s.exponentials.data; // made for this call alone: written over in place
        double[] sums = s.sums.data;
        for (int r = 0; r < rows; r++) {
            double sum = sums[r];
            int start = r * classes;
            int hit = start + labels[r];
            for (int i = start; i < start + classes; i++) {
                out[i] = (out[i] / sum - (i == hit ? 1 : 0)) * scale;
            }
        }
        return s.exponentials;
    }

    /**
     * Each row of {@code x} minus (or divided by) its row's value: the broadcast {@code x − v} or
     * {@code x / v} for v of shape [rows, 1], without expanding v.
     */
    private static Tensor rowwise(Tensor x, Tensor perRow, boolean divide) {
        double[] in = x.data;
        double[] v = perRow.data;
        double[] out = Buffers.allocate(in.length);
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

    /**
     * {@code x − m}, taken as 0 where {@code x = m}: the same number when m is finite, and the limit
     * (elements at the group's infinity share it) when m is ±∞, where the difference would be NaN.
     */
    private static double shiftedDifference(double x, double m) {
        return x == m ? 0 : x - m;
    }

    private static Shifted shiftedExponentials(Tensor x, int[] axes, boolean[] reduced) {
        int[] block = Reduce.reducedBlock(x.shape, reduced);
        if (block == null || block[2] != 1 || block[1] == 0) {
            Tensor shift = x.max(axes, true);
            Tensor exponentials = x.zip(shift, Exponentials::shiftedDifference).exp();
            return new Shifted(shift, exponentials, exponentials.sum(axes, true), false);
        }
        int rows = block[0];
        int length = block[1];
        double[] in = x.data;
        double[] shift = new double[rows];
        double[] e = Buffers.allocate(in.length);
        for (int r = 0; r < rows; r++) {
            int start = r * length;
            double m = Reduce.maxRange(in, start, start + length);
            shift[r] = m;
            for (int i = start; i < start + length; i++) {
                e[i] = shiftedDifference(in[i], m);
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

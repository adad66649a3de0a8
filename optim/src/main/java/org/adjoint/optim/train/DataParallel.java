package org.adjoint.optim.train;

import java.util.Arrays;
import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.Variables;
import org.adjoint.optim.sharded.ShardRunner;

/**
 * One batch's loss and gradient, on one thread or split into k contiguous parts evaluated on k
 * threads. For a loss that is a mean over the batch's examples, the batch's loss is
 * L = Σᵢ (nᵢ/n)·Lᵢ over the parts (nᵢ examples each, n in all), and its gradient likewise; the parts
 * are added in order, so a given k gives the same bits run after run, and another k differs only by
 * rounding.
 *
 * @param loss      the batch's loss
 * @param gradients its gradient with respect to every parameter
 */
record DataParallel(double loss, NamedTensors gradients) {

    /**
     * The loss and gradient of the examples at {@code batch}, split into up to {@code k} parts; with
     * {@code allowUnused} a parameter the loss does not use gets a zero gradient instead of an exception.
     */
    static <B> DataParallel of(NamedTensors params, Dataset<B> data, int[] batch, BatchLoss<B> batchLoss, int k,
                               boolean allowUnused) {
        if (k == 1) {
            return whole(params, data.batch(batch), batchLoss, allowUnused);
        }
        int parts = Math.min(k, batch.length);
        List<DataParallel> partials = ShardRunner.map(parts, parts,
                i -> whole(params, data.batch(part(batch, i, parts)), batchLoss, allowUnused));
        double loss = 0;
        NamedTensors gradients = null;
        for (int i = 0; i < parts; i++) {
            double weight = (double) part(batch, i, parts).length / batch.length;
            DataParallel p = partials.get(i);
            NamedTensors weighted = p.gradients.map(g -> g.mul(weight));
            loss = i == 0 ? weight * p.loss : loss + weight * p.loss;
            gradients = i == 0 ? weighted : gradients.zip(weighted, (a, b) -> a.add(b));
        }
        return new DataParallel(loss, gradients);
    }

    /**
     * Checks on one batch that its loss is a mean over its examples: the whole batch's loss must equal
     * the examples-weighted mean of the parts' losses (to 1e-9 relative).
     *
     * @throws IllegalArgumentException naming both values when it is not (a summed loss is off by about
     *                                  a factor k)
     */
    static <B> void requireMean(NamedTensors params, Dataset<B> data, int[] batch, BatchLoss<B> batchLoss, int k,
                                double combined) {
        double whole = batchLoss.loss(Variables.constants(params), data.batch(batch)).item();
        if (Double.isFinite(whole) && Math.abs(whole - combined) > 1e-9 * Math.max(1, Math.abs(whole))) {
            throw new IllegalArgumentException("Trainer.withDataParallelism(" + k + "): the batch loss must be a mean over"
                    + " the batch's examples, but the first batch's loss is " + whole + " while the examples-weighted mean"
                    + " of its " + Math.min(k, batch.length) + " parts' losses is " + combined
                    + "; divide a summed loss by the batch's size");
        }
    }

    private static <B> DataParallel whole(NamedTensors params, B batch, BatchLoss<B> batchLoss, boolean allowUnused) {
        Variables vars = Variables.track(params);
        Var loss = batchLoss.loss(vars, batch);
        return new DataParallel(loss.item(), allowUnused ? vars.gradientsAllowingUnused(loss) : vars.gradients(loss));
    }

    /** Part i of {@code parts} contiguous parts, sizes differing by at most one. */
    private static int[] part(int[] batch, int i, int parts) {
        return Arrays.copyOfRange(batch, (int) ((long) i * batch.length / parts), (int) ((long) (i + 1) * batch.length / parts));
    }
}

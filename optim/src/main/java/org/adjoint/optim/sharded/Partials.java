package org.adjoint.optim.sharded;

import java.util.List;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * Evaluating one shard, and adding shards up in a fixed order. Both the local {@link ShardedObjective}
 * and distributed engines use these, so a shard's partial is the same bits wherever it is computed,
 * and the total is the same bits for the same shards in the same order, whatever the threads, tasks
 * or retries that produced them.
 */
public final class Partials {

    private Partials() {
    }

    /**
     * fₛ(θ) and ∇fₛ(θ) by reverse mode ({@link Derivatives#valueAndGrad}, as a single-JVM objective
     * computes them).
     *
     * @throws IllegalArgumentException if the loss is not a scalar
     */
    public static <S> Partial valueAndGradient(ShardLoss<S> loss, S shard, double[] theta) {
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(t -> loss.loss(t, shard), Tensor.vector(theta));
        return new Partial(vg.value(), vg.gradient().toArray());
    }

    /**
     * fₛ(θ) alone, recording nothing.
     *
     * @throws IllegalArgumentException if the loss is not a scalar
     */
    public static <S> double value(ShardLoss<S> loss, S shard, double[] theta) {
        Var f = loss.loss(Var.constant(Tensor.vector(theta)), shard);
        if (f.value().size() != 1) {
            throw new IllegalArgumentException("shard loss: must return a scalar (the shard's summed loss) but returned shape "
                    + f.shape());
        }
        return f.value().toArray()[0];
    }

    /** ∇²fₛ(θ)·v without forming the Hessian ({@link Derivatives#hvp}); the partial's value is NaN. */
    public static <S> Partial hessianVector(ShardLoss<S> loss, S shard, double[] theta, double[] v) {
        Tensor hv = Derivatives.hvp(t -> loss.loss(t, shard), Tensor.vector(theta), Tensor.vector(v));
        return new Partial(Double.NaN, hv.toArray());
    }

    /**
     * The sum of the partials in list order: values added left to right, vectors component by
     * component left to right, starting from the first partial itself (not from zero, so that one
     * partial is returned bit for bit, a −0.0 included). The same list gives the same bits, always.
     *
     * @throws IllegalArgumentException if the list is empty or the vectors' lengths differ
     */
    public static Partial sumInOrder(List<Partial> partials) {
        if (partials.isEmpty()) {
            throw new IllegalArgumentException("sumInOrder: no partials to add (no shards)");
        }
        int n = partials.get(0).vector().length;
        double value = partials.get(0).value();
        double[] sum = partials.get(0).vector().clone();
        for (int s = 1; s < partials.size(); s++) {
            Partial p = partials.get(s);
            if (p.vector().length != n) {
                throw new IllegalArgumentException("sumInOrder: partial " + s + " has " + p.vector().length
                        + " components but partial 0 has " + n);
            }
            value += p.value();
            double[] x = p.vector();
            for (int i = 0; i < n; i++) {
                sum[i] += x[i];
            }
        }
        return new Partial(value, sum);
    }
}

package org.adjoint.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * The partition functions of one evaluation. Each is a lambda made in a static method, so it captures
 * only its arguments (the serializable loss and the {@link Shipped} vectors), never an objective. Each turns a
 * partition's cached shard into {@code (partition index, partial)}; an exception becomes a
 * {@link PartitionFailure} naming the partition.
 */
final class ShardTasks {

    /** A partition's partial and the number of rows it covers. */
    record Counted(Partial partial, int rows) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private ShardTasks() {
    }

    static <S> Function2<Integer, Iterator<Shard<S>>, Iterator<Tuple2<Integer, Counted>>> valueAndGradient(
            ShardLoss<S> loss, Shipped theta) {
        return (p, shards) -> each(p, shards, s -> whole(s, Partials.valueAndGradient(loss, s.data(), theta.value())));
    }

    static <S> Function2<Integer, Iterator<Shard<S>>, Iterator<Tuple2<Integer, Counted>>> value(
            ShardLoss<S> loss, Shipped theta) {
        return (p, shards) -> each(p, shards,
                s -> whole(s, new Partial(Partials.value(loss, s.data(), theta.value()), new double[0])));
    }

    static <S> Function2<Integer, Iterator<Shard<S>>, Iterator<Tuple2<Integer, Counted>>> hessianVector(
            ShardLoss<S> loss, Shipped theta, Shipped v) {
        return (p, shards) -> each(p, shards,
                s -> whole(s, Partials.hessianVector(loss, s.data(), theta.value(), v.value())));
    }

    /** The value and gradient of the rows {@link RowSample} picks; a shard with none picked gives nothing. */
    static <S> Function2<Integer, Iterator<Shard<S>>, Iterator<Tuple2<Integer, Counted>>> sampledGradient(
            ShardLoss<S> loss, ShardSampler<S> sampler, RowSample sample, Shipped theta) {
        return (p, shards) -> each(p, shards, s -> {
            int[] picked = sample.pick(p, s.rows());
            return picked.length == 0 ? null : new Counted(
                    Partials.valueAndGradient(loss, sampler.select(s.data(), picked), theta.value()), picked.length);
        });
    }

    /**
     * Local SGD on each shard from the shipped θ: {@code steps} steps θ ← θ − α·(mean gradient over
     * the rows step k picks); returns (nₚ, nₚ·θₚ) so that the ordered sum divided by N is the
     * row-weighted average of the partitions' models.
     */
    static <S> Function2<Integer, Iterator<Shard<S>>, Iterator<Tuple2<Integer, Counted>>> localSteps(
            ShardLoss<S> loss, ShardSampler<S> sampler, Shipped theta, LocalSteps plan, long round) {
        return (p, shards) -> each(p, shards, s -> {
            double[] t = theta.value().clone();
            for (int k = 0; k < plan.steps(); k++) {
                int[] picked = new RowSample(plan.fraction(), plan.seed(), round * plan.steps() + k).pick(p, s.rows());
                if (picked.length > 0) {
                    double[] g = Partials.valueAndGradient(loss, sampler.select(s.data(), picked), t).vector();
                    for (int i = 0; i < t.length; i++) {
                        t[i] -= plan.learningRate() / picked.length * g[i];
                    }
                }
            }
            for (int i = 0; i < t.length; i++) {
                t[i] *= s.rows();
            }
            return new Counted(new Partial(s.rows(), t), s.rows());
        });
    }

    /** The local part of model averaging: steps per round, their rate, sample fraction and seed. */
    record LocalSteps(double learningRate, int steps, double fraction, long seed) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static <S> Counted whole(Shard<S> shard, Partial partial) {
        return new Counted(partial, shard.rows());
    }

    private static <S> Iterator<Tuple2<Integer, Counted>> each(int partition, Iterator<Shard<S>> shards,
                                                                Function<Shard<S>, Counted> f) {
        List<Tuple2<Integer, Counted>> out = new ArrayList<>(1);
        try {
            while (shards.hasNext()) {
                Counted c = f.apply(shards.next());
                if (c != null) {
                    out.add(new Tuple2<>(partition, c));
                }
            }
        } catch (RuntimeException e) {
            throw new PartitionFailure(partition, e);
        }
        return out.iterator();
    }
}

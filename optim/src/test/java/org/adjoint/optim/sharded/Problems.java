package org.adjoint.optim.sharded;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;

/** Sums over data for the sharded tests: logistic regression and a small tanh MLP on seeded data. */
final class Problems {

    /** Rows of features, and minus each row's ±1 label as a column (so the margin is −y·z). */
    record Block(Tensor x, Tensor negY) {
        int rows() {
            return x.shape().dim(0);
        }

        /** The rows [from, to). */
        Block rows(int from, int to) {
            int[] idx = new int[to - from];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = from + i;
            }
            return new Block(x.take(0, idx), negY.take(0, idx));
        }
    }

    static final int FEATURES = 5;
    static final int HIDDEN = 4;

    private Problems() {
    }

    /** n rows of normal features with labels drawn from a logistic model. */
    static Block data(long seed, int n) {
        Tensor x = Tensor.randomNormal(seed, n, FEATURES);
        double[] z = x.matmul(Tensor.vector(1, -2, 0.5, 0, 1.5).reshape(FEATURES, 1)).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        double[] negY = new double[n];
        for (int i = 0; i < n; i++) {
            negY[i] = random.nextDouble() < 1 / (1 + Math.exp(-z[i])) ? -1 : 1;
        }
        return new Block(x, Tensor.of(Shape.of(n, 1), negY));
    }

    /** The rows split into {@code k} contiguous blocks whose sizes differ by at most one. */
    static List<Block> split(Block all, int k) {
        List<Block> blocks = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            blocks.add(all.rows(s * all.rows() / k, (s + 1) * all.rows() / k));
        }
        return blocks;
    }

    /** Σᵢ log(1 + exp(−yᵢ·zᵢ)), as logSumExp(0, −yᵢ·zᵢ): stable for any margin and smooth. */
    static Var logisticLoss(Var z, Block b) {
        Var m = z.mul(Var.constant(b.negY()));
        return Var.concat(1, Var.constant(Tensor.zeros(b.rows(), 1)), m).logSumExp(new int[] {1}, false).sum();
    }

    /** Logistic regression: θ = (w, bias), FEATURES + 1 components. */
    static ShardLoss<Block> logistic() {
        return (theta, b) -> logisticLoss(Var.constant(b.x()).matmul(theta.slice(0, 0, FEATURES).reshape(FEATURES, 1))
                .add(theta.slice(0, FEATURES, FEATURES + 1)), b);
    }

    /** A tanh MLP FEATURES → HIDDEN → 1 read from θ through a {@link FlatLayout}. */
    static ShardLoss<Block> mlp(FlatLayout layout) {
        return (theta, b) -> {
            Variables p = layout.unflatten(theta);
            Var h = Var.constant(b.x()).matmul(p.get("w1")).add(p.get("b1")).tanh();
            return logisticLoss(h.matmul(p.get("w2")).add(p.get("b2")), b);
        };
    }

    /** The MLP's parameters at small random values. */
    static NamedTensors mlpParams(long seed) {
        java.util.Map<String, Tensor> p = new java.util.LinkedHashMap<>();
        p.put("w1", Tensor.randomNormal(seed, FEATURES, HIDDEN).mul(0.5));
        p.put("b1", Tensor.randomNormal(seed + 1, HIDDEN).mul(0.1));
        p.put("w2", Tensor.randomNormal(seed + 2, HIDDEN, 1).mul(0.5));
        p.put("b2", Tensor.zeros(1));
        return NamedTensors.of(p);
    }

    /** ½λ‖θ‖². */
    static VarFunction ridge(double lambda) {
        return theta -> theta.square().sum().mul(0.5 * lambda);
    }

    /** The whole data's loss plus the regularizer, for Objective.of. */
    static VarFunction unsharded(ShardLoss<Block> loss, Block all, VarFunction r) {
        return theta -> loss.loss(theta, all).add(r.apply(theta));
    }
}

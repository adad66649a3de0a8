package org.adjoint.examples.bench;

import java.util.Random;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.examples.lessons.LeNetExample;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Adam;

/**
 * The benchmark workloads, defined precisely so that the same work can be run elsewhere
 * ({@code examples/src/main/python/torch_benchmarks.py} runs them in PyTorch). All in double precision.
 */
final class Workloads {

    private Workloads() {
    }

    /** Inputs of a classification batch: standard normal features and labels {@code i mod classes}. */
    record Batch(Tensor inputs, int[] labels) {
        static Batch of(int n, int features, int classes, long seed) {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % classes;
            }
            return new Batch(Tensor.randomNormal(seed, n, features), labels);
        }
    }

    /**
     * One Adam training step of a ReLU MLP (widths in, hidden, out; He-normal weights, zero biases)
     * with softmax cross-entropy on one batch: forward, backward, update (lr 1e-3, PyTorch's defaults).
     */
    static final class TrainingStep {
        private final Sequential net;
        private final Batch batch;
        private final Optimizer optimizer = Optimizer.of(new Adam(1e-3));
        private NamedTensors params;
        private OptimizerState state;

        TrainingStep(int in, int hidden, int out, int batchSize) {
            net = Mlp.of(Activation.RELU, in, hidden, out);
            params = net.initialize(1);
            state = optimizer.init(params);
            batch = Batch.of(batchSize, in, out, 2);
        }

        double step() {
            Variables vars = Variables.track(params);
            Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(batch.inputs())), batch.labels());
            Step s = optimizer.step(params, vars.gradients(loss), state);
            params = s.params();
            state = s.state();
            return loss.item();
        }
    }

    /**
     * One Adam training step (forward, backward, update; lr 1e-3) of the {@code lenet} example's CNN
     * ({@link LeNetExample#lenet()}, seed 1) with softmax cross-entropy on a batch of 64 standard normal
     * 784-pixel rows (seed 2), labels {@code i mod 10}.
     */
    static final class CnnStep {
        private final Sequential net = LeNetExample.lenet();
        private final Batch batch = Batch.of(64, 784, 10, 2);
        private final Optimizer optimizer = Optimizer.of(new Adam(1e-3));
        private NamedTensors params = net.initialize(1);
        private OptimizerState state = optimizer.init(params);

        /** One step; returns the loss, whose graph (recorded and swept) the caller may keep or drop. */
        Var stepKeepingGraph() {
            Variables vars = Variables.track(params);
            Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(batch.inputs())), batch.labels());
            Step s = optimizer.step(params, vars.gradients(loss), state);
            params = s.params();
            state = s.state();
            return loss;
        }

        double step() {
            return stepKeepingGraph().item();
        }

        /** The forward pass alone (no backward, no update); returns the loss and with it the recorded graph. */
        Var forwardOnly() {
            return Losses.softmaxCrossEntropy(net.forward(Variables.track(params), Var.constant(batch.inputs())),
                    batch.labels());
        }
    }

    /** The extended Rosenbrock function Σ 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)² over pairs, with tensor ops. */
    static Var rosenbrock(Var x) {
        int n = x.shape().dim(0);
        Var pairs = x.reshape(n / 2, 2);
        Var odd = pairs.slice(1, 0, 1);
        Var even = pairs.slice(1, 1, 2);
        return even.sub(odd.square()).square().mul(100).add(odd.neg().add(1).square()).sum();
    }

    /**
     * The same function as a loop of scalar operations on 0-d values, eight per pair (4,000 for
     * n = 1,000): {@code a = x₁·x₁; b = x₂ − a; c = b·b; d = 100·c; e = 1 − x₁; g = e·e; f = f + d; f = f + g}.
     */
    static Var rosenbrockScalarLoop(Var[] x) {
        Var f = Var.constant(0);
        for (int i = 0; i + 1 < x.length; i += 2) {
            Var a = x[i].mul(x[i]);
            Var b = x[i + 1].sub(a);
            Var c = b.mul(b);
            Var d = c.mul(100);
            Var e = ONE.sub(x[i]);
            Var g = e.mul(e);
            f = f.add(d);
            f = f.add(g);
        }
        return f;
    }

    private static final Var ONE = Var.constant(1);

    /** The standard starting point (−1.2, 1, −1.2, 1, …) of length n. */
    static Tensor rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return Tensor.vector(x);
    }

    /** A random matrix for the matmul workloads. */
    static Tensor matrix(int rows, int cols, long seed) {
        return Tensor.randomNormal(new Random(seed), rows, cols);
    }
}

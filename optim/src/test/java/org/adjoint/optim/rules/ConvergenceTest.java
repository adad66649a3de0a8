package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule reaches the minimum of the lessons' quadratic and of a softmax regression, with the hyperparameters in {@link Rules}. */
class ConvergenceTest {

    static Stream<Rules> quadraticRules() {
        return Rules.forQuadratic().stream();
    }

    static Stream<Rules> rosenbrockRules() {
        return Rules.forRosenbrock().stream();
    }

    static Stream<Rules> softmaxRules() {
        return Rules.forSoftmaxRegression().stream();
    }

    /** f(x) = 0.1·x₁² + 2·x₂², minimum 0 at the origin. */
    private static Var quadratic(Variables p) {
        Var x = p.get("x");
        return x.square().mul(Var.constant(Tensor.vector(0.1, 2))).sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quadraticRules")
    void reachesTheMinimumOfTheQuadratic(Rules r) {
        Optimizer optimizer = Optimizer.of(r.rule()).withSchedule(r.schedule());
        NamedTensors params = NamedTensors.of(Map.of("x", Tensor.vector(-5, -2)));
        OptimizerState state = optimizer.init(params);
        for (int i = 0; i < r.steps(); i++) {
            Variables v = Variables.track(params);
            Step step = optimizer.step(params, v.gradients(quadratic(v)), state);
            params = step.params();
            state = step.state();
        }
        Tensor x = params.get("x");
        assertTrue(x.abs().max().item() < 1e-3, () -> r + " ended at " + x);
    }

    /** Rosenbrock's f = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1). */
    static double rosenbrock(Tensor p) {
        double x = p.get(0);
        double y = p.get(1);
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    /** Its gradient, written out. */
    static Tensor rosenbrockGradient(Tensor p) {
        double x = p.get(0);
        double y = p.get(1);
        return Tensor.vector(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
    }

    /** From (−1.2, 1), where f = 24.2, every rule gets into the curved valley, to f below 1. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rosenbrockRules")
    void descendsRosenbrocksValley(Rules r) {
        Optimizer optimizer = Optimizer.of(r.rule()).withSchedule(r.schedule());
        NamedTensors params = NamedTensors.of(Map.of("p", Tensor.vector(-1.2, 1)));
        OptimizerState state = optimizer.init(params);
        for (int i = 0; i < r.steps(); i++) {
            Tensor p = params.get("p");
            Step step = optimizer.step(params, NamedTensors.of(Map.of("p", rosenbrockGradient(p))), state);
            params = step.params();
            state = step.state();
        }
        Tensor end = params.get("p");
        double f = rosenbrock(end);
        assertTrue(f < 1, () -> r + " ended at f = " + f + " at " + end);
    }

    /**
     * Three Gaussian classes in four dimensions; with the L2 term the loss is strongly convex (modulus
     * at least 0.02), so a gradient norm below 1e-4 puts the loss within 2.5e-7 of its minimum.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxRules")
    void reachesTheMinimumOfASoftmaxRegression(Rules r) {
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        Tensor means = Tensor.matrix(new double[][] {{2, 0, 0, 1}, {0, 2, 0, -1}, {0, 0, 2, 0}});
        Tensor x = Tensor.oneHot(labels, 3).matmul(means).add(Tensor.randomNormal(3, 60, 4));
        Optimizer optimizer = Optimizer.of(r.rule()).withSchedule(r.schedule());
        Map<String, Tensor> zeros = new java.util.LinkedHashMap<>();
        zeros.put("W", Tensor.zeros(3, 4));
        zeros.put("b", Tensor.zeros(3));
        NamedTensors params = NamedTensors.of(zeros);
        OptimizerState state = optimizer.init(params);
        for (int i = 0; i <= r.steps(); i++) {
            Variables v = Variables.track(params);
            Var scores = Var.constant(x).matmul(v.get("W").transpose()).add(v.get("b"));
            Var loss = Losses.softmaxCrossEntropy(scores, labels).add(Losses.l2(v.get("W"), 0.01));
            NamedTensors grads = v.gradients(loss);
            double norm = Math.sqrt(grads.flatten().square().sum().item());
            if (i == r.steps()) {
                assertTrue(norm < 1e-4, () -> r + " ended with gradient norm " + norm + " at loss " + loss.item());
                return;
            }
            Step step = optimizer.step(params, grads, state);
            params = step.params();
            state = step.state();
        }
    }
}

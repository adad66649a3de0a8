package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule reaches the minimum of the lessons' quadratic and of a softmax regression, with the hyperparameters in {@link Rules}. */
class ConvergenceTest {

    static Stream<Rules> quadraticRules() {
        return Rules.forQuadratic().stream();
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

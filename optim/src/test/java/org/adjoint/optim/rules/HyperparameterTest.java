package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad hyperparameters are refused when a rule is built, naming the rule, the parameter and the value. */
class HyperparameterTest {

    private static void refused(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void negativeLearningRates() {
        refused("Sgd: learningRate = -0.1 must be finite and at least 0", () -> Sgd.withLearningRate(-0.1));
        refused("Adam: learningRate = -1.0 must be finite and at least 0", () -> Adam.withLearningRate(-1));
        refused("AdamW: learningRate = NaN must be finite and at least 0", () -> AdamW.withLearningRate(Double.NaN));
        refused("AdaGrad: learningRate = -1.0 must be finite and at least 0", () -> AdaGrad.withLearningRate(-1));
        refused("RmsProp: learningRate = Infinity must be finite and at least 0",
                () -> RmsProp.withLearningRate(Double.POSITIVE_INFINITY));
        refused("AdaDelta: learningRate = -2.0 must be finite and at least 0", () -> AdaDelta.create().learningRate(-2));
        refused("Adamax: learningRate = -1.0 must be finite and at least 0", () -> Adamax.withLearningRate(-1));
        refused("NAdam: learningRate = -1.0 must be finite and at least 0", () -> NAdam.withLearningRate(-1));
        refused("ClassicalMomentum: learningRate = -1.0 must be finite and at least 0", () -> ClassicalMomentum.of(-1, 0.9));
        refused("SignDescent: learningRate = -1.0 must be finite and at least 0", () -> new SignDescent(-1));
    }

    @Test
    void betasOutsideTheUnitInterval() {
        refused("Adam: beta1 = 1.0 is outside [0, 1)", () -> Adam.withLearningRate(1e-3).betas(1, 0.999));
        refused("Adam: beta2 = -0.1 is outside [0, 1)", () -> Adam.withLearningRate(1e-3).betas(0.9, -0.1));
        refused("Adamax: beta2 = 1.5 is outside [0, 1)", () -> Adamax.withLearningRate(1e-3).betas(0.9, 1.5));
        refused("NAdam: beta1 = NaN is outside [0, 1)", () -> NAdam.withLearningRate(1e-3).betas(Double.NaN, 0.9));
        refused("RmsProp: alpha = 1.0 is outside [0, 1)", () -> RmsProp.withLearningRate(1e-3).alpha(1));
        refused("AdaDelta: rho = 1.1 is outside [0, 1]", () -> AdaDelta.create().rho(1.1));
        refused("ClassicalMomentum: momentum = 1.0 is outside [0, 1)", () -> ClassicalMomentum.of(0.1, 1));
    }

    @Test
    void epsilonsThatAreNotPositive() {
        refused("Adam: epsilon = 0.0 must be finite and above 0", () -> Adam.withLearningRate(1e-3).epsilon(0));
        refused("AdaGrad: epsilon = -1.0E-10 must be finite and above 0", () -> AdaGrad.withLearningRate(1e-2).epsilon(-1e-10));
        refused("RmsProp: epsilon = 0.0 must be finite and above 0", () -> RmsProp.withLearningRate(1e-2).epsilon(0));
        refused("AdaDelta: epsilon = 0.0 must be finite and above 0", () -> AdaDelta.create().epsilon(0));
        refused("Adamax: epsilon = 0.0 must be finite and above 0", () -> Adamax.withLearningRate(1e-3).epsilon(0));
        refused("NAdam: epsilon = 0.0 must be finite and above 0", () -> NAdam.withLearningRate(1e-3).epsilon(0));
    }

    @Test
    void otherRanges() {
        refused("Sgd: momentum = -0.5 must be finite and at least 0", () -> Sgd.withLearningRate(0.1).momentum(-0.5));
        refused("Sgd: Nesterov momentum needs momentum > 0 and dampening = 0, got momentum = 0.0, dampening = 0.0",
                () -> Sgd.withLearningRate(0.1).nesterov());
        refused("Sgd: weightDecay = -1.0 must be finite and at least 0", () -> Sgd.withLearningRate(0.1).weightDecay(-1));
        refused("AdaGrad: learningRateDecay = -1.0 must be finite and at least 0",
                () -> AdaGrad.withLearningRate(0.1).learningRateDecay(-1));
        refused("AdaGrad: initialAccumulator = -1.0 must be finite and at least 0",
                () -> AdaGrad.withLearningRate(0.1).initialAccumulator(-1));
        refused("NAdam: momentumDecay = -1.0 must be finite and at least 0", () -> NAdam.withLearningRate(0.1).momentumDecay(-1));
        refused("stepDecay: every = 0 must be at least 1", () -> Schedule.stepDecay(0.1, 0));
        refused("globalNorm: maxNorm = 0.0 must be finite and above 0", () -> Clipping.globalNorm(0));
    }
}

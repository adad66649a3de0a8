package org.adjoint.optim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.optim.schedule.Clipping;
import org.adjoint.optim.schedule.Schedule;
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
        refused("Sgd: learningRate = -0.1 must be finite and at least 0", () -> new Sgd(-0.1));
        refused("Adam: learningRate = -1.0 must be finite and at least 0", () -> new Adam(-1));
        refused("AdamW: learningRate = NaN must be finite and at least 0", () -> new AdamW(Double.NaN));
        refused("AdaGrad: learningRate = -1.0 must be finite and at least 0", () -> new AdaGrad(-1));
        refused("RmsProp: learningRate = Infinity must be finite and at least 0",
                () -> new RmsProp(Double.POSITIVE_INFINITY));
        refused("AdaDelta: learningRate = -2.0 must be finite and at least 0", () -> new AdaDelta(-2, 0.9, 1e-6, 0));
        refused("Adamax: learningRate = -1.0 must be finite and at least 0", () -> new Adamax(-1));
        refused("NAdam: learningRate = -1.0 must be finite and at least 0", () -> new NAdam(-1));
        refused("RAdam: learningRate = -1.0 must be finite and at least 0", () -> new RAdam(-1));
        refused("RAdamW: learningRate = NaN must be finite and at least 0", () -> new RAdamW(Double.NaN, 0.01));
        refused("ClassicalMomentum: learningRate = -1.0 must be finite and at least 0", () -> new ClassicalMomentum(-1, 0.9));
        refused("SignDescent: learningRate = -1.0 must be finite and at least 0", () -> new SignDescent(-1));
        refused("Lamb: learningRate = -1.0 must be finite and at least 0", () -> new Lamb(-1));
        refused("Lars: learningRate = -1.0 must be finite and at least 0", () -> new Lars(-1));
        refused("Lion: learningRate = -1.0 must be finite and at least 0", () -> new Lion(-1));
    }

    @Test
    void betasOutsideTheUnitInterval() {
        refused("Adam: beta1 = 1.0 is outside [0, 1)", () -> new Adam(1e-3, 1, 0.999, 1e-8, 0));
        refused("Adam: beta2 = -0.1 is outside [0, 1)", () -> new Adam(1e-3, 0.9, -0.1, 1e-8, 0));
        refused("Adamax: beta2 = 1.5 is outside [0, 1)", () -> new Adamax(1e-3, 0.9, 1.5, 1e-8, 0));
        refused("NAdam: beta1 = NaN is outside [0, 1)", () -> new NAdam(1e-3, Double.NaN, 0.9, 1e-8, 0, 4e-3));
        refused("RAdam: beta2 = 1.0 is outside [0, 1)", () -> new RAdam(1e-3, 0.9, 1, 1e-8, 0));
        refused("RmsProp: alpha = 1.0 is outside [0, 1)", () -> new RmsProp(1e-3, 1, 1e-8, 0, 0));
        refused("AdaDelta: rho = 1.1 is outside [0, 1]", () -> new AdaDelta(1, 1.1, 1e-6, 0));
        refused("ClassicalMomentum: momentum = 1.0 is outside [0, 1)", () -> new ClassicalMomentum(0.1, 1));
        refused("Lamb: beta2 = 1.0 is outside [0, 1)", () -> new Lamb(1e-3, 0.9, 1, 1e-6, 0));
        refused("Lion: beta1 = 1.0 is outside [0, 1)", () -> new Lion(1e-4, 1, 0.99, 0));
        refused("Lion: beta2 = -0.1 is outside [0, 1)", () -> new Lion(1e-4, 0.9, -0.1, 0));
    }

    @Test
    void epsilonsThatAreNotPositive() {
        refused("Adam: epsilon = 0.0 must be finite and above 0", () -> new Adam(1e-3, 0.9, 0.999, 0, 0));
        refused("AdaGrad: epsilon = -1.0E-10 must be finite and above 0", () -> new AdaGrad(1e-2, 0, 0, 0, -1e-10));
        refused("RmsProp: epsilon = 0.0 must be finite and above 0", () -> new RmsProp(1e-2, 0.99, 0, 0, 0));
        refused("AdaDelta: epsilon = 0.0 must be finite and above 0", () -> new AdaDelta(1, 0.9, 0, 0));
        refused("Adamax: epsilon = 0.0 must be finite and above 0", () -> new Adamax(1e-3, 0.9, 0.999, 0, 0));
        refused("NAdam: epsilon = 0.0 must be finite and above 0", () -> new NAdam(1e-3, 0.9, 0.999, 0, 0, 4e-3));
        refused("RAdamW: epsilon = 0.0 must be finite and above 0", () -> new RAdamW(1e-3, 0.9, 0.999, 0, 0));
        refused("Lamb: epsilon = -1.0E-6 must be finite and above 0", () -> new Lamb(1e-3, 0.9, 0.999, -1e-6, 0));
    }

    @Test
    void otherRanges() {
        refused("Sgd: momentum = -0.5 must be finite and at least 0", () -> new Sgd(0.1, -0.5));
        refused("NesterovMomentum: momentum = 0.0 must be finite and above 0", () -> new NesterovMomentum(0.1, 0));
        refused("Sgd: weightDecay = -1.0 must be finite and at least 0", () -> new Sgd(0.1, 0, 0, -1));
        refused("AdaGrad: learningRateDecay = -1.0 must be finite and at least 0",
                () -> new AdaGrad(0.1, -1, 0, 0, 1e-10));
        refused("AdaGrad: initialAccumulator = -1.0 must be finite and at least 0",
                () -> new AdaGrad(0.1, 0, 0, -1, 1e-10));
        refused("NAdam: momentumDecay = -1.0 must be finite and at least 0", () -> new NAdam(0.1, 0.9, 0.999, 1e-8, 0, -1));
        refused("RAdamW: weightDecay = -0.01 must be finite and at least 0", () -> new RAdamW(0.1, -0.01));
        refused("Rprop: learningRate = -0.01 must be finite and at least 0", () -> new Rprop(-0.01));
        refused("Rprop: etaMinus = 1.0 is outside (0, 1)", () -> new Rprop(0.01, 1, 1.2, 1e-6, 50));
        refused("Rprop: etaMinus = 0.0 is outside (0, 1)", () -> new Rprop(0.01, 0, 1.2, 1e-6, 50));
        refused("Rprop: etaPlus = 1.0 must be finite and above 1", () -> new Rprop(0.01, 0.5, 1, 1e-6, 50));
        refused("Rprop: minStep = -1.0 must be finite and at least 0", () -> new Rprop(0.01, 0.5, 1.2, -1, 50));
        refused("Rprop: maxStep = Infinity must be finite and at least 0",
                () -> new Rprop(0.01, 0.5, 1.2, 1e-6, Double.POSITIVE_INFINITY));
        refused("Rprop: maxStep = 1.0E-7 is below minStep = 1.0E-6", () -> new Rprop(0.01, 0.5, 1.2, 1e-6, 1e-7));
        refused("stepDecay: every = 0 must be at least 1", () -> Schedule.stepDecay(0.1, 0));
        refused("Lamb: weightDecay = NaN must be finite and at least 0", () -> new Lamb(1e-3, 0.9, 0.999, 1e-6, Double.NaN));
        refused("Lars: momentum = -0.9 must be finite and at least 0", () -> new Lars(1, -0.9, 1e-3, 0));
        refused("Lars: trustCoefficient = 0.0 must be finite and above 0", () -> new Lars(1, 0.9, 0, 0));
        refused("Lars: weightDecay = Infinity must be finite and at least 0",
                () -> new Lars(1, 0.9, 1e-3, Double.POSITIVE_INFINITY));
        refused("Lion: weightDecay = -1.0 must be finite and at least 0", () -> new Lion(1e-4, 0.9, 0.99, -1));
        refused("globalNorm: maxNorm = 0.0 must be finite and above 0", () -> Clipping.globalNorm(0));
    }

    @Test
    void nadamWAndAdafactor() {
        refused("NAdamW: learningRate = -1.0 must be finite and at least 0", () -> new NAdamW(-1, 0.01));
        refused("NAdamW: weightDecay = -0.01 must be finite and at least 0", () -> new NAdamW(0.1, -0.01));
        refused("NAdamW: beta2 = 1.0 is outside [0, 1)", () -> new NAdamW(0.1, 0.9, 1, 1e-8, 0.01, 4e-3));
        refused("NAdamW: momentumDecay = NaN must be finite and at least 0",
                () -> new NAdamW(0.1, 0.9, 0.999, 1e-8, 0.01, Double.NaN));
        refused("Adafactor: learningRate = -0.01 must be finite and at least 0", () -> new Adafactor(-0.01));
        refused("Adafactor: beta2Decay = 0.5 must be finite and at most 0", () -> new Adafactor(0.01, 0.5, 1e-30, 1e-3, 1, 0));
        refused("Adafactor: beta2Decay = -Infinity must be finite and at most 0",
                () -> new Adafactor(0.01, Double.NEGATIVE_INFINITY, 1e-30, 1e-3, 1, 0));
        refused("Adafactor: epsilon1 = 0.0 must be finite and above 0", () -> new Adafactor(0.01, -0.8, 0, 1e-3, 1, 0));
        refused("Adafactor: epsilon2 = -0.001 must be finite and at least 0", () -> new Adafactor(0.01, -0.8, 1e-30, -1e-3, 1, 0));
        refused("Adafactor: d = 0.5 must be finite and at least 1", () -> new Adafactor(0.01, -0.8, 1e-30, 1e-3, 0.5, 0));
        refused("Adafactor: weightDecay = -1.0 must be finite and at least 0", () -> new Adafactor(0.01, -0.8, 1e-30, 1e-3, 1, -1));
    }

    @Test
    void scheduleFreeRules() {
        refused("ScheduleFreeSgd: learningRate = -1.0 must be finite and at least 0", () -> new ScheduleFreeSgd(-1));
        refused("ScheduleFreeSgd: momentum = 1.5 is outside [0, 1]", () -> new ScheduleFreeSgd(1, 1.5, 0, 0, 0, 2));
        refused("ScheduleFreeSgd: warmupSteps = -1 must be at least 0", () -> new ScheduleFreeSgd(1, 0.9, 0, -1, 0, 2));
        refused("ScheduleFreeSgd: r = -1.0 must be finite and at least 0", () -> new ScheduleFreeSgd(1, 0.9, 0, 0, -1, 2));
        refused("ScheduleFreeAdamW: weightLrPower = NaN must be finite and at least 0",
                () -> new ScheduleFreeAdamW(0.0025, 0.9, 0.999, 1e-8, 0, 0, 0, Double.NaN));
        refused("ScheduleFreeAdamW: beta1 = 1.0 is outside [0, 1)", () -> new ScheduleFreeAdamW(0.0025, 1, 0.999, 1e-8, 0, 0, 0, 2));
        refused("ScheduleFreeAdamW: epsilon = 0.0 must be finite and above 0",
                () -> new ScheduleFreeAdamW(0.0025, 0.9, 0.999, 0, 0, 0, 0, 2));
        refused("ScheduleFreeAdamW: weightDecay = -1.0 must be finite and at least 0",
                () -> new ScheduleFreeAdamW(0.0025, 0.9, 0.999, 1e-8, -1, 0, 0, 2));
        refused("ScheduleFreeAdamW: warmupSteps = -5 must be at least 0",
                () -> new ScheduleFreeAdamW(0.0025, 0.9, 0.999, 1e-8, 0, -5, 0, 2));
    }

    @Test
    void wrappers() {
        refused("Lookahead: syncPeriod = 0 must be at least 1", () -> new Lookahead<>(new Sgd(0.1), 0, 0.5));
        refused("Lookahead: slowStepSize = 0.0 is outside (0, 1]", () -> new Lookahead<>(new Sgd(0.1), 5, 0));
        refused("Lookahead: slowStepSize = 1.5 is outside (0, 1]", () -> new Lookahead<>(new Sgd(0.1), 5, 1.5));
        refused("Ema: decay = 1.0 is outside [0, 1)", () -> new Ema<>(new Sgd(0.1), 1));
        refused("Ema: decay = -0.1 is outside [0, 1)", () -> new Ema<>(new Sgd(0.1), -0.1));
        refused("Swa: start = 0 must be at least 1", () -> Swa.from(0, new Sgd(0.1)));
        refused("Swa: every = 0 must be at least 1", () -> new Swa<>(new Sgd(0.1), 10, 0));
    }
}

package org.adjoint.optim.rules;

import java.util.List;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.schedule.Schedule;

/**
 * Every built-in rule, configured for the convergence tests: the lessons' quadratic
 * {@code 0.1·x₁² + 2·x₂²} from (−5, −2), and a small softmax regression (60 examples, 4 features,
 * 3 classes, L2 weight 0.01). The hyperparameters are the
 * documented ones those tests use; a schedule is given where a constant rate would make the rule
 * circle the minimum forever (sign descent moves every coordinate by the full step).
 *
 * @param name     a label for test reports
 * @param rule     the rule
 * @param schedule the learning-rate schedule used with it
 * @param steps    the step budget
 */
public record Rules(String name, UpdateRule<?> rule, Schedule schedule, int steps) {

    @Override
    public String toString() {
        return name;
    }

    /** The rules for the quadratic. */
    public static List<Rules> forQuadratic() {
        return List.of(
                new Rules("gradient descent", new Sgd(0.4), Schedule.constant(), 200),
                new Rules("momentum", new Sgd(0.05, 0.9), Schedule.constant(), 300),
                new Rules("nesterov", new NesterovMomentum(0.05, 0.9), Schedule.constant(), 300),
                new Rules("classical momentum", new ClassicalMomentum(0.05, 0.9), Schedule.constant(), 300),
                new Rules("adagrad", new AdaGrad(1.5), Schedule.constant(), 500),
                new Rules("rmsprop", new RmsProp(0.1, 0.9, 1e-8, 0, 0), Schedule.exponential(0.99), 1000),
                new Rules("rmsprop centered momentum", new CenteredRmsProp(0.02, 0.9, 1e-8, 0, 0.5),
                        Schedule.exponential(0.99), 800),
                new Rules("adadelta", new AdaDelta(0.5, 0.9, 1e-2, 0), Schedule.constant(), 1000),
                new Rules("adam", new Adam(0.5), Schedule.exponential(0.98), 500),
                new Rules("amsgrad", new AmsGrad(0.5), Schedule.exponential(0.98), 500),
                new Rules("adam uncorrected", new UncorrectedAdam(0.5), Schedule.exponential(0.98), 500),
                new Rules("adamw", new AdamW(0.5, 0.9, 0.999, 1e-8, 0.01), Schedule.exponential(0.98), 500),
                new Rules("adamax", new Adamax(0.5), Schedule.constant(), 500),
                new Rules("nadam", new NAdam(0.5), Schedule.exponential(0.98), 500),
                new Rules("radam", new RAdam(0.5), Schedule.exponential(0.995), 1000),
                new Rules("radamw", new RAdamW(0.5, 0.01), Schedule.exponential(0.995), 1000),
                new Rules("rprop", new Rprop(0.1), Schedule.constant(), 300),
                new Rules("sign descent", new SignDescent(0.5), Schedule.exponential(0.97), 500),
                new Rules("lion", new Lion(0.5), Schedule.exponential(0.97), 500),
                new Rules("lamb", new Lamb(0.1), Schedule.constant(), 500),
                new Rules("lars", new Lars(50), Schedule.constant(), 500),
                // k = 1 here, so that RuleLaws' descent law holds; GradientAccumulationTest checks k ≥ 2.
                new Rules("accumulate 1 adam", GradientAccumulation.every(1, new Adam(0.5)), Schedule.exponential(0.98), 500),
                new Rules("nadamw", new NAdamW(0.5, 0.01), Schedule.exponential(0.98), 500),
                // η = 1 caps the relative step ρ = min(η, 1/√t) at 1/√t: the step is a fraction of RMS(θ), down to the ε₂ floor.
                new Rules("adafactor", new Adafactor(1), Schedule.constant(), 1000),
                // Without noise, x's uniform average (r = 0) is within O(1/t) of the minimum; weights (k + 1)² forget the start.
                new Rules("schedule-free sgd", new ScheduleFreeSgd(0.4, 0.9, 0, 0, 2, 2), Schedule.constant(), 1000),
                new Rules("schedule-free adamw", new ScheduleFreeAdamW(0.5), Schedule.constant(), 500),
                // k = 1 here, so that RuleLaws' descent law holds; LookaheadTest checks k = 5.
                new Rules("lookahead 1 adam", new Lookahead<>(new Adam(0.5), 1, 0.5), Schedule.exponential(0.99), 500),
                new Rules("ema adam", new Ema<>(new Adam(0.5), 0.9), Schedule.exponential(0.98), 500),
                new Rules("swa adam", Swa.from(100, new Adam(0.5)), Schedule.exponential(0.98), 500));
    }

    /**
     * The rules for Rosenbrock's function from (−1.2, 1), where f = 24.2: rates small enough for the
     * curvature of about 1000 across the valley, so that every rule descends into it and along it
     * (AdaDelta, with its defaults, the slowest: to f ≈ 0.47 in 3000 steps).
     */
    public static List<Rules> forRosenbrock() {
        return List.of(
                new Rules("gradient descent", new Sgd(1e-3), Schedule.constant(), 2000),
                new Rules("momentum", new Sgd(1e-4, 0.9), Schedule.constant(), 2000),
                new Rules("nesterov", new NesterovMomentum(1e-4, 0.9), Schedule.constant(), 2000),
                new Rules("classical momentum", new ClassicalMomentum(1e-4, 0.9), Schedule.constant(), 2000),
                new Rules("adagrad", new AdaGrad(0.1), Schedule.constant(), 2000),
                new Rules("rmsprop", new RmsProp(2e-3), Schedule.constant(), 3000),
                new Rules("rmsprop centered momentum", new CenteredRmsProp(3e-4, 0.99, 1e-8, 0, 0.5), Schedule.constant(), 3000),
                new Rules("adadelta", new AdaDelta(), Schedule.constant(), 3000),
                new Rules("adam", new Adam(1e-2), Schedule.constant(), 2000),
                new Rules("amsgrad", new AmsGrad(1e-2), Schedule.constant(), 2000),
                new Rules("adam uncorrected", new UncorrectedAdam(1e-2), Schedule.constant(), 2000),
                new Rules("adamw", new AdamW(1e-2, 0.9, 0.999, 1e-8, 0), Schedule.constant(), 2000),
                new Rules("adamax", new Adamax(2e-2), Schedule.constant(), 3000),
                new Rules("nadam", new NAdam(1e-2), Schedule.constant(), 2000),
                new Rules("radam", new RAdam(5e-3), Schedule.constant(), 3000),
                new Rules("radamw", new RAdamW(5e-3, 0), Schedule.constant(), 3000),
                new Rules("rprop", new Rprop(1e-3), Schedule.constant(), 1000),
                new Rules("sign descent", new SignDescent(1e-2), Schedule.exponential(0.999), 3000),
                new Rules("lion", new Lion(1e-2), Schedule.exponential(0.999), 3000),
                new Rules("lamb", new Lamb(1e-2), Schedule.constant(), 2000),
                new Rules("lars", new Lars(10), Schedule.constant(), 3000),
                new Rules("accumulate 1 adam", GradientAccumulation.every(1, new Adam(1e-2)), Schedule.constant(), 2000),
                new Rules("nadamw", new NAdamW(1e-2, 0), Schedule.constant(), 2000),
                new Rules("adafactor", new Adafactor(1e-2), Schedule.constant(), 2000),
                new Rules("schedule-free sgd", new ScheduleFreeSgd(1e-3), Schedule.constant(), 2000),
                new Rules("schedule-free adamw", new ScheduleFreeAdamW(1e-2), Schedule.constant(), 2000),
                new Rules("lookahead 1 adam", new Lookahead<>(new Adam(1e-2), 1, 0.5), Schedule.constant(), 2000),
                new Rules("ema adam", new Ema<>(new Adam(1e-2), 0.9), Schedule.constant(), 2000),
                new Rules("swa adam", Swa.from(1000, new Adam(1e-2)), Schedule.constant(), 2000));
    }

    /** The rules for the softmax regression (full batch, L2-regularized, so its minimum is unique). */
    public static List<Rules> forSoftmaxRegression() {
        return List.of(
                new Rules("gradient descent", new Sgd(1), Schedule.constant(), 2000),
                new Rules("momentum", new Sgd(0.2, 0.9), Schedule.constant(), 1000),
                new Rules("nesterov", new NesterovMomentum(0.2, 0.9), Schedule.constant(), 1000),
                new Rules("classical momentum", new ClassicalMomentum(0.2, 0.9), Schedule.constant(), 1000),
                new Rules("adagrad", new AdaGrad(0.5), Schedule.constant(), 2000),
                new Rules("rmsprop", new RmsProp(0.01, 0.9, 1e-8, 0, 0), Schedule.exponential(0.995), 2000),
                new Rules("rmsprop centered momentum", new CenteredRmsProp(0.005, 0.9, 1e-8, 0, 0.5),
                        Schedule.exponential(0.995), 2000),
                new Rules("adadelta", new AdaDelta(1, 0.9, 1e-2, 0), Schedule.constant(), 2000),
                new Rules("adam", new Adam(0.05), Schedule.exponential(0.997), 2000),
                new Rules("amsgrad", new AmsGrad(0.05), Schedule.exponential(0.997), 2000),
                new Rules("adam uncorrected", new UncorrectedAdam(0.05), Schedule.exponential(0.997), 2000),
                new Rules("adamw", new AdamW(0.05, 0.9, 0.999, 1e-8, 0), Schedule.exponential(0.997), 2000),
                new Rules("adamax", new Adamax(0.1), Schedule.constant(), 2000),
                new Rules("nadam", new NAdam(0.05), Schedule.exponential(0.997), 2000),
                new Rules("radam", new RAdam(0.1), Schedule.exponential(0.998), 3000),
                new Rules("radamw", new RAdamW(0.1, 0), Schedule.exponential(0.998), 3000),
                new Rules("rprop", new Rprop(0.01), Schedule.constant(), 1000),
                new Rules("sign descent", new SignDescent(0.05), Schedule.exponential(0.995), 2000),
                new Rules("lion", new Lion(0.05), Schedule.exponential(0.995), 2000),
                // The bias's first gradient is about 3e-17 (balanced classes at W = 0), so LAMB's first step puts it
                // near 3e-12, and the trust ratio lets ‖b‖ grow only by a factor 1 + η a step: the rate must stay
                // large long enough (Σ η ≈ 100 here) before it decays.
                new Rules("lamb", new Lamb(0.1), Schedule.cosine(2000, 0), 2000),
                new Rules("lars", new Lars(100), Schedule.cosine(2000, 0), 2000), // the same as LAMB's bias
                new Rules("accumulate 1 adam", GradientAccumulation.every(1, new Adam(0.05)), Schedule.exponential(0.997), 2000),
                new Rules("nadamw", new NAdamW(0.05, 0), Schedule.exponential(0.997), 2000),
                new Rules("adafactor", new Adafactor(0.05), Schedule.cosine(2000, 0), 2000),
                new Rules("schedule-free sgd", new ScheduleFreeSgd(1), Schedule.constant(), 2000),
                new Rules("schedule-free adamw", new ScheduleFreeAdamW(0.05), Schedule.constant(), 2000),
                new Rules("lookahead 1 adam", new Lookahead<>(new Adam(0.1), 1, 0.5), Schedule.exponential(0.997), 2000),
                new Rules("ema adam", new Ema<>(new Adam(0.05), 0.9), Schedule.exponential(0.997), 2000),
                new Rules("swa adam", Swa.from(1000, new Adam(0.05)), Schedule.exponential(0.997), 2000));
    }
}

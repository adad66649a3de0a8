package org.adjoint.optim.rules;

import java.util.List;

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
record Rules(String name, UpdateRule<?> rule, Schedule schedule, int steps) {

    @Override
    public String toString() {
        return name;
    }

    /** The rules for the quadratic. */
    static List<Rules> forQuadratic() {
        return List.of(
                new Rules("gradient descent", Sgd.withLearningRate(0.4), Schedule.constant(), 200),
                new Rules("momentum", Sgd.withLearningRate(0.05).momentum(0.9), Schedule.constant(), 300),
                new Rules("nesterov", Sgd.withLearningRate(0.05).momentum(0.9).nesterov(), Schedule.constant(), 300),
                new Rules("classical momentum", ClassicalMomentum.of(0.05, 0.9), Schedule.constant(), 300),
                new Rules("adagrad", AdaGrad.withLearningRate(1.5), Schedule.constant(), 500),
                new Rules("rmsprop", RmsProp.withLearningRate(0.1).alpha(0.9), Schedule.exponential(0.99), 1000),
                new Rules("rmsprop centered momentum", RmsProp.withLearningRate(0.02).alpha(0.9).centered().momentum(0.5),
                        Schedule.exponential(0.99), 800),
                new Rules("adadelta", AdaDelta.create().learningRate(0.5).epsilon(1e-2), Schedule.constant(), 1000),
                new Rules("adam", Adam.withLearningRate(0.5), Schedule.exponential(0.98), 500),
                new Rules("amsgrad", Adam.withLearningRate(0.5).amsgrad(), Schedule.exponential(0.98), 500),
                new Rules("adam uncorrected", Adam.withLearningRate(0.5).withoutBiasCorrection(), Schedule.exponential(0.98), 500),
                new Rules("adamw", AdamW.withLearningRate(0.5).weightDecay(0.01), Schedule.exponential(0.98), 500),
                new Rules("adamax", Adamax.withLearningRate(0.5), Schedule.constant(), 500),
                new Rules("nadam", NAdam.withLearningRate(0.5), Schedule.exponential(0.98), 500),
                new Rules("sign descent", new SignDescent(0.5), Schedule.exponential(0.97), 500));
    }

    /** The rules for the softmax regression (full batch, L2-regularized, so its minimum is unique). */
    static List<Rules> forSoftmaxRegression() {
        return List.of(
                new Rules("gradient descent", Sgd.withLearningRate(1), Schedule.constant(), 2000),
                new Rules("momentum", Sgd.withLearningRate(0.2).momentum(0.9), Schedule.constant(), 1000),
                new Rules("nesterov", Sgd.withLearningRate(0.2).momentum(0.9).nesterov(), Schedule.constant(), 1000),
                new Rules("classical momentum", ClassicalMomentum.of(0.2, 0.9), Schedule.constant(), 1000),
                new Rules("adagrad", AdaGrad.withLearningRate(0.5), Schedule.constant(), 2000),
                new Rules("rmsprop", RmsProp.withLearningRate(0.01).alpha(0.9), Schedule.exponential(0.995), 2000),
                new Rules("rmsprop centered momentum", RmsProp.withLearningRate(0.005).alpha(0.9).centered().momentum(0.5),
                        Schedule.exponential(0.995), 2000),
                new Rules("adadelta", AdaDelta.create().epsilon(1e-2), Schedule.constant(), 2000),
                new Rules("adam", Adam.withLearningRate(0.05), Schedule.exponential(0.997), 2000),
                new Rules("amsgrad", Adam.withLearningRate(0.05).amsgrad(), Schedule.exponential(0.997), 2000),
                new Rules("adam uncorrected", Adam.withLearningRate(0.05).withoutBiasCorrection(), Schedule.exponential(0.997), 2000),
                new Rules("adamw", AdamW.withLearningRate(0.05).weightDecay(0), Schedule.exponential(0.997), 2000),
                new Rules("adamax", Adamax.withLearningRate(0.1), Schedule.constant(), 2000),
                new Rules("nadam", NAdam.withLearningRate(0.05), Schedule.exponential(0.997), 2000),
                new Rules("sign descent", new SignDescent(0.05), Schedule.exponential(0.995), 2000));
    }
}

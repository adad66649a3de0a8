package org.adjoint.optim.rules.laws;

import static org.adjoint.optim.rules.laws.Elements.violation;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/** {@link RuleLaws#decreasesConvexQuadratic}: the rule's rate, then a tenth of it, … down to a millionth. */
final class DescentLaw {

    /** How many times the rate is divided by 10 before the law gives up. */
    static final int DIVISIONS = 6;

    private DescentLaw() {
    }

    /** What went wrong at one rate: the step and the message, or null if f fell at every step. */
    private record Rise(int step, String detail) {
    }

    static <S> void check(UpdateRule<S> rule, long seed, int dimension, int steps) {
        ConvexQuadratic q = ConvexQuadratic.random(seed, dimension);
        Rise rise = null;
        for (int k = 0; k <= DIVISIONS; k++) {
            rise = firstRise(rule, q, rule.learningRate() * Math.pow(10, -k), steps);
            if (rise == null) {
                return;
            }
        }
        throw violation("decreasesConvexQuadratic", rule, rise.step(), "x", rise.detail()
                + "; f = ½·xᵀAx + bᵀx (seed " + seed + ", dimension " + dimension + ") failed to fall at some step of "
                + steps + " at every rate from η = " + rule.learningRate() + " down to η·1e-" + DIVISIONS);
    }

    private static <S> Rise firstRise(UpdateRule<S> rule, ConvexQuadratic q, double lr, int steps) {
        Tensor x = q.x0();
        S state = rule.init(x);
        double f = q.value(x);
        for (int t = 1; t <= steps; t++) {
            Update<S> u = rule.apply(x, q.gradient(x), state, lr);
            double next = q.value(u.param());
            if (!(next < f)) {
                return new Rise(t, "f is " + f + " before the step but " + next + " after it, at the rate " + lr);
            }
            x = u.param();
            state = u.state();
            f = next;
        }
        return null;
    }
}

package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.adjoint.core.Interval;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward mode for every op of the {@link OpCatalogue}, on random inputs in its smooth domain, with
 * respect to each input in turn (the others held constant): {@link Derivatives#jvp} against centered
 * differences of the op along a random direction, and the forward (column by column) Jacobian against
 * the reverse (row by row) one. Forward mode has no rules of its own, it transposes the recorded
 * backward sweep, so these check that every op's derivative rule is linear in its cotangent and
 * differentiable with respect to it; an op added to the catalogue is covered here with no change.
 */
class ForwardModePropertyTest {

    /** As {@link GradCheck#defaults()}: step, floor of the error's denominator, tolerance. */
    private static final double STEP = 1e-5;
    private static final double SCALE = 1e-3;
    private static final double TOLERANCE = 1e-6;
    /** Forward and reverse Jacobians add the same products in other orders: they differ by rounding only. */
    private static final double ROUNDING = 1e-13;

    @TestFactory
    Stream<DynamicTest> jvpMatchesCenteredDifferencesAlongRandomDirections() {
        return OpCatalogue.all().stream().map(c -> dynamicTest(c.name(), () ->
                Property.forAll(c.calls(), Gen.integers(0, 1 << 20)).named(c.name() + ": jvp")
                        .check((call, seed) -> {
                            for (int i = 0; i < call.inputs().length; i++) {
                                checkJvp(call, i, seed);
                            }
                        })));
    }

    @TestFactory
    Stream<DynamicTest> forwardJacobianEqualsReverseJacobian() {
        return OpCatalogue.all().stream().map(c -> dynamicTest(c.name(), () ->
                Property.forAll(c.calls()).named(c.name() + ": forward Jacobian").check(call -> {
                    for (int i = 0; i < call.inputs().length; i++) {
                        VarFunction f = onInput(call, i);
                        Tensor x = call.inputs()[i];
                        Tensor forward = Derivatives.jacobianForward(f, x);
                        Tensor reverse = Derivatives.jacobianReverse(f, x);
                        double atol = ROUNDING * Math.max(1, largest(reverse));
                        int input = i;
                        assertTrue(forward.allClose(reverse, ROUNDING, atol), () -> "input " + input
                                + ": largest difference " + forward.maxAbsDifference(reverse) + "\nforward "
                                + forward + "\nreverse " + reverse);
                    }
                })));
    }

    /**
     * {@code J·v} against one Richardson step of centered differences of f along v, with GradCheck's
     * error: {@code |a − n| / max(|a|, |n|, scale · max(1, max |f(x)|))} for each output element.
     */
    private static void checkJvp(OpCatalogue.Call call, int i, int seed) {
        VarFunction f = onInput(call, i);
        Tensor x = call.inputs()[i];
        Tensor v = Tensor.randomUniform(seed + i, new Interval(-1, 1), x.shape().dims());
        Derivatives.ValueAndJvp vj = Derivatives.valueAndJvp(f, x, v);
        Tensor numeric = alongDirection(f, x, v, STEP / 2).mul(4).sub(alongDirection(f, x, v, STEP)).div(3);
        double floor = SCALE * Math.max(1, largest(vj.value()));
        double[] a = vj.jvp().toArray();
        double[] n = numeric.toArray();
        for (int k = 0; k < a.length; k++) {
            double error = Math.abs(a[k] - n[k]) / Math.max(Math.max(Math.abs(a[k]), Math.abs(n[k])), floor);
            int element = k;
            assertTrue(error <= TOLERANCE, () -> "input " + i + ", output element " + element + ": jvp " + a[element]
                    + ", finite differences " + n[element] + ", error " + error + "\nv = " + OpCatalogue.exact(v));
        }
    }

    /** The centered difference {@code (f(x + h·v) − f(x − h·v)) / 2h}. */
    private static Tensor alongDirection(VarFunction f, Tensor x, Tensor v, double h) {
        Tensor plus = f.apply(Var.constant(x.add(v.mul(h)))).value();
        Tensor minus = f.apply(Var.constant(x.sub(v.mul(h)))).value();
        return plus.sub(minus).div(2 * h);
    }

    /** The call as a function of input i alone, the other inputs held constant. */
    private static VarFunction onInput(OpCatalogue.Call call, int i) {
        return x -> {
            Var[] vars = new Var[call.inputs().length];
            for (int j = 0; j < vars.length; j++) {
                vars[j] = j == i ? x : Var.constant(call.inputs()[j]);
            }
            return call.apply().apply(vars);
        };
    }

    private static double largest(Tensor t) {
        return t.size() == 0 ? 0 : t.abs().max().item();
    }
}

package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Derivatives#jvp} and the forward-mode Jacobian: values, shapes, the choice of mode, errors. */
class ForwardModeTest {

    /** f(x) = [x0·x1, sin x2] from a 3-vector: J = [[x1, x0, 0], [0, 0, cos x2]]. */
    private static final VarFunction PRODUCT_AND_SINE = v -> Var.concat(0,
            v.slice(0, 0, 1).mul(v.slice(0, 1, 2)), v.slice(0, 2, 3).sin());

    @Test
    void jvpIsTheJacobianTimesTheDirection() {
        Tensor x = Tensor.vector(2, 3, 0.5);
        Tensor v = Tensor.vector(0.25, -1, 4);
        Derivatives.ValueAndJvp vj = Derivatives.valueAndJvp(PRODUCT_AND_SINE, x, v);
        assertEquals(Tensor.vector(6, Math.sin(0.5)), vj.value());
        Tensor expected = Tensor.vector(3 * 0.25 + 2 * -1, Math.cos(0.5) * 4);
        assertTrue(vj.jvp().allClose(expected, 1e-15, 1e-15), vj.jvp()::toString);
        assertEquals(vj.jvp(), Derivatives.jvp(PRODUCT_AND_SINE, x, v));
    }

    @Test
    void jvpHasTheOutputsShapeForAnyShapes() {
        Tensor x = Tensor.randomNormal(1, 2, 3);
        Tensor v = Tensor.randomNormal(2, 2, 3);
        VarFunction f = t -> t.tanh().matmulTransposed(t);
        Tensor jv = Derivatives.jvp(f, x, v);
        assertEquals(Shape.of(2, 2), jv.shape());
        Tensor j = Derivatives.jacobianReverse(f, x).reshape(4, 6);
        assertTrue(jv.allClose(j.matmul(v.reshape(6)).reshape(2, 2), 1e-13, 1e-13), jv::toString);
        Tensor scalar = Derivatives.jvp(t -> t.exp().sum(), x, v);
        assertEquals(Shape.of(), scalar.shape());
        assertEquals(x.exp().mul(v).sum().item(), scalar.item(), 1e-13);
        assertEquals(Derivatives.directionalDerivative(t -> t.exp().sum(), x, v), scalar.item(), 1e-13);
    }

    @Test
    void jvpOfAScalarInputIsTheDerivativeTimesTheStep() {
        Tensor jv = Derivatives.jvp(t -> t.mul(Var.constant(Tensor.vector(1, 2, 3))).sin(), Tensor.scalar(0.5),
                Tensor.scalar(2));
        Tensor expected = Tensor.vector(Math.cos(0.5), 2 * Math.cos(1), 3 * Math.cos(1.5)).mul(2);
        assertTrue(jv.allClose(expected, 1e-15, 1e-15), jv::toString);
    }

    /** Many residuals, few parameters: the case of least squares, where columns are cheap. */
    @Test
    void tallJacobianOfAnExponentialDecayFit() {
        int m = 200;
        Tensor t = Tensor.vector(linspace(0, 5, m));
        Tensor data = t.mul(-0.7).exp().mul(2.5).add(0.1);
        VarFunction residuals = theta -> Var.constant(t).mul(theta.slice(0, 1, 2)).neg().exp()
                .mul(theta.slice(0, 0, 1)).add(theta.slice(0, 2, 3)).sub(Var.constant(data));
        Tensor theta = Tensor.vector(2, 0.5, 0.3);
        Tensor j = Derivatives.jacobian(residuals, theta);
        assertEquals(Shape.of(m, 3), j.shape());
        double[][] expected = new double[m][];
        for (int i = 0; i < m; i++) {
            double e = Math.exp(-0.5 * t.get(i));
            expected[i] = new double[] {e, -2 * t.get(i) * e, 1};
        }
        assertTrue(j.allClose(Tensor.matrix(expected), 1e-14, 1e-14), j::toString);
        assertTrue(j.allClose(Derivatives.jacobianReverse(residuals, theta), 1e-14, 1e-14));
        assertEquals(j, Derivatives.jacobianForward(residuals, theta));
    }

    /** Few outputs, many inputs: rows are cheap. */
    @Test
    void wideJacobianOfTwoReductions() {
        Tensor x = Tensor.randomNormal(3, 50);
        VarFunction f = v -> Var.concat(0, v.square().sum().reshape(1), v.sin().sum().reshape(1));
        Tensor j = Derivatives.jacobian(f, x);
        assertEquals(Shape.of(2, 50), j.shape());
        Tensor expected = Tensor.matrix(new double[][] {x.mul(2).toArray(), x.cos().toArray()});
        assertTrue(j.allClose(expected, 1e-15, 1e-15), j::toString);
        assertTrue(Derivatives.jacobianForward(f, x).allClose(expected, 1e-15, 1e-15));
        assertEquals(j, Derivatives.jacobianReverse(f, x));
    }

    @Test
    void forwardJacobianOfAMatrixFunctionKeepsBothShapes() {
        Tensor x = Tensor.randomNormal(4, 2, 3);
        Tensor j = Derivatives.jacobianForward(v -> v.tanh().sum(0), x);
        assertEquals(Shape.of(3, 2, 3), j.shape());
        Tensor numeric = FiniteDifferences.jacobian(t -> t.tanh().sum(0), x);
        assertTrue(FiniteDifferences.relativeError(j, numeric) < 1e-8);
    }

    /**
     * The automatic choice, seen through a rule that counts its calls: rows run the rule once per
     * output element; columns run it once, to record the pullback, and then sweep only that recording.
     * Either way f is recorded once.
     */
    @Test
    void jacobianTakesColumnsWhenTheInputIsSmallerAndRowsOtherwise() {
        AtomicInteger rules = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        UnaryOp counted = new CountedSquare(rules);
        VarFunction tall = v -> {
            calls.incrementAndGet();
            return Var.apply(counted, v.reshape(2, 1).mul(Var.constant(Tensor.ones(2, 40)))).reshape(80);
        };
        Tensor tallJ = Derivatives.jacobian(tall, Tensor.vector(1, -2));
        assertEquals(1, calls.get());
        assertEquals(1, rules.get());
        assertTrue(Derivatives.jacobianReverse(tall, Tensor.vector(1, -2)).allClose(tallJ, 0, 0), tallJ::toString);
        assertEquals(81, rules.get());
        rules.set(0);
        VarFunction wide = v -> Var.apply(counted, v).sum(0);
        Tensor wideJ = Derivatives.jacobian(wide, Tensor.ones(6, 2));
        assertEquals(2, rules.get());
        assertTrue(Derivatives.jacobianForward(wide, Tensor.ones(6, 2)).allClose(wideJ, 0, 0), wideJ::toString);
    }

    @Test
    void aFunctionThatIgnoresItsArgumentHasZeroDerivatives() {
        Tensor x = Tensor.vector(1, 2);
        VarFunction constant = v -> Var.constant(Tensor.vector(4, 5, 6));
        Derivatives.ValueAndJvp vj = Derivatives.valueAndJvp(constant, x, Tensor.vector(1, 1));
        assertEquals(Tensor.vector(4, 5, 6), vj.value());
        assertEquals(Tensor.zeros(3), vj.jvp());
        assertEquals(Tensor.zeros(3, 2), Derivatives.jacobianForward(constant, x));
        assertEquals(Tensor.zeros(3, 2), Derivatives.jacobian(constant, x));
        VarFunction detached = v -> Var.constant(v.value()).mul(2);
        assertEquals(Tensor.zeros(2), Derivatives.jvp(detached, x, Tensor.vector(1, 1)));
    }

    @Test
    void linearFunctionsHaveTheirMatrixAsJacobian() {
        Tensor a = Tensor.randomNormal(5, 7, 3);
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor v = Tensor.vector(-1, 0.5, 2);
        assertTrue(Derivatives.jvp(t -> Var.constant(a).matmul(t), x, v).allClose(a.matmul(v), 1e-15, 1e-15));
        assertEquals(a, Derivatives.jacobianForward(t -> Var.constant(a).matmul(t), x));
        assertEquals(Tensor.identity(3), Derivatives.jacobianForward(t -> t, x));
        assertEquals(v.mul(3), Derivatives.jvp(t -> t.mul(3), x, v));
    }

    /**
     * Where a local derivative is infinite, both modes give the same Jacobian: the infinity where it
     * belongs, and the engine's zero-cotangent rule keeps {@code 0 · ∞} out of the other entries and
     * out of the branch a {@code where} did not choose.
     */
    @Test
    void infiniteLocalDerivativesGiveTheSameJacobianInBothModes() {
        Tensor x = Tensor.vector(0, 1, 4);
        VarFunction root = v -> v.sqrt().mul(2);
        assertEquals("[[Infinity, 0, 0], [0, 1, 0], [0, 0, 0.5]]", entries(Derivatives.jacobianForward(root, x)));
        assertEquals(entries(Derivatives.jacobianReverse(root, x)), entries(Derivatives.jacobianForward(root, x)));
        Tensor y = Tensor.vector(0, 1, -1);
        VarFunction guarded = v -> Var.where(v.value().gt(0), v.sqrt(), Var.constant(0)).mul(2);
        assertEquals("[[0, 0, 0], [0, 1, 0], [0, 0, 0]]", entries(Derivatives.jacobianForward(guarded, y)));
        assertEquals(entries(Derivatives.jacobianReverse(guarded, y)), entries(Derivatives.jacobianForward(guarded, y)));
        assertEquals(Tensor.vector(0, 1, 0), Derivatives.jvp(guarded, y, Tensor.vector(1, 1, 1)));
    }

    /**
     * Where the chain rule meets {@code 0 · ∞} ({@code sqrt(|x|)} at 0: {@code |x|' = 0},
     * {@code sqrt' = ∞}), the derivative does not exist and the modes differ, as documented in
     * {@link Derivatives#jacobian}: reverse mode multiplies the infinite cotangent by 0 (NaN), forward
     * mode applies the zero-cotangent rule to the zero tangent (0).
     */
    @Test
    void aZeroTimesAnInfiniteLocalDerivativeIsNaNInReverseModeAndZeroInForwardMode() {
        VarFunction f = v -> v.abs().sqrt();
        Tensor x = Tensor.vector(0, 4);
        assertEquals("[[NaN, 0], [0, 0.25]]", entries(Derivatives.jacobianReverse(f, x)));
        assertEquals("[[0, 0], [0, 0.25]]", entries(Derivatives.jacobianForward(f, x)));
    }

    @Test
    void emptyInputsAndOutputs() {
        VarFunction shift = v -> v.sum().add(Var.constant(Tensor.vector(1, 2)));
        assertEquals(Tensor.zeros(2, 0), Derivatives.jacobianForward(shift, Tensor.zeros(0)));
        assertEquals(Tensor.zeros(2, 0), Derivatives.jacobian(shift, Tensor.zeros(0)));
        assertEquals(Tensor.zeros(2), Derivatives.jvp(shift, Tensor.zeros(0), Tensor.zeros(0)));
        VarFunction none = v -> v.slice(0, 0, 0);
        assertEquals(Tensor.zeros(0, 3), Derivatives.jacobianForward(none, Tensor.ones(3)));
        assertEquals(Tensor.zeros(0), Derivatives.jvp(none, Tensor.ones(3), Tensor.ones(3)));
    }

    @Test
    void aNonFiniteDirectionReachesTheResult() {
        Tensor jv = Derivatives.jvp(t -> t.mul(2), Tensor.vector(1, 2), Tensor.vector(Double.NaN, 1));
        assertTrue(Double.isNaN(jv.get(0)), jv::toString);
        assertEquals(2, jv.get(1));
    }

    @Test
    void errorsNameTheOperationAndTheShapes() {
        Tensor x = Tensor.vector(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.jvp(PRODUCT_AND_SINE, x, Tensor.vector(1, 2)));
        assertEquals("jvp: the direction's shape [2] differs from the point's shape [3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.valueAndJvp(PRODUCT_AND_SINE, x, Tensor.ones(3, 1)));
        assertEquals("valueAndJvp: the direction's shape [3, 1] differs from the point's shape [3]", e.getMessage());
        Tensor big = Tensor.zeros(1 << 16);
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.jacobianForward(v -> v, big));
        assertTrue(e.getMessage().startsWith("jacobianForward: output shape [65536] and input shape [65536]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.jacobianReverse(v -> v, big));
        assertTrue(e.getMessage().startsWith("jacobianReverse: output shape [65536] and input shape [65536]"),
                e.getMessage());
    }

    /** The entries as nested lists, signs of zeros dropped: {@code [[1, 0], [0, NaN]]}. */
    private static String entries(Tensor matrix) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < matrix.shape().dim(0); r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < matrix.shape().dim(1); c++) {
                double e = matrix.get(r, c) + 0.0;
                sb.append(c == 0 ? "" : ", ").append(e == Math.rint(e) && Double.isFinite(e) ? Long.toString((long) e)
                        : Double.toString(e));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static double[] linspace(double from, double to, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + (to - from) * i / (count - 1);
        }
        return out;
    }

    /** y = x², counting how often its derivative rule runs. */
    private record CountedSquare(AtomicInteger rules) implements UnaryOp {
        @Override
        public Tensor forward(Tensor x) {
            return x.square();
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            rules.incrementAndGet();
            return yBar.mul(x).mul(2);
        }
    }
}

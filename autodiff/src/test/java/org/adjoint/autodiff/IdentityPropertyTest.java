package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Identities between functions hold for their derivatives too, at every order: if f = g then
 * ∇f = ∇g and ∇²f = ∇²g. Each side is built from different ops, so a wrong rule in one shows up
 * as a difference, without any finite differences.
 */
class IdentityPropertyTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void expOfLogIsTheIdentity() {
        holds(Gen.doubles(0.1, 5), x -> x.log().exp(), x -> x);
    }

    @Test
    void sinSquaredPlusCosSquaredIsOne() {
        holds(Gen.doubles(-4, 4), x -> x.sin().square().add(x.cos().square()), x -> x.mul(0).add(1));
    }

    @Test
    void tanhIsARescaledSigmoid() {
        holds(Gen.doubles(-4, 4), Var::tanh, x -> x.mul(2).sigmoid().mul(2).sub(1));
    }

    @Test
    void softmaxIsTheExponentialOfLogSoftmax() {
        holds(Gen.doubles(-4, 4), x -> x.reshape(1, -1).softmax(1), x -> x.reshape(1, -1).logSoftmax(1).exp());
    }

    @Test
    void logSumExpIsTheLogOfTheSumOfExponentials() {
        holds(Gen.doubles(-4, 4), Var::logSumExp, x -> x.exp().sum().log());
    }

    @Test
    void theArctangentInvertsTheTangent() {
        holds(Gen.doubles(-1.4, 1.4), x -> x.tan().atan(), x -> x);
    }

    @Test
    void sqrtIsTheHalfPower() {
        holds(Gen.doubles(0.1, 5), Var::sqrt, x -> x.pow(0.5));
    }

    @Test
    void divisionIsMultiplicationByTheReciprocal() {
        holds(Gen.doublesAwayFrom(-4, 4, 0, 0.2), x -> x.sin().div(x), x -> x.sin().mul(x.pow(-1)));
    }

    @Test
    void theTransposedProductsEqualProductsWithAnExplicitTranspose() {
        VarFunction m = x -> x.reshape(-1, 1).mul(x.reshape(1, -1)).sin();
        VarFunction n = x -> x.reshape(-1, 1).add(x.mul(0.5).reshape(1, -1)).cos();
        holds(Gen.doubles(-2, 2), x -> m.apply(x).matmulTransposed(n.apply(x)),
                x -> m.apply(x).matmul(n.apply(x).transpose()));
        holds(Gen.doubles(-2, 2), x -> m.apply(x).transposedMatmul(n.apply(x)),
                x -> m.apply(x).transpose().matmul(n.apply(x)));
    }

    /**
     * Checks {@code sum(f(x)·w) = sum(g(x)·w)} for a fixed weight w of f's output shape, with equal
     * gradients and Hessians, on random vectors.
     */
    private static void holds(Gen<Double> domain, VarFunction f, VarFunction g) {
        Property.forAll(TensorGens.tensors(TensorGens.shapesOfRank(1, 1, 6), domain)).check(x -> {
            Tensor output = f.apply(Var.constant(x)).value();
            int[] outputShape = output.shape().dims();
            Var w = Var.constant(Tensor.arange(output.size()).add(1).reshape(outputShape));
            VarFunction fw = v -> f.apply(v).mul(w).sum();
            VarFunction gw = v -> g.apply(v).reshape(outputShape).mul(w).sum();
            close("value", Tensor.scalar(fw.apply(Var.constant(x)).item()), Tensor.scalar(gw.apply(Var.constant(x)).item()));
            close("gradient", Derivatives.grad(fw, x), Derivatives.grad(gw, x));
            close("Hessian", Derivatives.hessian(fw, x), Derivatives.hessian(gw, x));
        });
    }

    private static void close(String what, Tensor a, Tensor b) {
        double scale = Math.max(1, Math.max(a.abs().max().item(), b.abs().max().item()));
        assertTrue(a.maxAbsDifference(b) <= TOLERANCE * scale, () -> what + " differs: " + a + " vs " + b);
    }
}
